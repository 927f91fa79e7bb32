package main

import (
	"cmp"
	"go/token"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
)

// finding is a diagnostic with its positions resolved, so that the report
// writers need no file set. Columns are in bytes, as go/token counts them.
type finding struct {
	Category   string
	Message    string
	Start, End token.Position
	Related    []related
	Fixes      []fix
}

type related struct {
	Start, End token.Position
	Message    string
}

type fix struct {
	Message string
	Edits   []edit
}

type edit struct {
	Start, End token.Position
	NewText    string
}

// collectFindings returns the diagnostics of the root actions, sorted by
// position, each once: a file in both a package and its test variant is
// analysed twice. It also returns the size of every file a finding or a
// fix touches, as it was analysed, for -fix to check before writing.
func collectFindings(g *checker.Graph) ([]finding, map[string]int) {
	type key struct {
		start, end token.Position
		category   string
		message    string
	}
	seen := map[key]bool{}
	var out []finding
	sizes := map[string]int{}
	for _, act := range g.Roots {
		if act.Err != nil {
			continue
		}
		fset := act.Package.Fset
		for _, d := range act.Diagnostics {
			f := newFinding(fset, d)
			k := key{f.Start, f.End, f.Category, f.Message}
			if seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, f)
			for _, sf := range d.SuggestedFixes {
				for _, e := range sf.TextEdits {
					if tf := fset.File(e.Pos); tf != nil {
						sizes[tf.Name()] = tf.Size()
					}
				}
			}
		}
	}
	slices.SortFunc(out, func(a, b finding) int {
		return cmp.Or(
			cmp.Compare(a.Start.Filename, b.Start.Filename),
			cmp.Compare(a.Start.Line, b.Start.Line),
			cmp.Compare(a.Start.Column, b.Start.Column),
			cmp.Compare(a.Category, b.Category),
			cmp.Compare(a.Message, b.Message))
	})
	return out, sizes
}

func newFinding(fset *token.FileSet, d analysis.Diagnostic) finding {
	f := finding{Category: d.Category, Message: d.Message, Start: fset.Position(d.Pos), End: fset.Position(d.End)}
	for _, r := range d.Related {
		f.Related = append(f.Related, related{Start: fset.Position(r.Pos), End: fset.Position(r.End), Message: r.Message})
	}
	for _, sf := range d.SuggestedFixes {
		x := fix{Message: sf.Message}
		for _, e := range sf.TextEdits {
			x.Edits = append(x.Edits, edit{Start: fset.Position(e.Pos), End: fset.Position(e.End), NewText: string(e.NewText)})
		}
		f.Fixes = append(f.Fixes, x)
	}
	return f
}
