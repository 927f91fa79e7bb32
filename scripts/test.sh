#!/usr/bin/env bash
# Runs every test of the repository: the main module's tests (they build
# the binary and run it on modules using the real gorm.io/gorm, ent,
# database/sql drivers, and start throwaway PostgreSQL and MariaDB servers)
# and the nested test-only modules. Installs what the tests need first,
# when it is missing (see .ci/install-services.sh). Stops at the first
# failing suite.
set -euo pipefail
cd "$(dirname "$0")/.."

bash .ci/install-services.sh

echo "== go vet ./..."
go vet ./...

echo "== go test ./..."
go test -count=1 -timeout 30m ./...

echo "== migrations cross-checked against real SQL parsers (test-only module)"
(cd schema/migrations/internal/oracle && go test -count=1 ./...)

# Integrations (a nested module, see integration/doc.go): SARIF schema, go
# vet flags, and with the tag a golangci-lint build with the plugin (minutes
# the first time, then cached) and the pre-commit hooks.
echo "== go test -tags integration ./... in integration"
(cd integration && go vet -tags integration ./... && go test -count=1 -tags integration -timeout 30m ./...)

echo "== fuzz: every target, 10 s each"
bash scripts/fuzz.sh 10

echo "== no crash on the standard library and a generated 300-package module"
bash scripts/robust.sh
