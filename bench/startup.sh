#!/usr/bin/env bash
# Cold-start benchmark of the rsspot CLI against a bare `dotnet hello.dll` built here, on the same machine.
# Measures the median wall time of N runs of: hello, `rsspot --version` (answered before Cocona starts),
# `rsspot --help` (the Cocona host and command tree, no SDK) and `rsspot --sandbox regions list` (host, SDK,
# emulator, state.db and sandbox.db), and writes bench/results/startup.md.
# Usage: bench/startup.sh [runs] [label]   (default 21 runs; the label names the configuration measured)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-21}"
label="${2:-current}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 HOME="$work/home"
mkdir -p "$HOME"

mkdir -p "$work/hello"
cat >"$work/hello/hello.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
  </PropertyGroup>
</Project>
XML
echo 'System.Console.WriteLine("hello");' >"$work/hello/Program.cs"
dotnet build "$work/hello" -c Release -o "$work/hello/out" --nologo -v quiet >/dev/null
dotnet build "$root/src/RsSpot.Cli/RsSpot.Cli.csproj" -c Release -o "$work/cli" --nologo -v quiet >/dev/null

# Median wall time in milliseconds of `runs` executions (after one warm-up that fills the OS file cache).
median_ms() {
  "$@" >/dev/null 2>&1 || { echo "benchmark command failed: $*" >&2; exit 1; }
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    times+=($(((end - start) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}

hello=$(median_ms dotnet "$work/hello/out/hello.dll")
version=$(median_ms dotnet "$work/cli/RsSpot.Cli.dll" --version)
help=$(median_ms dotnet "$work/cli/RsSpot.Cli.dll" --help)
sandbox=$(median_ms dotnet "$work/cli/RsSpot.Cli.dll" --sandbox regions list)
ratio() { awk -v a="$1" -v b="$hello" 'BEGIN { printf "%.2f", a / b }'; }

mkdir -p "$root/bench/results"
out="$root/bench/results/startup.md"
{
  echo "# rsspot cold start ($label)"
  echo
  echo "Machine: $(nproc) cores, $(uname -sm), .NET SDK $(dotnet --version); load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)."
  echo "Median wall time of $runs runs after one warm-up; \`dotnet <dll>\` (framework-dependent, as the tool runs)."
  echo "Target: \`rsspot --version\` within 2.5x of hello."
  echo
  echo "| Command | Median (ms) | vs hello |"
  echo "|---|---:|---:|"
  echo "| \`dotnet hello.dll\` | $hello | 1.00 |"
  echo "| \`rsspot --version\` | $version | $(ratio "$version") |"
  echo "| \`rsspot --help\` | $help | $(ratio "$help") |"
  echo "| \`rsspot --sandbox regions list\` | $sandbox | $(ratio "$sandbox") |"
} >"$out"
cat "$out"
