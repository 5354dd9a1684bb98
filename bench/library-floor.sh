#!/usr/bin/env bash
# The start-up floor of the libraries rsspot's warm path cannot avoid, against a bare `dotnet hello.dll`: a tiny
# ReadyToRun console app (published like the rsspot tool: linux RID, ReadyToRun, TieredPGO off) does only the first use
# of one library and exits. Modes:
#   none        the same app doing nothing (its own start-up: equals hello)
#   newtonsoft  a JObject bound to a three-property class with JsonSerializer (the configuration bind, the API models)
#   stj         the same class read by a System.Text.Json source-generated context (what a config snapshot would use)
#   yaml        a small YAML document loaded with YamlDotNet's representation model (the configuration parser)
#   sqlite      a file database opened with Microsoft.Data.Sqlite and one query run (state.db, the caches)
#   stack       yaml + newtonsoft + sqlite in one process, as every warm command meets them
# Paired rounds (hello, then each mode), medians. Versions are the ones Directory.Packages.props pins.
# Usage: bench/library-floor.sh [rounds]   (default 15); writes bench/results/library-floor.md (or $FLOOR_RESULTS).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/baseline.sh
source "$root/bench/baseline.sh"
rounds="${1:-15}"
out="${FLOOR_RESULTS:-$root/bench/results/library-floor.md}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
rid="$(dotnet --info | sed -n 's/^ *RID: *//p' | head -n 1)"
rid="${rid:-linux-x64}"
pinned() { sed -n "s/.*Include=\"$1\" Version=\"\([^\"]*\)\".*/\1/p" "$root/Directory.Packages.props"; }

mkdir -p "$work/floor"
cat >"$work/floor/floor.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <PublishReadyToRun>true</PublishReadyToRun>
    <SelfContained>false</SelfContained>
    <TieredPGO>false</TieredPGO>
    <InvariantGlobalization>true</InvariantGlobalization>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Newtonsoft.Json" Version="$(pinned Newtonsoft.Json)" />
    <PackageReference Include="YamlDotNet" Version="$(pinned YamlDotNet)" />
    <PackageReference Include="Microsoft.Data.Sqlite" Version="$(pinned Microsoft.Data.Sqlite)" />
  </ItemGroup>
</Project>
XML
cat >"$work/floor/Program.cs" <<'CS'
using System.Text.Json.Serialization;
using Microsoft.Data.Sqlite;
using Newtonsoft.Json.Linq;
using YamlDotNet.RepresentationModel;

var mode = args.FirstOrDefault() ?? "none";
if (mode is "yaml" or "stack")
{
    new YamlStream().Load(new StringReader("profiles:\n  prod:\n    region: us-central-dfw-1\n    retry:\n      max_attempts: 3\n"));
}

if (mode is "newtonsoft" or "stack")
{
    var bound = new JObject { ["name"] = "prod", ["count"] = 3, ["inner"] = new JObject { ["flag"] = true } }.ToObject<Sample>()!;
    Console.Out.Write(bound.Name![..0]);
}

if (mode is "stj")
{
    Console.Out.Write(System.Text.Json.JsonSerializer.Deserialize("""{"Name":"prod","Count":3,"Inner":{"Flag":true}}""", SampleContext.Default.Sample)!.Name![..0]);
}

if (mode is "sqlite" or "stack")
{
    using var connection = new SqliteConnection($"Data Source={Path.Combine(Path.GetTempPath(), "rsspot-floor.db")}");
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = "CREATE TABLE IF NOT EXISTS t (k TEXT PRIMARY KEY, v TEXT); SELECT count(*) FROM t;";
    command.ExecuteScalar();
}

Console.WriteLine("done");

public sealed class Sample
{
    public string? Name { get; set; }

    public int Count { get; set; }

    public Inner? Inner { get; set; }
}

public sealed class Inner
{
    public bool Flag { get; set; }
}

[JsonSerializable(typeof(Sample))]
internal sealed partial class SampleContext : JsonSerializerContext;
CS
echo "-- build (hello; the floor app, ReadyToRun for $rid)" >&2
build_hello "$work/hello"
dotnet publish "$work/floor" -c Release -r "$rid" -o "$work/floor/out" --nologo -v quiet >"$work/publish.log" || { cat "$work/publish.log" >&2; exit 1; }

modes=(none newtonsoft stj yaml sqlite stack)
run_ms() { # dll [mode] -> wall milliseconds of one run
  local start end
  start=$(date +%s%N)
  dotnet "$@" >/dev/null
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
run_ms "$work/hello/out/hello.dll" >/dev/null
for mode in "${modes[@]}"; do run_ms "$work/floor/out/floor.dll" "$mode" >/dev/null; done
echo "-- $rounds paired rounds" >&2
declare -A samples
for _ in $(seq "$rounds"); do
  samples[hello]+="$(run_ms "$work/hello/out/hello.dll") "
  for mode in "${modes[@]}"; do samples[$mode]+="$(run_ms "$work/floor/out/floor.dll" "$mode") "; done
done
hello="$(median "${samples[hello]}")"
mkdir -p "$(dirname "$out")"
{
  echo "# Library start-up floor"
  echo
  echo "Machine: $(nproc) cores, $(uname -sm), .NET SDK $(dotnet --version); load average before $load_before, after $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "Median wall time (ms) of $rounds paired rounds of a whole process; \`dotnet hello.dll\`: **$hello ms** (1.00)."
  echo "Newtonsoft.Json $(pinned Newtonsoft.Json), YamlDotNet $(pinned YamlDotNet), Microsoft.Data.Sqlite $(pinned Microsoft.Data.Sqlite); ReadyToRun, like the rsspot tool."
  echo
  echo "| Mode | ms | / hello | above hello (ms) |"
  echo "|---|---:|---:|---:|"
  for mode in "${modes[@]}"; do
    m="$(median "${samples[$mode]}")"
    echo "| \`$mode\` | $m | $(awk -v a="$m" -v b="$hello" 'BEGIN { printf "%.2f", a / b }') | $((m - hello)) |"
  done
} >"$out"
cat "$out"
