#!/usr/bin/env bash
# Every test of Margin Lab: types, lint, formatting, unit tests, the build, and the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=scripts/ensure-chromium.sh
source scripts/ensure-chromium.sh

# Run one step under a heading and say how long it took (the suite should stay well under 15 minutes).
step() {
	local name=$1 start=$SECONDS
	shift
	echo "== $name"
	"$@"
	echo "== $name: $((SECONDS - start)) s"
}

step svelte-check npm run --silent check
step "prettier + eslint" npm run --silent lint
step "unit tests" npx vitest run
step build bash -c 'npm run --silent build >/dev/null'
step "browser tests" npx vitest run --config vitest.browser.config.ts
echo "== all tests passed in $SECONDS s"
