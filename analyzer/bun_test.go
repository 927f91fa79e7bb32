package analyzer_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/getorcreatelint/getorcreatelint/analyzer"
)

// The bun cases live in a module (testdata/bun) that requires the real
// github.com/uptrace/bun.

func TestBun(t *testing.T) {
	analysistest.Run(t, analyzer.ModuleDir(t, "bun"), analyzer.New(analyzer.Options{}),
		"example.com/buncases/lookups", // each way of running the SELECT; keys from tags
		"example.com/buncases/upserts", // On(...) and Ignore()
		"example.com/buncases/notbun",  // look-alike types
	)
}

func TestBunStrict(t *testing.T) {
	analysistest.Run(t, analyzer.ModuleDir(t, "bun"), analyzer.New(analyzer.Options{Strict: true}),
		"example.com/buncases/strict")
}

// Keys from the module's migrations: fixes are migrations.
func TestBunMigrations(t *testing.T) {
	analysistest.Run(t, analyzer.ModuleDir(t, "bun"),
		analyzer.New(analyzer.Options{Migrations: []string{"migrations"}, Dialect: "postgres"}),
		"example.com/buncases/migrated")
}

// A bun repository layer: SELECTs and INSERTs in the repository's
// methods, the get-or-create in its own package and in a service.
func TestBunSummaries(t *testing.T) {
	opts := analyzer.Options{Summarize: []string{"example.com/buncases/summaries"}}
	analysistest.Run(t, analyzer.ModuleDir(t, "bun"), analyzer.New(opts),
		"example.com/buncases/summaries/repo", "example.com/buncases/summaries/service")
}
