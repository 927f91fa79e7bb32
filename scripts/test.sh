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

# Integrations (a nested module, see integration/doc.go): SARIF schema, go
# vet flags, and with the tag a golangci-lint build with the plugin (minutes
# the first time, then cached) and the pre-commit hooks.
echo "== go test -tags integration ./... in integration"
(cd integration && go vet -tags integration ./... && go test -count=1 -tags integration -timeout 30m ./...)
