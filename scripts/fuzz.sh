#!/usr/bin/env bash
# Runs every fuzz target of the main module for a bounded time each, for
# CI. Usage: scripts/fuzz.sh [seconds]   (default 10, or $FUZZTIME)
# A failing input is written under the package's testdata/fuzz/<Target>/
# by go test; commit it with the fix so that it stays a regular test case.
# Minimisation of new corpus entries is capped (FUZZMINIMIZE, default 5s):
# uncapped, it can take a short run's whole budget.
set -uo pipefail
cd "$(dirname "$0")/.."

secs=${1:-${FUZZTIME:-10}}
minimize=${FUZZMINIMIZE:-5s}
failed=()
total=0
for dir in $(go list -f '{{.Dir}}' ./...); do
	for target in $(grep -h -o '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | cut -d' ' -f2); do
		pkg=./${dir#"$PWD"/}
		total=$((total + 1))
		echo "== $target in $pkg (${secs}s)"
		if ! go test -run '^$' -fuzz "^$target\$" -fuzztime "${secs}s" -fuzzminimizetime "$minimize" "$pkg" 2>&1 | grep -v '^fuzz: elapsed'; then
			failed+=("$target in $pkg")
		fi
	done
done
if [ ${#failed[@]} -gt 0 ]; then
	printf 'fuzz: failed: %s\n' "${failed[@]}" >&2
	exit 1
fi
echo "fuzz: $total targets, no failure"
