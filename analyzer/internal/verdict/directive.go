package verdict

import (
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// The suppression directive. It must give a reason, so that a reader of
// the code learns why the get-or-create is safe:
//
//	//getorcreatelint:ignore rows are created once, by the migration job
const directivePrefix = "getorcreatelint:ignore"

// directiveSet holds the well-formed ignore directives of a package by file
// and line.
type directiveSet struct {
	fset  *token.FileSet
	lines map[string]map[int]bool
}

// parseDirectives reads the package's ignore directives and reports every
// one that lacks a reason. It only scans comments, so it is cheap enough to
// run on every package.
func parseDirectives(pass *analysis.Pass, enabled func(string) bool) *directiveSet {
	ds := &directiveSet{fset: pass.Fset, lines: map[string]map[int]bool{}}
	for _, f := range pass.Files {
		for _, group := range f.Comments {
			for _, c := range group.List {
				reason, ok := directiveReason(c.Text)
				if !ok {
					continue
				}
				if reason == "" {
					if enabled(CategoryDirective) {
						pass.Report(analysis.Diagnostic{
							Pos: c.Pos(), End: c.End(), Category: CategoryDirective,
							Message: "getorcreatelint:ignore needs a reason: //getorcreatelint:ignore <why the get-or-create is safe>",
						})
					}
					continue
				}
				p := pass.Fset.Position(c.Pos())
				if ds.lines[p.Filename] == nil {
					ds.lines[p.Filename] = map[int]bool{}
				}
				ds.lines[p.Filename][p.Line] = true
			}
		}
	}
	return ds
}

// directiveReason parses "//getorcreatelint:ignore reason" (a space after
// // is tolerated) and returns the reason.
func directiveReason(text string) (string, bool) {
	text = strings.TrimPrefix(text, "//")
	text = strings.TrimLeft(text, " \t")
	rest, ok := strings.CutPrefix(text, directivePrefix)
	if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
		return "", false
	}
	reason := strings.TrimSpace(rest)
	if strings.HasPrefix(reason, "//") {
		reason = "" // a trailing comment is not a reason
	}
	return reason, true
}

// suppresses reports whether a directive sits on the reported line, the
// line above it, or the line above the statement holding the report.
func (ds *directiveSet) suppresses(node, stmt ast.Node) bool {
	p := ds.fset.Position(node.Pos())
	lines := ds.lines[p.Filename]
	if lines == nil {
		return false
	}
	if lines[p.Line] || lines[p.Line-1] {
		return true
	}
	if stmt != nil {
		s := ds.fset.Position(stmt.Pos())
		return lines[s.Line] || lines[s.Line-1]
	}
	return false
}
