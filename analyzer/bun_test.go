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
