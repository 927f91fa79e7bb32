package analyzer_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/getorcreatelint/getorcreatelint/analyzer"
)

// quiet takes analysistest's complaints about messages that differ from
// the // want comments, which the evidence appended here makes them do.
type quiet struct{}

func (quiet) Errorf(string, ...any) {}

// TestFindingHooks: each reported unbacked lookup reaches OnFinding with
// the index its message proposes and the migration directory of its
// table, and Evidence's text ends its message.
func TestFindingHooks(t *testing.T) {
	t.Parallel()
	opts := sqlOptions(t, "postgres")
	var mu sync.Mutex
	var found []analyzer.Finding
	opts.OnFinding = func(f analyzer.Finding) {
		mu.Lock()
		defer mu.Unlock()
		found = append(found, f)
	}
	opts.Evidence = func(f analyzer.Finding) string {
		return fmt.Sprintf("evidence for %s(%s)", f.Table, strings.Join(f.Index().Columns(), ", "))
	}
	results := analysistest.Run(quiet{}, analysistest.TestData(), analyzer.New(opts), "sqlstd")
	reported := 0
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if d.Category != analyzer.CategoryGetOrCreate {
				continue
			}
			reported++
			if !strings.Contains(d.Message, "; evidence for ") || !strings.HasSuffix(d.Message, ")") {
				t.Errorf("message without the evidence: %s", d.Message)
			}
		}
	}
	if reported == 0 || len(found) != reported {
		t.Fatalf("OnFinding heard %d findings, %d reported", len(found), reported)
	}
	dir := opts.Migrations[0]
	for _, f := range found {
		if f.Dir == nil || f.Dir.Path != dir {
			t.Errorf("%s: finding on %s has directory %v, want %s", f.Pos, f.Table, f.Dir, dir)
		}
		if f.Root == "" || f.Pos.Line == 0 {
			t.Errorf("finding without a root or position: %+v", f)
		}
	}
	// The tags lookup by name: the index the message proposes.
	for _, f := range found {
		if f.Table == "tags" && len(f.Key) == 1 && f.Key[0].Column == "name" {
			if got, want := f.Index().CreateSQL(), "CREATE UNIQUE INDEX CONCURRENTLY idx_tags_name ON tags (name);"; got != want {
				t.Errorf("index of the tags lookup: %s, want %s", got, want)
			}
			return
		}
	}
	t.Errorf("no finding on tags(name) among %d", len(found))
}

// TestFindingWithoutMigrations: a table described by struct tags alone
// has no directory; a soft-deleted model's finding carries its partial
// predicate.
func TestFindingWithoutMigrations(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	var found []analyzer.Finding
	opts := analyzer.Options{OnFinding: func(f analyzer.Finding) {
		mu.Lock()
		defer mu.Unlock()
		found = append(found, f)
	}}
	analysistest.Run(t, analysistest.TestData(), analyzer.New(opts), "crosspkg")
	softDeleted := 0
	for _, f := range found {
		if f.Dir != nil {
			t.Errorf("%s: a table no migration describes has directory %v", f.Pos, f.Dir)
		}
		if f.SoftDelete != "" {
			softDeleted++
		}
		if f.SoftDelete != "" && !strings.Contains(strings.Join(f.Where, " AND "), f.SoftDelete+" IS NULL") {
			t.Errorf("%s: soft-deleted model without the partial predicate: %v", f.Pos, f.Where)
		}
	}
	if softDeleted == 0 {
		t.Errorf("no finding on a soft-deleted model among %d", len(found))
	}
}

// A finding an ignore directive suppresses is neither heard nor given
// evidence: the hooks see exactly the reported findings.
func TestFindingHooksSkipSuppressed(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	heard, asked := 0, 0
	opts := analyzer.Options{
		OnFinding: func(analyzer.Finding) { mu.Lock(); heard++; mu.Unlock() },
		Evidence:  func(analyzer.Finding) string { mu.Lock(); asked++; mu.Unlock(); return "" },
	}
	results := analysistest.Run(t, analysistest.TestData(), analyzer.New(opts), "directive")
	reported := 0
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if d.Category == analyzer.CategoryGetOrCreate {
				reported++
			}
		}
	}
	if reported == 0 || heard != reported || asked != reported {
		t.Errorf("%d findings reported, %d heard, %d asked for evidence", reported, heard, asked)
	}
}
