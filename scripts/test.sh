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

# Run steps side by side (pairs of a name and a command line), each printed with its output and time once it
# ends, in the order given; fails if any of them failed.
together() {
	local dir status=0 i rc secs
	local -a names=() pids=()
	dir=$(mktemp -d)
	while (($#)); do
		i=${#names[@]}
		names+=("$1")
		(
			set +e
			start=$SECONDS
			bash -c "$2" >"$dir/$i.log" 2>&1
			rc=$?
			echo "$rc $((SECONDS - start))" >"$dir/$i.rc"
			exit "$rc"
		) &
		pids+=($!)
		shift 2
	done
	for i in "${!pids[@]}"; do
		wait "${pids[$i]}" || status=1
		read -r rc secs <"$dir/$i.rc"
		echo "== ${names[$i]}"
		cat "$dir/$i.log"
		if ((rc)); then echo "== ${names[$i]}: FAILED (exit $rc) after $secs s"; else echo "== ${names[$i]}: $secs s"; fi
	done
	rm -rf "$dir"
	return "$status"
}

# svelte-check and ESLint each keep one core busy: side by side they take about as long as the slower one.
step "svelte-check + prettier + eslint" together svelte-check "npm run --silent check" \
	"prettier + eslint" "npm run --silent lint"
step "unit tests" npx vitest run
step build bash -c 'npm run --silent build >/dev/null'
step "browser tests" npx vitest run --config vitest.browser.config.ts
echo "== all tests passed in $SECONDS s"
