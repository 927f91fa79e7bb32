package analyzer_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/getorcreatelint/getorcreatelint/analyzer"
)

// Lookups and inserts behind the user's functions: across functions,
// packages and interfaces, with the helper's not-found result followed
// on every path (summaries/store, summaries/service, summaries/api).
func TestSummaries(t *testing.T) {
	t.Parallel()
	opts := analyzer.Options{Summarize: []string{"summaries"}}
	analysistest.Run(t, analysistest.TestData(), analyzer.New(opts), "summaries/store", "summaries/service", "summaries/api",
		"summaries/repo", "summaries/paramsvc", "summaries/generic", "summaries/genericsvc")
}

// With -strict, a helper whose results do not tell "not found" on every
// path makes the insert after it an unknown lookup, never a finding.
func TestSummariesStrict(t *testing.T) {
	t.Parallel()
	opts := analyzer.Options{Summarize: []string{"summaries"}, Strict: true}
	analysistest.Run(t, analysistest.TestData(), analyzer.New(opts), "summaries/strict", "summaries/paramstrict")
}

// A database/sql helper's bound values come from its callers: a constant
// role at the call meets a partial unique index's condition.
func TestSummariesSQL(t *testing.T) {
	t.Parallel()
	dir, err := filepath.Abs(filepath.Join("testdata", "migrations", "summaries"))
	if err != nil {
		t.Fatal(err)
	}
	opts := analyzer.Options{Summarize: []string{"summaries"}, Migrations: []string{dir}, Dialect: "postgres"}
	analysistest.Run(t, analysistest.TestData(), analyzer.New(opts), "summaries/sqlrepo", "summaries/sqlsvc")
	opts.Strict = true
	analysistest.Run(t, analysistest.TestData(), analyzer.New(opts), "summaries/sqlstrict")
}

// A helper's lookup on a table a migration creates: the fix its callers
// get is the migration's index, not the struct tag a tag-managed model's
// callers get (summaries/service).
func TestSummariesMigrated(t *testing.T) {
	t.Parallel()
	opts := migrationsOptions(t)
	opts.Summarize = []string{"summariesmigrated"}
	analysistest.Run(t, analysistest.TestData(), analyzer.New(opts), "summariesmigrated")
}

// A package is under a prefix when it is the prefix or below it, never
// when it merely starts with the same letters.
func TestUnderPackages(t *testing.T) {
	under := analyzer.UnderPackages([]string{" example.com/app/ ", "", "example.com/lib"})
	for path, want := range map[string]bool{
		"example.com/app":       true,
		"example.com/app/store": true,
		"example.com/apple":     false,
		"example.com/lib/x/y":   true,
		"example.com":           false,
		"":                      false,
	} {
		if got := under(path); got != want {
			t.Errorf("under(%q) = %v, want %v", path, got, want)
		}
	}
}
