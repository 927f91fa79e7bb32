package migrations

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/schema"
)

// isGoSource reports whether a file name is Go code of the package: not a
// test, and not a file the go tool ignores (leading "." or "_").
func isGoSource(name string) bool {
	return strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go") &&
		!strings.HasPrefix(name, ".") && !strings.HasPrefix(name, "_")
}

// hasGoFiles reports whether dir directly holds Go source files.
func (l *lister) hasGoFiles(dir string) bool {
	entries, err := l.readDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if !e.IsDir() && isGoSource(e.Name()) {
			return true
		}
	}
	return false
}

// goFilesDDL parses the Go files of one package (a migration directory) and
// returns the up-side DDL of each, by path. Files are read as syntax only:
// generated files yield nothing and a file that does not parse yields only
// a note, so one bad file never hides the others.
func goFilesDDL(paths []string, srcs [][]byte) map[string]*goFileDDL {
	out := make(map[string]*goFileDDL, len(paths))
	fset := token.NewFileSet()
	var files []*ast.File
	var parsed []string
	for i, p := range paths {
		f, err := parser.ParseFile(fset, p, srcs[i], parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			out[p] = &goFileDDL{notes: []goNote{parseNote(err)}}
			continue
		}
		if ast.IsGenerated(f) {
			out[p] = &goFileDDL{}
			continue
		}
		files = append(files, f)
		parsed = append(parsed, p)
	}
	e := newGoExtractor(fset, files)
	for i, f := range files {
		out[parsed[i]] = e.file(f)
	}
	return out
}

// parseNote turns a parse error into a note at its first error's line.
func parseNote(err error) goNote {
	var list scanner.ErrorList
	if errors.As(err, &list) && len(list) > 0 {
		return goNote{line: list[0].Pos.Line, msg: fmt.Sprintf("Go file does not parse; skipped: %s", list[0].Msg), file: true}
	}
	return goNote{msg: fmt.Sprintf("Go file does not parse; skipped: %v", err), file: true}
}

func isGoFile(path string) bool { return strings.HasSuffix(path, ".go") }

// replayGo replays the DDL strings of a Go migration file, each as one
// migration file starting at its line, with the file's notes in line order.
func replayGo(r *Replayer, rel string, g *goFileDDL) {
	notes := g.notes
	flush := func(before int) {
		for len(notes) > 0 && notes[0].line < before {
			r.cat.Warnings = append(r.cat.Warnings, schema.Warning{Source: schema.Source{File: rel, Line: notes[0].line}, Message: notes[0].msg, File: notes[0].file})
			notes = notes[1:]
		}
	}
	for _, st := range g.stmts {
		flush(st.line)
		r.replayAt(rel, st.sql, st.line)
	}
	flush(int(^uint(0) >> 1))
}
