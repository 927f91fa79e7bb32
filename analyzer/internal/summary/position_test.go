package summary

import (
	"go/token"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// A related location prints as the helper's file, line and column: in
// the helper's own file when the file set has it from source, and in a
// file made for it when the file set has the file from export data only
// (one byte a line, up to the package's last declaration).
func TestPositionOfStep(t *testing.T) {
	const name = "/mod/internal/store/tags.go"
	src := "package store\n\nfunc F() {\n\tdb.Create(t)\n}\n"
	for _, c := range []struct {
		what string
		add  func(fset *token.FileSet)
	}{
		{"from source", func(fset *token.FileSet) {
			f := fset.AddFile(name, -1, len(src))
			f.SetLinesForContent([]byte(src))
		}},
		{"from export data", func(fset *token.FileSet) {
			f := fset.AddFile(name, -1, 100)
			f.SetLines([]int{0, 1}) // lines up to the last declaration only
		}},
		{"not in the file set", func(*token.FileSet) {}},
	} {
		fset := token.NewFileSet()
		fset.AddFile("/mod/other.go", -1, 10)
		c.add(fset)
		p := New(&analysis.Pass{Fset: fset}, nil, nil)
		at := Step{Func: "CreateTag", File: name, Line: 4, Col: 5}
		pos := p.position(at)
		if got := fset.Position(pos); got.Filename != name || got.Line != 4 || got.Column != 5 {
			t.Errorf("%s: position prints as %v, want %s:4:5", c.what, got, name)
		}
		if c.what == "from source" && fset.File(pos).Size() != len(src) {
			t.Errorf("from source: position in a file made for it, not in the file itself")
		}
		if again := p.position(at); again != pos {
			t.Errorf("%s: a second position %v for the same step, want %v", c.what, again, pos)
		}
	}
	if got, want := (Step{File: "/mod/internal/store/tags.go", Line: 4}).WhereIn("/mod"), "internal/store/tags.go:4"; got != want {
		t.Errorf("WhereIn = %q, want %q", got, want)
	}
	if got, want := (Step{File: "/lib/store/tags.go", Line: 4}).WhereIn("/mod"), "store/tags.go:4"; got != want {
		t.Errorf("WhereIn outside the module = %q, want %q", got, want)
	}
}
