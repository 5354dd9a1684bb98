#!/usr/bin/env bash
# Runs every test project of RsSpot.sln and prints one summary line computed from the TRX results:
#   tests: N passed, N failed[, N skipped]
# Exits non-zero when anything failed or when no test ran. Extra arguments go to `dotnet test`.
# The shared-state tests need PostgreSQL: unless RSSPOT_TEST_POSTGRES names a server, a throwaway one is started on
# loopback (build/postgres.sh, installing the distribution's package when missing) and stopped at the end. Without
# one those tests are skipped with the reason, except in CI (CI set), where they fail.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

if [ -z "${RSSPOT_TEST_POSTGRES:-}" ]; then
  postgres_env="$root/artifacts/postgres.env"
  if "$root/build/postgres.sh" start "$postgres_env" >"$root/artifacts/postgres.log" 2>&1; then
    # shellcheck disable=SC1090
    source "$postgres_env"
    trap '"$root/build/postgres.sh" stop "$postgres_env" >/dev/null 2>&1' EXIT
  else
    echo "PostgreSQL could not be started (artifacts/postgres.log): its tests are skipped outside CI" >&2
  fi
fi

# One build of the solution first, then the test assemblies without their per-project build checks (which cost about
# 30 s each, one after the other). A configuration given to this script applies to both; --no-build skips the build.
no_build=false
configuration=()
previous=""
for arg in "$@"; do
  [ "$arg" = --no-build ] && no_build=true
  case "$previous" in -c|--configuration) configuration=(-c "$arg") ;; esac
  previous="$arg"
done
if ! "$no_build"; then
  dotnet build "$root/RsSpot.sln" --nologo -v q "${configuration[@]}" || { echo "the build failed: no test ran" >&2; echo "tests: 0 passed, 0 failed"; exit 1; }
  set -- "$@" --no-build
fi
dotnet test "$root/RsSpot.sln" --nologo --logger "trx" --results-directory "$results" "$@"
status=$?

passed=0; failed=0; skipped=0
shopt -s nullglob
for trx in "$results"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  total=$(value total); executed=$(value executed); p=$(value passed); f=$(value failed)
  e=$(value error); t=$(value timeout); a=$(value aborted)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0} + ${a:-0}))
  skipped=$((skipped + ${total:-0} - ${executed:-0}))
done

summary="tests: $passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"

if [ "$failed" -gt 0 ] || [ "$passed" -eq 0 ] || [ "$status" -ne 0 ]; then
  exit 1
fi
