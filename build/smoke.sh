#!/usr/bin/env bash
# Packaging smoke test, as a user would meet the packages: packs RsSpot, RsSpot.Emulator and RsSpot.Cli into a
# temporary local feed (failing on any pack warning), checks their metadata (project and repository URLs, icon,
# readme, licence, symbols, SourceLink when the clone has a remote, deterministic paths under CI), installs the tool
# into a temporary tool path and runs it, then builds a fresh console app on the packages:
#   1. RsSpot alone: the generated client is not referenceable, and sandbox mode names the package it needs;
#   2. plus RsSpot.Emulator: Sample1_HelloWorld runs against the sandbox.
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
  for id in rsspot rsspot.emulator rsspot.cli rsspot.cli.{linux-x64,linux-arm64,osx-x64,osx-arm64,win-x64,any}; do rm -rf "$packages/$id/$version"; done
}
trap cleanup EXIT
fail() { echo "smoke: $*" >&2; exit 1; }
# Captures before matching: `producer | grep -q` would kill the producer with SIGPIPE and trip pipefail.
has() { grep -Eq -- "$2" <<<"$1"; }

feed="$work/feed"
echo "-- pack $version"
for project in RsSpot.Emulator RsSpot RsSpot.Cli; do
  args=()
  for arg in "$@"; do
    # The tool's RID packages are published (ReadyToRun) per RID, which a portable build cannot stand in for.
    [ "$project" = RsSpot.Cli ] && [ "$arg" = --no-build ] && continue
    args+=("$arg")
  done
  dotnet pack "$root/src/$project/$project.csproj" --nologo -v minimal -o "$feed" -p:VersionSuffix="$suffix" ${args[@]+"${args[@]}"} >"$work/pack.log" 2>&1 \
    || { cat "$work/pack.log"; fail "dotnet pack $project failed"; }
  ! grep -Ei ': warning ' "$work/pack.log" || fail "dotnet pack $project printed warnings"
done

echo "-- package metadata"
repository="$(dotnet msbuild "$root/src/RsSpot/RsSpot.csproj" -getProperty:RsSpotRepositoryUrl)"
remote="$(git -C "$root" remote get-url origin 2>/dev/null || true)"
for id in RsSpot RsSpot.Emulator RsSpot.Cli; do
  nupkg="$feed/$id.$version.nupkg"
  nuspec="$(unzip -p "$nupkg" "$id.nuspec")"
  files="$(unzip -Z1 "$nupkg")"
  for element in "<projectUrl>$repository</projectUrl>" "<repository type=\"git\" url=\"$repository\"" "<icon>icon.png</icon>" \
    "<readme>README.md</readme>" '<license type="expression">MIT</license>'; do
    has "$nuspec" "$element" || fail "$id.nuspec lacks $element"
  done
  has "$files" "^icon.png$" || fail "$id has no icon"
  has "$files" "^README.md$" || fail "$id has no README"
  # The tool's pointer package holds no assembly (its RID packages do), so it has no symbols of its own.
  [ "$id" = RsSpot.Cli ] || [ -f "$feed/$id.$version.snupkg" ] || fail "$id has no symbol package"
  [ "$id" = RsSpot.Cli ] && continue
  pdb="$(unzip -Z1 "$feed/$id.$version.snupkg" | grep -E "/$id\.pdb$" | head -n 1)"
  if [[ "$remote" =~ ^https://(github\.com|gitlab\.com|dev\.azure\.com|bitbucket\.org)/ ]]; then
    # SourceLink: the PDB maps sources to raw URLs of the clone's remote (its JSON is stored as plain UTF-8).
    has "$(unzip -p "$feed/$id.$version.snupkg" "$pdb" | grep -ao '"documents":{[^}]*}' || true)" '"https://' \
      || fail "$id: the PDB has no SourceLink URLs for $remote"
  fi
  if [ "${CI:-}" = "true" ]; then
    # Deterministic CI build: no path of this machine in the assemblies (the compiler maps them to /_/).
    ! unzip -p "$nupkg" $(grep -E '\.dll$' <<<"$files" | grep -E "/$id\.dll$") | grep -aq -- "$root" || fail "$id.dll embeds the build path $root"
  fi
done
sdk_nuspec="$(unzip -p "$feed/RsSpot.$version.nupkg" RsSpot.nuspec)"
! has "$sdk_nuspec" 'id="(Microsoft\.AspNetCore|Cocona|RsSpot\.)' || fail "RsSpot depends on the emulator, a CLI or an ASP.NET package"
[ "$(unzip -Z1 "$feed/RsSpot.$version.nupkg" | grep '^lib/')" = "lib/net10.0/RsSpot.dll
lib/net10.0/RsSpot.xml" ] || fail "RsSpot ships other assemblies than RsSpot.dll (the generated client is compiled into it)"
# The tool is a pointer package naming one ReadyToRun package per RID, plus the portable `any` fallback.
tool_settings="$(unzip -p "$feed/RsSpot.Cli.$version.nupkg" '*/DotnetToolSettings.xml')"
for rid in linux-x64 linux-arm64 osx-x64 osx-arm64 win-x64 any; do
  has "$tool_settings" "RuntimeIdentifier=\"$rid\"" || fail "the tool package names no $rid package"
done
has "$(unzip -Z1 "$feed/RsSpot.Cli.linux-x64.$version.nupkg")" "^tools/net10.0/linux-x64/RsSpot.Cli.dll$" || fail "the linux-x64 tool package holds no RsSpot.Cli.dll"

sed "s|FEED_DIRECTORY|$feed|" "$root/build/consumer/nuget.config.template" >"$work/nuget.config"
# The sandbox keeps its state under the user's home: give it a private one.
export HOME="$work/home"
mkdir -p "$HOME"

echo "-- tool"
dotnet tool install RsSpot.Cli --version "$version" --tool-path "$work/tools" --configfile "$work/nuget.config" >/dev/null
[ "$(uname -sm)" != "Linux x86_64" ] || [ -d "$work/tools/.store/rsspot.cli/$version/rsspot.cli.linux-x64" ] || fail "dotnet tool install did not pick the linux-x64 package"
printed="$("$work/tools/rsspot" --version)"
has "$printed" "^rsspot ${version%%-*}" || fail "rsspot --version printed: $printed"
has "$("$work/tools/rsspot" --sandbox regions list)" '"us-central-dfw-1"' || fail "rsspot --sandbox regions list did not list the sandbox regions"

echo "-- a console app on the RsSpot package alone"
app="$work/app"
mkdir -p "$app"
cp "$root/samples/Sample1_HelloWorld/Program.cs" "$app/"
cp "$root/build/consumer/App.csproj.template" "$app/HelloSpot.csproj"
cp "$work/nuget.config" "$app/"
build_app() { dotnet build "$app" --nologo -v quiet -p:RsSpotVersion="$version" "$@"; }
echo 'internal static class Probe { internal static readonly System.Type Generated = typeof(RsSpot.Api.CloudSpacesClient); }' >"$app/Probe.cs"
probe="$(build_app 2>&1 || true)"
has "$probe" "error CS(0234|0122)" || { echo "$probe"; fail "a consumer could reference the generated client RsSpot.Api"; }
rm "$app/Probe.cs"
build_app >/dev/null
! grep -Eiq '"(Microsoft\.AspNetCore[^"]*|Cocona|RsSpot\.Emulator)/' "$app/obj/project.assets.json" || fail "the emulator, a CLI or an ASP.NET package reached the SDK consumer"
without="$(dotnet run --project "$app" --no-build 2>&1 || true)"
has "$without" "dotnet add package RsSpot.Emulator" || { echo "$without"; fail "sandbox mode without the emulator package did not say how to install it"; }

echo "-- the same app with the RsSpot.Emulator package (sandbox mode)"
build_app -p:UseEmulator=true >/dev/null
has "$(dotnet run --project "$app" --no-build)" "^8 regions:" || fail "the sample did not list the sandbox regions"
echo "smoke: packages $version ok (metadata, tool, SDK without and with the emulator)"
