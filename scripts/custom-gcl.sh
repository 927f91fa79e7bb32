#!/usr/bin/env bash
# Builds a golangci-lint binary with the getorcreatelint plugin compiled in,
# from the Go module proxy alone: golangci-lint's own main package, a blank
# import of the plugin, and a replace directive pointing at this checkout
# (integration/testdata/custom-gcl holds the two source files). It is what
# `golangci-lint custom` builds, without the git clone of golangci-lint that
# command makes, so it works behind a proxy and offline with a filled module
# cache.
#
#   scripts/custom-gcl.sh [output]     # default: ./custom-gcl
#
# The plugin is built and tested against golangci-lint v2.15.0.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-custom-gcl}
case $out in /*) ;; *) out=$PWD/$out ;; esac

work=$(mktemp -d "${TMPDIR:-/tmp}/custom-gcl.XXXXXX")
trap 'rm -rf "$work"' EXIT
# go.mod names the golangci-lint version the plugin is tested against.
cp "$repo"/integration/testdata/custom-gcl/{go.mod,main.go,plugins.go} "$work/"
cd "$work"
go mod edit -replace="github.com/getorcreatelint/getorcreatelint=$repo"
version=$(sed -n 's/.*golangci-lint\/v2 \(v[^ ]*\).*/\1/p' go.mod)
echo "custom-gcl: resolving golangci-lint $version and its modules"
go mod tidy
echo "custom-gcl: building (a few minutes the first time on 2 cores; seconds with a warm build cache)"
go build -trimpath -o "$out" .
echo "custom-gcl: wrote $out"
"$out" version
