#!/usr/bin/env bash
# Runs every test of the repository: the main module's tests (which build
# the binary and run it on modules using the real gorm.io/gorm, and start
# throwaway PostgreSQL and MariaDB servers) and the nested modules' tests.
# Installs what the tests need first, when it is missing (see
# .ci/install-services.sh). Exits non-zero on the first failing suite.
set -euo pipefail
cd "$(dirname "$0")/.."

bash .ci/install-services.sh

echo "== go vet ./..."
go vet ./...

echo "== go test ./..."
go test -count=1 ./...
