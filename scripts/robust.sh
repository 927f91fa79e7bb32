#!/usr/bin/env bash
# Runs the linter over the Go standard library and over the full-size
# generated module (bench/gen: 300 packages, 2,000 migration files),
# standalone and under go vet, and fails on a crash: "panic:" or
# "internal error" in the output, or an exit code other than the normal
# ones (0 clean, 3 findings; go vet: 0 or 1). For CI; takes a few minutes
# with a warm build cache. BENCH_PKGS and BENCH_MIGRATIONS set the size.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d "${TMPDIR:-/tmp}/getorcreatelint-robust.XXXXXX")
trap 'rm -rf "$work"' EXIT
bin=$work/getorcreatelint
go build -o "$bin" ./cmd/getorcreatelint

# check LABEL OKCODES DIR CMD...: OKCODES is comma-separated.
check() {
	local label=$1 ok=$2 dir=$3
	shift 3
	local out=$work/out code=0
	(cd "$dir" && "$@") >"$out" 2>&1 || code=$?
	if grep -q -e 'panic:' -e 'internal error' "$out"; then
		echo "robust: $label: crashed (exit $code):" >&2
		grep -n -m 5 -e 'panic:' -e 'internal error' "$out" >&2
		exit 1
	fi
	if [[ ",$ok," != *",$code,"* ]]; then
		echo "robust: $label: exit code $code, want one of $ok:" >&2
		tail -20 "$out" >&2
		exit 1
	fi
	echo "robust: $label: exit $code, $(grep -c 'looks up' "$out" || true) findings, no crash"
}

check "std" 0,3 . "$bin" std
go run ./bench/gen -out "$work/gen" -pkgs "${BENCH_PKGS:-300}" -migrations "${BENCH_MIGRATIONS:-2000}"
(cd "$work/gen" && go mod tidy)
check "generated module" 0,3 "$work/gen" "$bin" ./...
check "generated module, -strict" 0,3 "$work/gen" "$bin" -strict ./...
check "generated module, go vet" 0,1 "$work/gen" go vet -vettool="$bin" ./...
