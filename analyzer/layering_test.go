package analyzer_test

import (
	"os/exec"
	"strings"
	"testing"
)

// The packages under internal/ are the stages of the pipeline, and the
// layering keeps them so: the recognisers (one per framework) never import
// each other or the verdict, the verdict and the flow analysis know no
// framework, and the IR and the flow analysis stand on nothing internal.
func TestLayering(t *testing.T) {
	const internal = "github.com/getorcreatelint/getorcreatelint/analyzer/internal/"
	// allowed lists, per stage, the internal packages it may depend on
	// (directly or not). Every other package is a framework's recogniser.
	allowed := map[string][]string{
		"site":    {},
		"flow":    {},
		"sources": {},
		"conds":   {"flow", "site", "sources"},
		"verdict": {"site", "sources"},
		"summary": {"flow", "site"},
	}
	recognizer := []string{"site", "flow", "conds", "sources", "summary"}
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}} {{join .Deps \" \"}}", "./internal/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	seen := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkg, ok := strings.CutPrefix(fields[0], internal)
		if !ok {
			continue
		}
		seen[pkg] = true
		ok2, stage := allowed[pkg]
		if !stage {
			ok2 = recognizer
		}
		for _, dep := range fields[1:] {
			name, isInternal := strings.CutPrefix(dep, internal)
			if !isInternal {
				continue
			}
			if !contains(ok2, name) {
				t.Errorf("internal/%s depends on internal/%s", pkg, name)
			}
		}
	}
	for _, r := range []string{"gorm", "ent", "rawsql", "site", "flow", "conds", "verdict", "sources"} {
		if !seen[r] {
			t.Errorf("go list did not list internal/%s", r)
		}
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}
