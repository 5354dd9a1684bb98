#!/usr/bin/env bash
# Packaging smoke test, as a user would meet the packages: packs RsSpot, RsSpot.Emulator and RsSpot.Cli into a
# temporary local feed, installs the tool from it into a temporary tool path, runs `rsspot --version` and a sandbox
# command, and builds and runs Sample1_HelloWorld as an outside project referencing the RsSpot package.
# Packages get a unique prerelease version so the NuGet cache never serves a stale copy; their cache entries are
# removed afterwards. Extra arguments go to `dotnet pack` (CI passes --no-build after its own build).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
suffix="smoke.$(date +%Y%m%d%H%M%S).$$"
version="$(dotnet msbuild "$root/src/RsSpot/RsSpot.csproj" -getProperty:VersionPrefix)-$suffix"
packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
cleanup() {
  rm -rf "$work"
  for id in rsspot rsspot.emulator rsspot.cli; do rm -rf "$packages/$id/$version"; done
}
trap cleanup EXIT
fail() { echo "smoke: $*" >&2; exit 1; }
# Captures before matching: `producer | grep -q` would kill the producer with SIGPIPE and trip pipefail.
has() { grep -Eq -- "$2" <<<"$1"; }

feed="$work/feed"
echo "-- pack $version"
for project in RsSpot.Emulator RsSpot RsSpot.Cli; do
  dotnet pack "$root/src/$project/$project.csproj" --nologo -v quiet -o "$feed" -p:VersionSuffix="$suffix" "$@" >"$work/pack.log" \
    || { cat "$work/pack.log"; fail "dotnet pack $project failed"; }
done

echo "-- package contents"
sdk_nuspec="$(unzip -p "$feed/RsSpot.$version.nupkg" RsSpot.nuspec)"
! has "$sdk_nuspec" 'id="(Microsoft\.AspNetCore|Cocona|RsSpot\.)' || fail "RsSpot depends on the emulator, a CLI or an ASP.NET package"
[ "$(unzip -Z1 "$feed/RsSpot.$version.nupkg" | grep '^lib/')" = "lib/net10.0/RsSpot.dll
lib/net10.0/RsSpot.xml" ] || fail "RsSpot ships other assemblies than RsSpot.dll (the generated client is compiled into it)"
for id in RsSpot RsSpot.Emulator RsSpot.Cli; do
  has "$(unzip -Z1 "$feed/$id.$version.nupkg")" "^README.md$" || fail "$id has no README"
  [ -f "$feed/$id.$version.snupkg" ] || fail "$id has no symbol package"
done

cat >"$work/nuget.config" <<XML
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
XML
# The sandbox keeps its state under the user's home: give it a private one.
export HOME="$work/home"
mkdir -p "$HOME"

echo "-- tool"
dotnet tool install RsSpot.Cli --version "$version" --tool-path "$work/tools" --configfile "$work/nuget.config" >/dev/null
printed="$("$work/tools/rsspot" --version)"
has "$printed" "^rsspot ${version%%-*}" || fail "rsspot --version printed: $printed"
has "$("$work/tools/rsspot" --sandbox regions list)" '"us-central-dfw-1"' || fail "rsspot --sandbox regions list did not list the sandbox regions"

echo "-- sample against the package"
app="$work/app"
mkdir -p "$app"
cp "$root/samples/Sample1_HelloWorld/Program.cs" "$app/"
cat >"$app/HelloSpot.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="RsSpot" Version="$version" />
    <PackageReference Include="RsSpot.Emulator" Version="$version" />
  </ItemGroup>
</Project>
XML
dotnet restore "$app" --configfile "$work/nuget.config" -v quiet >/dev/null
! grep -Eiq '"(Microsoft\.AspNetCore[^"]*|Cocona)/' "$app/obj/project.assets.json" || fail "a CLI/ASP.NET package reached the SDK consumer"
dotnet build "$app" --no-restore --nologo -v quiet >/dev/null
has "$(dotnet run --project "$app" --no-build)" "^8 regions:" || fail "the sample did not list the sandbox regions"
echo "smoke: packages $version ok (tool, sandbox command, sample on the package)"
