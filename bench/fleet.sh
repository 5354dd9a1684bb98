#!/usr/bin/env bash
# Fleet benchmark: registration runner processes sharing one PostgreSQL ledger (issue 20).
#   1. throughput: R runner processes × N candidate VMs (default 4 × 500), started together, each with 4 workers;
#   2. kill -9: the same, with one runner hanging after its K-th submission (holding leases) and killed with -9 while
#      the others run; they finish its VMs once its lease has run out.
# Each run checks that every VM was submitted exactly once (the runners' submission logs), that every VM ended
# registered and that no lease is left, then reports wall time and VMs/s (and the ledger's own first-to-last span).
# The runner is tests/RsSpot.RegistrationWorker (its handler does no I/O beyond its logs, so this measures the
# ledger). PostgreSQL: RSSPOT_TEST_POSTGRES, else a throwaway cluster from build/postgres.sh.
# Usage: bench/fleet.sh [vms] [runners]   writes bench/results/fleet.md (or $FLEET_RESULTS)
set -euo pipefail
shopt -s inherit_errexit
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
vms="${1:-500}"
runners="${2:-4}"
lease_ms=3000
hang_at=40
out="${FLEET_RESULTS:-$root/bench/results/fleet.md}"
work="$(mktemp -d)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
cleanup() {
  [ -n "${postgres_env:-}" ] && "$root/build/postgres.sh" stop "$postgres_env" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

if [ -z "${RSSPOT_TEST_POSTGRES:-}" ]; then
  postgres_env="$work/postgres.env"
  "$root/build/postgres.sh" start "$postgres_env" >&2
  # shellcheck disable=SC1090
  source "$postgres_env"
fi
field() { sed -n "s/.*$1=\([^;]*\).*/\1/ip" <<<"$RSSPOT_TEST_POSTGRES"; }
export PGHOST="$(field Host)" PGPORT="$(field Port)" PGDATABASE="$(field Database)" PGUSER="$(field Username)" PGPASSWORD="$(field Password)"
sql() { psql -qAtX -v ON_ERROR_STOP=1 -c "$1"; }

echo "building the runner (Release)" >&2
dotnet build "$root/tests/RsSpot.RegistrationWorker" -c Release -v q -nologo >&2
worker="$root/tests/RsSpot.RegistrationWorker/bin/Release/net10.0/RsSpot.RegistrationWorker.dll"
now_ms() { date +%s%3N; }

# run NAME HANG: one fleet run in a fresh schema; prints a result row and checks exactly-once.
run() {
  local name="$1" hang="$2" schema="bench_$1_$$" dir="$work/$1" pids=() victim="" held=0 start end i
  mkdir -p "$dir"
  sql "CREATE SCHEMA $schema"
  local connection="$RSSPOT_TEST_POSTGRES;Search Path=$schema"
  start=$(now_ms)
  for i in $(seq 1 "$runners"); do
    local extra=()
    if [ "$hang" = yes ] && [ "$i" -eq 1 ]; then extra=("$hang_at" 0); fi
    dotnet "$worker" "$dir/runner-$i.db" "$dir" "$vms" "${extra[@]}" --postgres "$connection" --lease-ms "$lease_ms" --concurrency 4 \
      >"$dir/runner-$i.out" 2>&1 &
    pids+=($!)
  done
  if [ "$hang" = yes ]; then
    victim="${pids[0]}"
    until ls "$dir"/hanging.* >/dev/null 2>&1; do sleep 0.05; kill -0 "$victim" || { echo "victim ended early" >&2; cat "$dir/runner-1.out" >&2; exit 1; }; done
    held=$(sql "SELECT COUNT(*) FROM $schema.registration_ledger WHERE claimed_by LIKE '%:$victim:%'")
    kill -9 "$victim"
    wait "$victim" 2>/dev/null || true
    pids=("${pids[@]:1}")
  fi
  for i in "${pids[@]}"; do wait "$i" || { echo "a runner failed:" >&2; cat "$dir"/runner-*.out >&2; exit 1; }; done
  end=$(now_ms)

  local submits unique registered claimed span per_runner
  submits=$(cat "$dir"/submits.*.log | wc -l)
  unique=$(sort -u "$dir"/submits.*.log | wc -l)
  registered=$(sql "SELECT COUNT(*) FROM $schema.registration_ledger WHERE status = 'registered'")
  claimed=$(sql "SELECT COUNT(*) FROM $schema.registration_ledger WHERE claimed_by IS NOT NULL")
  span=$(sql "SELECT MAX(updated_at) - MIN(created_at) FROM $schema.registration_ledger")
  per_runner=$(for f in "$dir"/submits.*.log; do wc -l <"$f"; done | sort -rn | paste -sd/ -)
  sql "DROP SCHEMA $schema CASCADE"
  if [ "$submits" -ne "$vms" ] || [ "$unique" -ne "$vms" ] || [ "$registered" -ne "$vms" ] || [ "$claimed" -ne 0 ]; then
    echo "FAILED $name: submits $submits, unique $unique, registered $registered, claimed $claimed (expected $vms/$vms/$vms/0)" >&2
    exit 1
  fi
  awk -v n="$name" -v vms="$vms" -v r="$runners" -v ms="$((end - start))" -v span="$span" -v s="$submits" -v u="$unique" -v reg="$registered" \
      -v per="$per_runner" -v held="$held" -v hang="$hang" 'BEGIN {
    printf "| %s | %d × %d | %.1f | %.0f | %.0f | %d | %d | %d | %s | %s |\n", n, r, vms, ms / 1000, vms / (ms / 1000), vms / (span / 1000), s, u, reg, per,
      (hang == "yes" ? held " held at kill -9, all finished by the others" : "-") }'
}

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
first="$(run throughput no)"
second="$(run throughput_again no)"
killed="$(run kill9 yes)"
rows="$first
$second
$killed"
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
version="$(psql -qAtX -c 'SHOW server_version')"

cat >"$out" <<MD
# Fleet: registration runners on one PostgreSQL ledger

Command: \`bench/fleet.sh $vms $runners\` ($(date -u +%Y-%m-%d), $(nproc) cores, PostgreSQL $version on loopback with
fsync off, load average before $load_before, after $load_after).

Each run starts $runners runner processes (\`tests/RsSpot.RegistrationWorker\`, Release, 4 workers each, lease
${lease_ms} ms) on the same $vms candidate VMs and one PostgreSQL ledger; every VM goes discovered → token_issued →
submitted → registered through a handler that only logs. In the kill-9 run the first runner hangs after its
${hang_at}th submission, holding its leases, and is killed with -9 while the others run; they take its VMs over once
the lease has run out. Checked every run: submissions = unique submissions = registered = $vms, no lease left.

| Run | Runners × VMs | Wall (s) | VMs/s (wall) | VMs/s (ledger span) | Submissions | Unique | Registered | Submissions per runner | Kill -9 |
|---|---|---:|---:|---:|---:|---:|---:|---|---|
$rows

Wall time includes starting $runners \`dotnet\` processes and, in the kill-9 run, the lease expiry; the ledger span is
the first row's creation to the last row's update.
MD
cat "$out"
