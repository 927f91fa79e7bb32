package analyzer_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/getorcreatelint/getorcreatelint/analyzer"
)

// testdata/sqlc holds sqlc v1.31.1's real output (store, generated from
// db/query with the schema in db/schema, as sqlc.yaml says): its queries
// are summarised through their constant SQL, never reported themselves,
// and the keys come from the schema sqlc.yaml names.
func TestSQLCGenerated(t *testing.T) {
	analysistest.Run(t, analyzer.ModuleDir(t, "sqlc"), analyzer.New(analyzer.DefaultOptions()),
		"example.com/sqlccases/app") // store is analysed as a dependency: facts only
}
