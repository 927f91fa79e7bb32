package migrations

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzGoDDL runs the Go reader on arbitrary source: no panic, and every
// string it returns is DDL at a line of the file. The seeds are the Go
// migration samples.
func FuzzGoDDL(f *testing.F) {
	for _, depth := range []string{"*", "*/*", "*/*/*"} {
		files, _ := filepath.Glob(filepath.Join(goSamples, "*", depth, "*.go"))
		for _, p := range files {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(string(b))
			}
		}
	}
	f.Add("package m\n\nconst a = b + \"CREATE TABLE t (a int)\"\nconst b = a\n\nvar _ = a\n")
	f.Add("package m\n\ntype T T\n\nvar _ = T{\"CREATE TABLE t (a int)\", \"DROP TABLE t\"}\n")
	f.Fuzz(func(t *testing.T, src string) {
		lines := strings.Count(src, "\n") + 1
		g := goFilesDDL([]string{"f.go"}, [][]byte{[]byte(src)})["f.go"]
		for _, st := range g.stmts {
			if !isDDL(st.sql) || st.line < 1 || st.line > lines {
				t.Fatalf("bad statement at line %d of %d: %q", st.line, lines, st.sql)
			}
		}
	})
}
