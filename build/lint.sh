#!/usr/bin/env bash
# Style and analyzer gate (our ruff + mypy): formatting must match .editorconfig, and the build
# (analyzers at latest-recommended, nullable on) must be free of warnings.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dotnet format "$root/RsSpot.sln" --verify-no-changes --no-restore --severity warn
