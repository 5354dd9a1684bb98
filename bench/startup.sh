#!/usr/bin/env bash
# Start-up latency of the rsspot CLI against a bare `dotnet hello.dll` built here, in paired runs: every round runs
# each command once per build in turn (hello, then each build), so load on a shared machine hits all alike, and
# the medians of the rounds are compared. Commands:
#   --version, --help, `regions list` against the emulator served on loopback with the token and the response
#   already cached (a warm-cache real command: 0 requests, checked through the emulator's journal), and
#   `--sandbox regions list` (in-process emulator, response cache off so each run does the emulator's work).
# Builds: `r2r` is the tool as the linux-x64 RID package ships it (publish -r <rid>, ReadyToRun as the project
# sets it), `portable` the framework-independent fallback package; with a git ref as third argument that commit joins
# as `base`, published exactly like r2r (same RID, same project settings of its time), so r2r / base is the gain of
# the change alone, like for like.
# Usage: bench/startup.sh [rounds] [label] [base-ref]   (default 11 rounds); writes bench/results/startup.md
# (or $STARTUP_RESULTS). RSSPOT_STARTUP_TRACE=1 on a single run shows where its time goes.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/baseline.sh
source "$root/bench/baseline.sh"
rounds="${1:-11}"
label="${2:-current}"
base_ref="${3:-}"
out="${STARTUP_RESULTS:-$root/bench/results/startup.md}"
work="$(mktemp -d)"
server_pid=""
cleanup() {
  # The emulator's exit status (143 after SIGTERM) must neither fail the benchmark under `set -e` nor skip the rm.
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NO_COLOR=1
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
rid="$(dotnet --info | sed -n 's/^ *RID: *//p' | head -n 1)"
rid="${rid:-linux-x64}"

echo "-- build (hello, r2r and portable${base_ref:+, base $base_ref})" >&2
build_hello "$work/hello"
publish() { dotnet publish "$1/src/RsSpot.Cli/RsSpot.Cli.csproj" -c Release --nologo -v quiet -o "$2" "${@:3}" >"$work/publish.log" || { cat "$work/publish.log" >&2; exit 1; }; }
# A snapshot of the working tree, so editing it while the benchmark runs changes nothing measured.
mkdir -p "$work/src"
(cd "$root" && git ls-files -co --exclude-standard -z | xargs -0 tar -c --ignore-failed-read 2>/dev/null) | tar -x -C "$work/src"
publish "$work/src" "$work/r2r" -r "$rid" --self-contained false
publish "$work/src" "$work/portable" -p:PublishReadyToRun=false
builds=(r2r portable)
if [ -n "$base_ref" ]; then
  mkdir -p "$work/base-src"
  git -C "$root" archive "$base_ref" | tar -x -C "$work/base-src"
  publish "$work/base-src" "$work/base" -r "$rid" --self-contained false
  builds+=(base)
fi

echo "-- emulator on loopback, one configured home per build" >&2
mkdir -p "$work/server-home"
HOME="$work/server-home" dotnet "$work/portable/RsSpot.Cli.dll" emulator serve --port 0 >"$work/server.out" 2>"$work/server.err" &
server_pid=$!
for _ in $(seq 300); do grep -q '"base_url"' "$work/server.out" 2>/dev/null && break; sleep 0.1; done
url="$(sed -n 's/.*"base_url": "\([^"]*\)".*/\1/p' "$work/server.out")"
token="$(sed -n 's/.*"refresh_token": "\([^"]*\)".*/\1/p' "$work/server.out")"
[ -n "$url" ] || { cat "$work/server.err" >&2; echo "emulator did not start" >&2; exit 1; }
# The warm-cache home keeps regions for a day (the default TTL is 20 s, shorter than a benchmark); the sandbox home
# caches no responses, so every sandbox run does the emulator's work (its token is still cached, as for a user).
for build in "${builds[@]}"; do
  mkdir -p "$work/home-$build" "$work/sandbox-$build/.config/rsspot"
  HOME="$work/home-$build" dotnet "$work/$build/RsSpot.Cli.dll" configure --base-url "$url" --oauth-url "$url" --refresh-token "$token" >/dev/null 2>&1
  printf 'cache:\n  ttl_defaults:\n    "GET:/apis/ngpc.rxt.io/v1/regions": 86400\n' >>"$work/home-$build/.config/rsspot/config.yml"
  printf 'cache:\n  enabled: false\n' >"$work/sandbox-$build/.config/rsspot/config.yml"
done

# name|arguments: the commands measured, in table order.
commands=("--version|--version" "--help|--help" "regions list (warm cache, loopback)|regions list" "--sandbox regions list|--sandbox regions list")

run_ms() { # build args... -> wall milliseconds of one run (fails the benchmark when the command fails)
  local build="$1" start end
  shift
  start=$(date +%s%N)
  local home="$work/home-$build"
  [ "${1:-}" = --sandbox ] && home="$work/sandbox-$build"
  if [ "$build" = hello ]; then dotnet "$work/hello/out/hello.dll" >/dev/null 2>&1; else HOME="$home" dotnet "$work/$build/RsSpot.Cli.dll" "$@" >/dev/null 2>"$work/last.err" || { cat "$work/last.err" >&2; echo "failed: $build $*" >&2; echo failed; return; }; fi
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}

echo "-- warm-up (fills the OS file cache, the token and response caches, sandbox.db)" >&2
run_ms hello >/dev/null
for build in "${builds[@]}"; do
  for entry in "${commands[@]}"; do
    # shellcheck disable=SC2086
    [ "$(run_ms "$build" ${entry#*|})" != failed ] || exit 1
  done
done
curl -fsS -X DELETE "${url}_emulator/journal" >/dev/null

echo "-- $rounds paired rounds" >&2
declare -A samples
for _ in $(seq "$rounds"); do
  samples[hello]+="$(run_ms hello) "
  for entry in "${commands[@]}"; do
    for build in "${builds[@]}"; do
      # shellcheck disable=SC2086
      samples["$build|${entry%%|*}"]+="$(run_ms "$build" ${entry#*|}) "
    done
  done
done
[[ "${samples[*]}" != *failed* ]] || { echo "a benchmarked command failed" >&2; exit 1; }
requests="$(curl -fsS "${url}_emulator/journal" | grep -o '"path"' | wc -l || true)"
[ "$requests" -eq 0 ] || { echo "the warm-cache command sent $requests requests; expected 0" >&2; exit 1; }

hello="$(median "${samples[hello]}")"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

mkdir -p "$(dirname "$out")"
{
  echo "# rsspot start-up ($label)"
  echo
  echo "Machine: $(nproc) cores, $(uname -sm), .NET SDK $(dotnet --version); load average before $load_before, after $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "Median wall time (ms) of $rounds paired rounds after a warm-up; every build runs as \`dotnet <dll>\`, like hello."
  echo "\`dotnet hello.dll\`: **$hello ms** (1.00). Targets: warm-cache command and --help at most 3x hello, sandbox at most 5x."
  echo
  header="| Command |"; rule="|---|"
  for build in "${builds[@]}"; do header+=" $build (ms) | $build / hello |"; rule+="---:|---:|"; done
  [ -n "$base_ref" ] && { header+=" r2r / base |"; rule+="---:|"; }
  echo "$header"; echo "$rule"
  for entry in "${commands[@]}"; do
    name="${entry%%|*}"
    row="| \`$name\` |"
    for build in "${builds[@]}"; do
      m="$(median "${samples[$build|$name]}")"
      row+=" $m | $(ratio "$m" "$hello") |"
    done
    [ -n "$base_ref" ] && row+=" $(ratio "$(median "${samples[r2r|$name]}")" "$(median "${samples[base|$name]}")") |"
    echo "$row"
  done
  echo
  echo "Builds: r2r = \`dotnet publish -r $rid\` (what the $rid tool package holds); portable = the any-RID fallback package${base_ref:+; base = $base_ref, published like r2r}."
} >"$out"
cat "$out"
