package gorm

import (
	"go/ast"
	"go/types"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/conds"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/site"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/summary"
	"github.com/getorcreatelint/getorcreatelint/schema"
)

// Lookups lists the function's GORM lookups one by one (First, Take,
// Last, Find, Count, Row, Scan) with their sites, for helper summaries.
func (r *Recognizer) Lookups(fn *flow.Func, calls []flow.Call) []summary.LookupCall {
	fc := &fnCtx{Func: fn, r: r, calls: calls}
	var out []summary.LookupCall
	for _, c := range calls {
		name, role, generic, ok := methodRole(c.Fn)
		if !ok || (role != gormLookup && role != gormRow && role != gormScan) {
			continue
		}
		l := fc.newGormCall(c.Expr, name, role, generic)
		if !l.entity.known() && !fc.modelRef(l).Set() {
			continue
		}
		h := fc.lookupHandle(l)
		if h == nil {
			continue
		}
		lc := summary.LookupCall{Call: h.Call, Handle: h, Site: fc.resolveGorm(gormSite{lookup: l})}
		if read, params := fc.params(l); params != nil {
			lc.Params, lc.Base = params, fc.resolveGorm(gormSite{lookup: read})
		}
		out = append(out, lc)
	}
	return out
}

// Inserts lists the function's GORM inserts whose table is known.
func (r *Recognizer) Inserts(fn *flow.Func, calls []flow.Call) []summary.InsertCall {
	fc := &fnCtx{Func: fn, r: r, calls: calls}
	var out []summary.InsertCall
	for _, c := range calls {
		name, role, generic, ok := methodRole(c.Fn)
		if !ok || role != gormCreate {
			continue
		}
		if name == "Save" && !fc.newRow(c.Expr) {
			continue // Save of a row read before updates it
		}
		g := fc.newGormCall(c.Expr, name, role, generic)
		if g.entity.table == "" {
			// Create(t *T), Create(v any): the callers give the model.
			if ref := fc.modelRef(g); ref.Set() {
				out = append(out, summary.InsertCall{Call: c.Expr, What: name, Model: ref})
			}
			continue
		}
		out = append(out, summary.InsertCall{Call: c.Expr, Table: g.entity.table, What: name})
	}
	return out
}

// newRow reports whether Save's argument is visibly a row not read from
// the database: a composite literal, or a variable that holds one or that
// was only declared. Save of any other value (a row a helper returned, or
// one a lookup filled) may update it, which is not an insert.
func (fc *fnCtx) newRow(call *ast.CallExpr) bool {
	if len(call.Args) == 0 {
		return false
	}
	arg := conds.StripAddr(call.Args[0])
	if conds.CompositeLit(arg) != nil {
		return true
	}
	v, ok := flow.ObjectOf(fc.Info, arg).(*types.Var)
	if !ok || v.IsField() || v.Parent() == v.Pkg().Scope() {
		return false
	}
	store, status := fc.Assigns().LastStore(v, call.Pos())
	switch status {
	case flow.StoreNone:
		return fc.DeclaredInBody(v) // declared, never assigned: a zero row
	case flow.StoreFound:
		return conds.CompositeLit(store.RHS) != nil
	}
	return false
}

// framework names GORM's carried fixes.
const framework = "gorm"

// Carry reduces the fixer to what wording the struct-tag fix needs: the
// model's name and the fields of the lookup's columns. A caller's pass
// words the fix from it as the helper's own pass would; it offers no
// edit, the model being in another package.
func (g Fixer) Carry(s *site.Site) *summary.CarriedFix {
	if g.Schema == nil {
		return nil
	}
	c := &summary.CarriedFix{Framework: framework, Model: g.Schema.Model}
	for _, t := range s.Lookup.Terms {
		col, ok := g.Schema.ByColumn(t.Column)
		if t.Expr != "" || !ok || c.Carries(col.Column) {
			continue
		}
		c.Fields = append(c.Fields, summary.FieldColumn{Column: col.Column, Path: col.Path})
	}
	return c
}

// FixerOf is the fixer of a GORM lookup inside a helper of another
// package, from what its fixer carried.
func (r *Recognizer) FixerOf(c *summary.CarriedFix) site.Fixer {
	if c == nil || c.Framework != framework {
		return nil
	}
	gs := &schema.GORMSchema{Model: c.Model}
	for _, f := range c.Fields {
		gs.Columns = append(gs.Columns, schema.GORMColumn{Path: f.Path, Column: f.Column})
	}
	return Fixer{Schema: gs, Files: r.pass.Files}
}
