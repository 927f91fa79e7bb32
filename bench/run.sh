#!/usr/bin/env bash
# Times getorcreatelint against the floor (the same standalone driver with a
# no-op analyzer, bench/noop) side by side, and prints medians and ratios of
# wall time and peak memory. See bench/README.md.
#
# Usage: bench/run.sh [target...]     targets: example gen app vet std (default:
#                                     all but std; app needs BENCH_APP)
# Environment:
#   RUNS=5                 measured runs per tool and target (medians reported)
#   BENCH_PKGS=300         packages in the generated module
#   BENCH_MIGRATIONS=2000  .sql files in the generated module
#   BENCH_APP=dir          a module to measure as target "app"
#   BENCH_REV=rev          build from this git revision instead of the work tree
#   BENCH_WORK=dir         where to build and generate (default: a temp dir,
#                          removed at the end unless BENCH_KEEP=1)
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${RUNS:-5}
PKGS=${BENCH_PKGS:-300}
MIGS=${BENCH_MIGRATIONS:-2000}
APP=${BENCH_APP:-}
REV=${BENCH_REV:-}
TIME=/usr/bin/time

if ! "$TIME" -f %e true >/dev/null 2>&1; then
	echo "bench: GNU time is needed at $TIME (Debian: apt-get install time)" >&2
	exit 2
fi
if [ -n "$APP" ]; then
	APP=$(cd "$APP" && pwd)
fi
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
	targets=(example gen)
	[ -n "$APP" ] && targets+=(app)
	targets+=(vet)
fi

if [ -n "${BENCH_WORK:-}" ]; then
	work=$BENCH_WORK
	mkdir -p "$work"
else
	work=$(mktemp -d "${TMPDIR:-/tmp}/getorcreatelint-bench.XXXXXX")
	[ "${BENCH_KEEP:-0}" = 1 ] || trap 'rm -rf "$work"' EXIT
fi
echo "bench: work directory $work"

# Sources: the work tree, or an exported revision (reproducible numbers while
# the work tree is being edited).
src=$repo
if [ -n "$REV" ]; then
	src=$work/src
	rm -rf "$src" && mkdir -p "$src"
	git -C "$repo" archive "$REV" | tar -x -C "$src"
fi
rev=$(git -C "$repo" rev-parse --short "${REV:-HEAD}")
[ -z "$REV" ] && ! git -C "$repo" diff --quiet HEAD -- . 2>/dev/null && rev="$rev+work-tree"

mkdir -p "$work/bin" "$work/times"
lint=$work/bin/getorcreatelint
noop=$work/bin/noop
(cd "$src" && go build -o "$lint" ./cmd/getorcreatelint && go build -o "$noop" ./bench/noop)

echo "bench: getorcreatelint $rev, $(go version | cut -d' ' -f3-4), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg), $RUNS runs"

# gen writes the large module once per work directory.
gen_dir=$work/gen
ensure_gen() {
	if [ ! -f "$gen_dir/EXPECTED" ]; then
		rm -rf "$gen_dir"
		(cd "$src" && go run ./bench/gen -out "$gen_dir" -pkgs "$PKGS" -migrations "$MIGS")
		(cd "$gen_dir" && go mod tidy)
	fi
}

# timed FILE DIR OKCODES CMD...: runs CMD in DIR, appends "seconds KiB" to
# FILE, and fails unless the exit code is one of OKCODES (comma-separated).
# The command's stderr is kept in FILE.err for the findings count.
timed() {
	local file=$1 dir=$2 ok=$3
	shift 3
	local code=0
	(cd "$dir" && "$TIME" -f '%e %M %U %S' -o "$file.last" "$@" >"$file.out" 2>"$file.err") || code=$?
	if [[ ",$ok," != *",$code,"* ]]; then
		echo "bench: '$*' in $dir exited $code (want $ok):" >&2
		tail -20 "$file.err" >&2
		exit 1
	fi
	tail -1 "$file.last" >>"$file"
}

# count_findings FILE: the diagnostic lines of a text report: file:line:col:
# then the message (a related location's message starts with a tab).
count_findings() { grep -cE ':[0-9]+:[0-9]+: [^	]' "$1" || true; }

median() { sort -n | awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }

# report LABEL FLOORFILE LINTFILE: medians and ratios of two series: wall
# time, CPU time (user+system, children included: the go list runs too),
# peak memory.
report() {
	local label=$1 f=$2 l=$3
	local ft lt fc lc fm lm
	ft=$(cut -d' ' -f1 "$f" | median)
	lt=$(cut -d' ' -f1 "$l" | median)
	fc=$(awk '{print $3+$4}' "$f" | median)
	lc=$(awk '{print $3+$4}' "$l" | median)
	fm=$(cut -d' ' -f2 "$f" | median)
	lm=$(cut -d' ' -f2 "$l" | median)
	awk -v n="$label" -v ft="$ft" -v lt="$lt" -v fc="$fc" -v lc="$lc" -v fm="$fm" -v lm="$lm" 'BEGIN {
		printf "%-10s %8.2f %8.2f %7.2fx %8.2f %8.2f %7.2fx %10.0f %10.0f %7.2fx\n", n, ft, lt, lt/ft, fc, lc, lc/fc, fm/1024, lm/1024, lm/fm
	}' | tee -a "$work/summary"
}

# standalone TARGET DIR [PATTERN]: RUNS pairs of runs of both tools on
# PATTERN (default ./...) in DIR,
# alternating which goes first so that drift in the machine's load hits
# both alike. One warm-up run each fills the build cache (export data).
standalone() {
	local t=$1 dir=$2 p=${3:-./...} f=$work/times/$1.floor l=$work/times/$1.lint
	rm -f "$f" "$l"
	timed "$f.warm" "$dir" 0 "$noop" "$p"
	timed "$l.warm" "$dir" 0,3 "$lint" "$p"
	for ((i = 1; i <= RUNS; i++)); do
		if ((i % 2)); then
			timed "$f" "$dir" 0 "$noop" "$p"
			timed "$l" "$dir" 0,3 "$lint" "$p"
		else
			timed "$l" "$dir" 0,3 "$lint" "$p"
			timed "$f" "$dir" 0 "$noop" "$p"
		fi
	done
	report "$t" "$f" "$l"
	local found
	found=$(count_findings "$l.err")
	echo "           findings: $found$( [ "$t" = gen ] && echo " (expected $(cat "$gen_dir/EXPECTED"))")" | tee -a "$work/summary"
	if [ "$t" = gen ] && [ "$found" != "$(cat "$gen_dir/EXPECTED")" ]; then
		echo "bench: warning: the findings on the generated module differ from the generator's count (a check changed? see bench/gen)" >&2
	fi
}

# vettool SRC N: a copy of SRC with a distinct trailing comment. go vet keys
# its cache by the tool's hash, so each copy misses the cache for vet
# results while compiled export data stays cached. The nonce keeps copies
# of an unchanged tool distinct from an earlier bench run's, whose results
# are still in the cache.
nonce=$(date +%s%N)
vettool() {
	local copy=$work/bin/$(basename "$1").vet$2
	cp "$1" "$copy"
	printf '\n# bench run %s %s\n' "$2" "$nonce" >>"$copy"
	echo "$copy"
}

vet() {
	ensure_gen >&2
	local f=$work/times/vet.floor l=$work/times/vet.lint
	rm -f "$f" "$l"
	timed "$f.warm" "$gen_dir" 0 go vet -vettool="$(vettool "$noop" warm)" ./...
	timed "$l.warm" "$gen_dir" 0,1 go vet -vettool="$(vettool "$lint" warm)" ./...
	local last
	for ((i = 1; i <= RUNS; i++)); do
		last=$(vettool "$lint" "$i")
		if ((i % 2)); then
			timed "$f" "$gen_dir" 0 go vet -vettool="$(vettool "$noop" "$i")" ./...
			timed "$l" "$gen_dir" 0,1 go vet -vettool="$last" ./...
		else
			timed "$l" "$gen_dir" 0,1 go vet -vettool="$last" ./...
			timed "$f" "$gen_dir" 0 go vet -vettool="$(vettool "$noop" "$i")" ./...
		fi
	done
	report "go vet" "$f" "$l"
	# The same tool again: go vet must serve every package from its cache,
	# so -x shows no run of the tool, and the findings are replayed.
	local c=$work/times/vet.cached
	rm -f "$c"
	timed "$c" "$gen_dir" 0,1 go vet -x -vettool="$last" ./...
	local started replayed
	started=$(grep -c "^[^#]*$(basename "$last") .*vet\.cfg" "$c.err" || true)
	replayed=$(count_findings "$c.err")
	awk -v s="$(cut -d' ' -f1 "$c")" -v n="$started" -v r="$replayed" 'BEGIN {
		printf "go vet, same tool again: %.2f s, %d analyzer processes started, %d findings replayed from the cache\n", s, n, r
	}' | tee -a "$work/summary"
	if [ "$started" != 0 ]; then
		echo "bench: the second go vet run was not served from the cache" >&2
		exit 1
	fi
}

echo
printf '%-10s %8s %8s %8s %8s %8s %8s %10s %10s %8s\n' target "floor s" "lint s" "time" "floor cpu" "lint cpu" "cpu" "floor MiB" "lint MiB" "memory" | tee "$work/summary"
for t in "${targets[@]}"; do
	case $t in
	example) standalone example "$src/example" ;;
	gen)
		ensure_gen >&2
		standalone gen "$gen_dir"
		;;
	app)
		[ -n "$APP" ] || { echo "bench: target app needs BENCH_APP=dir" >&2; exit 2; }
		standalone app "$APP"
		;;
	vet) vet ;;
	std) standalone std "$src" std ;;
	*) echo "bench: unknown target $t" >&2; exit 2 ;;
	esac
done
