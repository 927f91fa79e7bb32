package analyzer_test

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/getorcreatelint/getorcreatelint/analyzer"
)

// The README documents every check: a row in the checks table with the
// check's default and level, and a section the SARIF help links point to.
func TestReadmeDocumentsEveryCheck(t *testing.T) {
	data, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	for _, c := range analyzer.Checks {
		if !strings.Contains(readme, "\n### "+c.Category+"\n") {
			t.Errorf("README has no section ### %s", c.Category)
		}
		row := fmt.Sprintf("| [`%s`](#%s) |", c.Category, c.Category)
		i := strings.Index(readme, row)
		if i < 0 {
			t.Errorf("README's checks table has no row for %s", c.Category)
			continue
		}
		line := readme[i : i+strings.Index(readme[i:], "\n")]
		if !strings.Contains(line, "| "+c.Level+" |") {
			t.Errorf("README row for %s does not give level %s: %s", c.Category, c.Level, line)
		}
		if on := strings.Contains(line, "| on |"); on != c.Default {
			t.Errorf("README row for %s: default on = %v, want %v: %s", c.Category, on, c.Default, line)
		}
	}
}

var update = flag.Bool("update", false, "rewrite the README's check sections from analyzer.Checks")

// The README's section on each check is generated from Checks, between
// these markers: go test ./analyzer -run TestReadmeCheckSections -update
const (
	checksBegin = "<!-- check sections: generated from analyzer.Checks by `go test ./analyzer -run TestReadmeCheckSections -update` -->\n"
	checksEnd   = "<!-- end of check sections -->\n"
)

//go:generate go test -run TestReadmeCheckSections -update .

func TestReadmeCheckSections(t *testing.T) {
	data, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	begin, end := strings.Index(readme, checksBegin), strings.Index(readme, checksEnd)
	if begin < 0 || end < begin {
		t.Fatalf("README has no %q ... %q block", checksBegin, checksEnd)
	}
	got := readme[begin+len(checksBegin) : end]
	want := checkSections(analyzer.Checks)
	if got == want {
		return
	}
	if !*update {
		t.Fatalf("README's check sections differ from analyzer.Checks; run go generate ./analyzer")
	}
	readme = readme[:begin+len(checksBegin)] + want + readme[end:]
	if err := os.WriteFile("../README.md", []byte(readme), 0o644); err != nil {
		t.Fatal(err)
	}
}

// checkSections writes a Markdown section per check: its intro, the
// example (what is reported, then the fix) and its notes.
func checkSections(checks []analyzer.Check) string {
	var b strings.Builder
	for _, c := range checks {
		fmt.Fprintf(&b, "\n### %s\n\n", c.Category)
		if c.Intro != "" {
			b.WriteString(c.Intro + "\n\n")
		}
		b.WriteString("```go\n" + c.Before + "\n")
		if c.After != "" {
			b.WriteString("\n" + c.After + "\n")
		}
		b.WriteString("```\n")
		if c.Notes != "" {
			b.WriteString("\n" + c.Notes + "\n")
		}
	}
	b.WriteString("\n")
	return b.String()
}
