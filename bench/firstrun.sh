#!/usr/bin/env bash
# Times the README's first command on a fresh clone with empty Go caches:
#
#   go run ./cmd/getorcreatelint -C example ./...
#
# GOCACHE and GOMODCACHE point at a throwaway directory (GOFLAGS=-modcacherw
# so that it can be removed); modules come from GOPROXY as the environment
# sets it. Prints the seconds on the last line, and the load average before
# and after, since the figure means little on a busy machine.
#
#   bench/firstrun.sh [repository]     # default: this checkout's HEAD
set -euo pipefail

repo=${1:-$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)}
scratch=$(mktemp -d "${TMPDIR:-/tmp}/firstrun.XXXXXX")
trap 'chmod -R u+w "$scratch" 2>/dev/null; rm -rf "$scratch"' EXIT

git clone -q "$repo" "$scratch/clone"
export GOCACHE=$scratch/gocache GOMODCACHE=$scratch/gomodcache GOFLAGS=-modcacherw

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
# GNU time, when installed, adds the CPU time of the whole run (go command,
# compilers, linker, the tool), which depends less on other load than the
# wall clock does.
timer=()
if [ -x /usr/bin/time ]; then timer=(/usr/bin/time -f '%U %S' -o "$scratch/cpu"); fi
start=$(date +%s.%N)
set +e
(cd "$scratch/clone" && "${timer[@]}" go run ./cmd/getorcreatelint -C example ./...) >"$scratch/out" 2>&1
code=$?
set -e
end=$(date +%s.%N)
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

# Findings make the tool exit 3, which go run reports as its own exit 1.
if ! grep -q 'no unique constraint covers it' "$scratch/out"; then
	echo "firstrun: no findings printed (exit $code):" >&2
	cat "$scratch/out" >&2
	exit 1
fi
if [ -s "$scratch/cpu" ]; then
	awk 'END { printf "CPU time: %.1f s (user %.1f, system %.1f)\n", $1 + $2, $1, $2 }' "$scratch/cpu" >&2
fi
awk -v s="$start" -v e="$end" 'BEGIN { printf "first run: %.1f s\n", e - s }'
