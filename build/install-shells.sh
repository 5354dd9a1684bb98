#!/usr/bin/env bash
# zsh and fish for the completion tests, which drive the generated scripts in real shells (bash is always there).
# Debian packages only; does nothing when both are installed. CI runs it before the tests.
set -euo pipefail
command -v zsh >/dev/null && command -v fish >/dev/null && exit 0
apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq zsh fish >/dev/null
