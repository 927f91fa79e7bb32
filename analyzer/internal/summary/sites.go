package summary

import (
	"fmt"
	"go/ast"
	"go/token"
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
	s.What = fmt.Sprintf("%s: %s (lookup on %s (%s), %s) then %s (insert into %s, %s)",
		unitName(u), lname, s.Table, strings.Join(cols, ", "), l.At.Where(),
		iname, ins.Table, ins.At.Where())
	if l.Helper != "" {
		s.Related = append(s.Related, p.related(l.At, "the lookup inside "+l.Helper)...)
	}
	if ins.Helper != "" {
		s.Related = append(s.Related, p.related(ins.At, "the insert inside "+ins.Helper)...)
	}
	return &s
}

func unitName(u *Unit) string {
	if u.Obj != nil {
		return u.Obj.Name()
	}
	return "func"
}

// related points at a helper's primitive call when its file is in the
// file set (the package's own files, or an import's positions).
func (p *Pass) related(at Step, msg string) []analysis.RelatedInformation {
	var pos token.Pos
	p.pass.Fset.Iterate(func(f *token.File) bool {
		if f.Name() == at.File && at.Line > 0 && at.Line <= f.LineCount() {
			pos = f.LineStart(at.Line)
			return false
		}
		return true
	})
	if !pos.IsValid() {
		return nil
	}
	return []analysis.RelatedInformation{{Pos: pos, Message: msg + " (" + at.Where() + ")"}}
}
