package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// updating reports whether the tests were run with -update (the flag the
// end-to-end tests define) to rewrite golden files.
func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

func compareGoldenBytes(t *testing.T, golden string, got []byte) {
	t.Helper()
	if updating() {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run go test -update to accept):\n--- got\n%s--- want\n%s", golden, got, want)
	}
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// at returns the position of the n-th byte after the first occurrence of
// substr in content, the file name.
func at(t *testing.T, name, content, substr string, n int) token.Position {
	t.Helper()
	i := strings.Index(content, substr)
	if i < 0 {
		t.Fatalf("%q not in %s", substr, name)
	}
	off := i + n
	line := strings.Count(content[:off], "\n") + 1
	col := off - strings.LastIndex(content[:off], "\n")
	return token.Position{Filename: name, Offset: off, Line: line, Column: col}
}

func itoa(i int) string { return strconv.Itoa(i) }

// reportFindings are findings on testdata/report/shop.go with everything a
// SARIF result can carry: a related location, a fix with an insertion and
// a replacement, and a category no rule describes yet.
func reportFindings(t *testing.T) (root string, findings []finding) {
	root, err := filepath.Abs(filepath.Join("testdata", "report"))
	if err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(root, "shop.go")
	content := readFile(t, src)
	call := at(t, src, content, "FirstOrCreate", 0)
	return root, []finding{
		{
			Category: "get-or-create",
			Message:  `FirstOrCreate on tags looks up (name) but no unique constraint covers it; add gorm:"uniqueIndex" to Tag.Name`,
			Start:    call,
			End:      at(t, src, content, "FirstOrCreate", len("FirstOrCreate")),
			Related: []related{{
				Start:   at(t, src, content, "db.Create", 0),
				End:     at(t, src, content, "db.Create(&tag)", len("db.Create(&tag)")),
				Message: "the insert that completes the get-or-create",
			}},
			Fixes: []fix{{
				Message: `Add gorm:"uniqueIndex" to Tag.Name`,
				Edits: []edit{
					{Start: at(t, src, content, "Name string", len("Name string")), End: at(t, src, content, "Name string", len("Name string")), NewText: " `gorm:\"uniqueIndex\"`"},
					{Start: at(t, src, content, `"café`, 0), End: at(t, src, content, `"café ☕ 🙂"`, len(`"café ☕ 🙂"`)), NewText: `"tea"`},
				},
			}},
		},
		{
			Category: "future-check",
			Message:  "a category added after the rules were written",
			Start:    at(t, src, content, "func tagByName", 0),
			End:      at(t, src, content, "func tagByName", len("func tagByName")),
		},
	}
}

func TestSARIFResultsCarryRelatedLocationsAndFixes(t *testing.T) {
	root, findings := reportFindings(t)
	log := buildSARIF(findings, []string{"example.com/shop: reading migrations: boom"}, &locator{root: root, lines: map[string][]string{}})
	log.Runs[0].Tool.Driver.Version = "" // depends on how the test binary was built
	var b bytes.Buffer
	if err := writeSARIF(&b, log); err != nil {
		t.Fatal(err)
	}
	compareGoldenBytes(t, filepath.Join("testdata", "report.sarif"), b.Bytes())

	run := log.Runs[0]
	if run.Invocations[0].ExecutionSuccessful || len(run.Invocations[0].ToolExecutionNotifications) != 1 {
		t.Errorf("an error must make the invocation unsuccessful with a notification: %+v", run.Invocations)
	}
	rules := run.Tool.Driver.Rules
	for _, res := range run.Results {
		if rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("result %s has ruleIndex %d, which is rule %s", res.RuleID, res.RuleIndex, rules[res.RuleIndex].ID)
		}
	}
	last := rules[len(rules)-1]
	if last.ID != "future-check" || last.HelpURI == "" || last.Help.Text == "" || last.DefaultConfiguration.Level != "warning" {
		t.Errorf("a category without a description gets a generic rule, got %+v", last)
	}
	// é ☕ 🙂 take 9 bytes but 4 UTF-16 units before the fix's end.
	repl := run.Results[0].Fixes[0].ArtifactChanges[0].Replacements[1].DeletedRegion
	if want := findings[0].Fixes[0].Edits[1].End.Column - 5; repl.EndColumn != want {
		t.Errorf("replacement ends at UTF-16 column %d, want %d", repl.EndColumn, want)
	}
}

func TestSARIFWithoutFindings(t *testing.T) {
	var b bytes.Buffer
	if err := writeSARIF(&b, buildSARIF(nil, nil, &locator{root: t.TempDir(), lines: map[string][]string{}})); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Results json.RawMessage
			Tool    struct {
				Driver struct {
					Version string
					Rules   []struct{ ID string }
				}
			}
		}
	}
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	if got := string(log.Runs[0].Results); got != "[]" {
		t.Errorf(`results = %s, want [] (code scanning requires the field)`, got)
	}
	if len(log.Runs[0].Tool.Driver.Rules) == 0 {
		t.Error("no rules: each diagnostic category must have one even without findings")
	}
	// Validators warn about a log without the tool's version (SARIF2005).
	if v := log.Runs[0].Tool.Driver.Version; v == "" || v != toolVersion() {
		t.Errorf("tool.driver.version = %q, want %q", v, toolVersion())
	}
}

func TestSARIFPathOutsideTheRepository(t *testing.T) {
	root := t.TempDir()
	outside := filepath.Join(filepath.Dir(root), "elsewhere", "my file.go")
	al := artifactLocation(&locator{root: root, lines: map[string][]string{}}, outside)
	if al.URIBaseID != "" || al.URI != "file://"+strings.ReplaceAll(filepath.ToSlash(outside), " ", "%20") {
		t.Errorf("artifactLocation = %+v, want an absolute file URI without a base", al)
	}
	al = artifactLocation(&locator{root: root, lines: map[string][]string{}}, filepath.Join(root, "a b", "c.go"))
	if al.URIBaseID != srcRoot || al.URI != "a%20b/c.go" {
		t.Errorf("artifactLocation = %+v, want a%%20b/c.go under %s", al, srcRoot)
	}
}
