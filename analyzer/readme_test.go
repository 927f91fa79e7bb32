package analyzer_test

import (
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
