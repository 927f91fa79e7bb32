// Package oracle cross-checks the migrations replay against real SQL
// parsers, used only as test oracles: pg_query_go (PostgreSQL's own parser,
// through cgo) for the PostgreSQL corpus and vitess for the MySQL corpus.
// It is a separate module so that neither cgo nor vitess ever enters the
// linter's module graph; the linter never imports it.
//
// Run with: cd schema/migrations/internal/oracle && go test ./...
package oracle
