package analyzer_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/getorcreatelint/getorcreatelint/analyzer"
)

func TestEnt(t *testing.T) {
	analysistest.Run(t, analyzer.EntTestModule(t), analyzer.New(analyzer.Options{}),
		"example.com/entcases/lookups",      // each query method that runs a lookup
		"example.com/entcases/notfound",     // each way of testing for no row
		"example.com/entcases/predicates",   // columns and keys: fields, mixins, storage keys, indexes, edges
		"example.com/entcases/clients",      // stored clients, transactions, aliases, ignore directives
		"example.com/entcases/notent",       // look-alike types
		"example.com/entcases/masknotfound", // MaskNotFound, then the nil result
		"example.com/entcases/upsert",       // OnConflict builders, on a database the code does not name
	)
}

func TestEntStrict(t *testing.T) {
	analysistest.Run(t, analyzer.EntTestModule(t), analyzer.New(analyzer.Options{Strict: true}), "example.com/entcases/strict")
}

// ent writes the upsert's SQL for the database: a target on PostgreSQL,
// none on MySQL.
func TestEntUpsertDialects(t *testing.T) {
	analysistest.Run(t, analyzer.EntTestModule(t), analyzer.New(analyzer.Options{Dialect: "postgres"}), "example.com/entcases/upsertpg")
	analysistest.Run(t, analyzer.EntTestModule(t), analyzer.New(analyzer.Options{Dialect: "mysql"}), "example.com/entcases/upsertmysql")
}

// An ent repository layer: lookups and inserts in the repository's
// methods, the get-or-create in its own package and in a service that
// calls them, directly and through an interface with one implementation.
func TestEntSummaries(t *testing.T) {
	opts := analyzer.Options{Summarize: []string{"example.com/entcases/summaries"}}
	analysistest.Run(t, analyzer.EntTestModule(t), analyzer.New(opts),
		"example.com/entcases/summaries/repo", "example.com/entcases/summaries/service")
}

// With -strict, a repository method whose results do not tell "not
// found" makes the insert after it an unknown lookup, never a finding.
func TestEntSummariesStrict(t *testing.T) {
	opts := analyzer.Options{Summarize: []string{"example.com/entcases/summaries"}, Strict: true}
	analysistest.Run(t, analyzer.EntTestModule(t), analyzer.New(opts), "example.com/entcases/summaries/strict")
}
