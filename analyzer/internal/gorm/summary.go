package gorm

import (
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/summary"
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
