#!/usr/bin/env bash
# Every test of Margin Lab: types, lint, formatting, unit tests, the build, and the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=scripts/ensure-chromium.sh
source scripts/ensure-chromium.sh

echo "== svelte-check" && npm run --silent check
echo "== prettier + eslint" && npm run --silent lint
echo "== unit tests" && npx vitest run
echo "== build" && npm run --silent build >/dev/null
echo "== browser tests" && npx vitest run --config vitest.browser.config.ts
