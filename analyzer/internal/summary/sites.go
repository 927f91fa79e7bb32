package summary

import (
	"fmt"
	"go/ast"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/site"
	"github.com/getorcreatelint/getorcreatelint/schema"
)

// Sites returns the get-or-create sites of a unit that pass through a
// helper: a lookup and the insert on its not-found path into the same
// table, at least one of them a call of a summarised function (the
// recognisers report the pairs of their own calls).
func (p *Pass) Sites(u *Unit) []*site.Site {
	if len(p.helpers(u)) == 0 {
		return nil
	}
	lookups, inserts := p.lookupsIn(u), p.insertsIn(u)
	var out []*site.Site
	for _, l := range lookups {
		if l.Handle == nil {
			continue
		}
		table := schema.TableKey(l.Site.Table)
		own := map[*ast.CallExpr]InsertCall{}
		helped := map[*ast.CallExpr]InsertCall{}
		for _, ins := range inserts {
			if table == "" || schema.TableKey(ins.Table) != table || ins.Call == l.Call {
				continue
			}
			if ins.Helper == "" && l.Helper == "" {
				own[ins.Call] = ins
			} else {
				helped[ins.Call] = ins
			}
		}
		if len(helped) == 0 {
			continue
		}
		if l.Helper != "" && len(l.Signals) == 0 {
			// The helper's result does not tell whether it found a row: an
			// insert after it is a get-or-create whose path is unknown.
			hit := u.Fn.FirstInsertAfter(l.Handle, flow.AfterLookup, func(c *ast.CallExpr) bool { _, ok := helped[c]; return ok })
			if hit != nil {
				st := p.site(u, l, helped[hit])
				st.Why.Set(l.Helper + "'s results do not tell on every path whether it found a row")
				out = append(out, st)
			}
			continue
		}
		if len(own) > 0 && u.Fn.FirstInsertAfter(l.Handle, flow.OnNotFound, func(c *ast.CallExpr) bool { _, ok := own[c]; return ok }) != nil {
			continue // the recogniser reports this lookup itself
		}
		hit := u.Fn.FirstInsertAfter(l.Handle, flow.OnNotFound, func(c *ast.CallExpr) bool { _, ok := helped[c]; return ok })
		if hit == nil {
			continue
		}
		out = append(out, p.site(u, l, helped[hit]))
	}
	return out
}

// site is the get-or-create of a lookup and an insert, one of them (or
// both) through helpers; its message names the chain.
func (p *Pass) site(u *Unit, l LookupCall, ins InsertCall) *site.Site {
	s := *l.resolved()
	s.Insert = ins.Call
	var cols []string
	for _, t := range s.KeyTerms() {
		cols = append(cols, t.String())
	}
	lname, iname := l.Helper, ins.Helper
	if lname == "" {
		lname = l.At.Func
	}
	if iname == "" {
		iname = ins.What
	}
	root := p.root()
	s.What = fmt.Sprintf("%s: %s (%s, %s) then %s (insert into %s, %s)",
		unitName(u), lname, lookupOn(s.Table, cols), l.At.WhereIn(root),
		iname, ins.Table, ins.At.WhereIn(root))
	s.Chain = true
	s.Related = slices.Clone(l.Site.Related)
	if l.Helper != "" {
		s.Related = addRelated(s.Related, p.related(l.At, "the lookup inside "+l.Helper))
	}
	if ins.Helper != "" {
		s.Related = addRelated(s.Related, p.related(ins.At, "the insert inside "+ins.Helper))
	}
	return &s
}

// lookupOn names a lookup in a chain: its table and columns, or its
// table alone when it has none to name (unknown columns, no conditions),
// which the rest of the message then says.
func lookupOn(table string, cols []string) string {
	if len(cols) == 0 {
		return "lookup on " + table
	}
	return fmt.Sprintf("lookup on %s (%s)", table, strings.Join(cols, ", "))
}

// addRelated appends the locations that are not there yet: one finding
// names a place once.
func addRelated(to, more []analysis.RelatedInformation) []analysis.RelatedInformation {
	for _, r := range more {
		if !slices.Contains(to, r) {
			to = append(to, r)
		}
	}
	return to
}

func unitName(u *Unit) string {
	if u.Obj != nil {
		return u.Obj.Name()
	}
	return "func"
}

// related points at a helper's primitive call, under the message msg
// followed by where the call is (golangci-lint prints a location in
// another file at the finding's own position).
func (p *Pass) related(at Step, msg string) []analysis.RelatedInformation {
	pos := p.position(at)
	if !pos.IsValid() {
		return nil
	}
	return []analysis.RelatedInformation{{Pos: pos, Message: msg + " (" + at.WhereIn(p.root()) + ")"}}
}

// position returns a position in the pass's file set that prints as the
// step's file, line and column. The package's own files and an import
// loaded from source have it. An import read from export data (go vet)
// has a file whose lines, one byte each, stop at the package's last
// declaration: then the position is made in a file of its own, added to
// the file set with just enough lines to hold it.
func (p *Pass) position(at Step) token.Pos {
	if at.File == "" || at.Line <= 0 {
		return token.NoPos
	}
	col := max(at.Col, 1)
	if pos, ok := p.madePos[at]; ok {
		return pos
	}
	var pos token.Pos
	p.pass.Fset.Iterate(func(f *token.File) bool {
		if f.Name() != at.File || at.Line > f.LineCount() {
			return true
		}
		start := f.LineStart(at.Line)
		if f.Offset(start)+col-1 >= f.Size() {
			return true
		}
		cand := start + token.Pos(col-1)
		if got := f.Position(cand); got.Line == at.Line && got.Column == col {
			pos = cand
			return false
		}
		return true
	})
	if !pos.IsValid() {
		// Lines 1 .. Line-1 one byte each, then the line holding the
		// column: offsets increase, as SetLines requires.
		lines := make([]int, at.Line)
		for i := range lines {
			lines[i] = i
		}
		f := p.pass.Fset.AddFile(at.File, -1, at.Line-1+col)
		if f.SetLines(lines) {
			pos = f.Pos(at.Line - 1 + col - 1)
		}
	}
	p.madePos[at] = pos
	return pos
}

// root is the module root that paths in messages are relative to, "" when
// unknown.
func (p *Pass) root() string {
	if p.ModuleRoot == nil {
		return ""
	}
	if p.rootDir == nil {
		dir, err := p.ModuleRoot()
		if err != nil {
			dir = ""
		}
		p.rootDir = &dir
	}
	return *p.rootDir
}
