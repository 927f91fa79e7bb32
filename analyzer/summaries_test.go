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
