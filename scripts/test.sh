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

# Nested modules have their own go.mod and are not part of ./... above.
for mod in examples/race; do
	if [ -f "$mod/go.mod" ]; then
		echo "== go test ./... in $mod"
		(cd "$mod" && go test -count=1 ./...)
	fi
done
