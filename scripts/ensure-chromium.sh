#!/usr/bin/env bash
# Find a Chromium for the browser tests, installing Debian's package when there is none.
# Honours CHROMIUM_PATH; prints the path it settled on. Source it to get CHROMIUM_PATH exported.
set -euo pipefail

if [ -n "${CHROMIUM_PATH:-}" ]; then
	if [ ! -x "$CHROMIUM_PATH" ]; then
		echo "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file" >&2
		exit 1
	fi
else
	if ! command -v chromium >/dev/null 2>&1; then
		echo "chromium not found: installing Debian's package (needs root or sudo)…" >&2
		SUDO=""
		[ "$(id -u)" -ne 0 ] && SUDO="sudo"
		$SUDO apt-get update -qq
		DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
	fi
	CHROMIUM_PATH="$(command -v chromium)"
fi
export CHROMIUM_PATH
echo "Using $("$CHROMIUM_PATH" --version 2>/dev/null || echo chromium) at $CHROMIUM_PATH" >&2
