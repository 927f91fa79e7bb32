package analyzer_test

import (
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
	analysistest.Run(t, analysistest.TestData(), analyzer.New(opts), "summaries/store", "summaries/service", "summaries/api")
}

// With -strict, a helper whose results do not tell "not found" on every
// path makes the insert after it an unknown lookup, never a finding.
func TestSummariesStrict(t *testing.T) {
	t.Parallel()
	opts := analyzer.Options{Summarize: []string{"summaries"}, Strict: true}
	analysistest.Run(t, analysistest.TestData(), analyzer.New(opts), "summaries/strict")
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
