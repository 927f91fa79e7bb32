package analyzer

import (
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/site"
	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// panicky is a recogniser with a bug: it panics on the first call it is
// given.
type panicky struct{}

func (panicky) Claims(*types.Package) bool { return true }
func (panicky) Hooks() flow.Hooks          { return flow.Hooks{} }
func (panicky) Sites(_ *flow.Func, calls []flow.Call) []*site.Site {
	if len(calls) > 0 {
		panic("index out of range")
	}
	return nil
}
func (panicky) Upserts(*flow.Func, []flow.Call) []*site.Upsert { return nil }
func (panicky) Tables(flow.Call) []*schema.Table               { return nil }

// A panic in a stage fails the package's analysis with an error that names
// the stage and the position; it does not crash the driver.
func TestPanicBecomesError(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"go.mod": "module example.com/p\n\ngo 1.22\n",
		"p.go":   "package p\n\nimport \"strings\"\n\nfunc F() string {\n\treturn strings.ToUpper(\"x\")\n}\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pkgs, err := packages.Load(&packages.Config{Dir: dir, Mode: packages.LoadSyntax}, "./...")
	if err != nil || packages.PrintErrors(pkgs) > 0 {
		t.Fatalf("loading the package: %v", err)
	}
	opts := DefaultOptions()
	a := &analysis.Analyzer{
		Name: "panicky",
		Doc:  "a pipeline with a recogniser that panics",
		Run: func(pass *analysis.Pass) (any, error) {
			return run(pass, &opts, func(*analysis.Pass, *Options, func() sqlscan.Dialect) []recognizer {
				return []recognizer{panicky{}}
			})
		},
	}
	g, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	act := g.Roots[0]
	if act.Err == nil {
		t.Fatal("the panic did not fail the analysis")
	}
	for _, want := range []string{"internal error in recognition at ", "p.go:5:1", "index out of range"} {
		if !strings.Contains(act.Err.Error(), want) {
			t.Errorf("error %q does not contain %q", act.Err, want)
		}
	}
}
