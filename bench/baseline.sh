#!/usr/bin/env bash
# Shared by the start-up benchmarks (sourced): the baseline every ratio is taken against, and the median.

# build_hello DIR: builds a bare console hello (the project template's settings) into DIR/out/hello.dll.
build_hello() {
  mkdir -p "$1"
  cat >"$1/hello.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
  </PropertyGroup>
</Project>
XML
  echo 'System.Console.WriteLine("hello");' >"$1/Program.cs"
  dotnet build "$1" -c Release -o "$1/out" --nologo -v quiet >/dev/null
}

# median "N N N ...": the median of the samples (the upper one of an even count).
median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
