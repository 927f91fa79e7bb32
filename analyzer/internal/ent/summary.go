package ent

import (
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/site"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/summary"
	"github.com/getorcreatelint/getorcreatelint/schema"
)

// Lookups lists the function's ent lookups one by one (Only, First,
// Exist, Count, ...) with their sites, for helper summaries. The
// generated client's own methods get none: their callers' calls are
// ent's builder calls, read here directly.
func (r *Recognizer) Lookups(fn *flow.Func, calls []flow.Call) []summary.LookupCall {
	if entIndex(fn.Pkg) != nil {
		return nil
	}
	fc := &fnCtx{Func: fn, r: r, calls: calls}
	lookups, _ := fc.allEntCalls()
	var out []summary.LookupCall
	for _, l := range lookups {
		if l.entity.table == "" {
			continue
		}
		out = append(out, summary.LookupCall{Call: l.call, Handle: fc.entHandle(l), Site: fc.lookupBase(l),
			Signals: entSignals[l.name], Complete: fc.completer(l)})
	}
	return out
}

// completer reads the lookup's predicates and the keys ent declares for
// its entity once, when a summary or a site needs them.
func (fc *fnCtx) completer(l *entCall) func(*site.Site) {
	var read *site.Site
	return func(s *site.Site) {
		if read == nil {
			read = fc.lookupBase(l)
			fc.readLookup(read, l)
			if !read.Why.Unknown() {
				// One table of the keys of both sources: a summary is in
				// the facts of every package, and they mostly agree.
				if tables := fc.r.entTables(l.entity); len(tables) > 0 {
					read.OwnKeys = []*schema.Table{schema.Merge(l.entity.table, tables...)}
				}
			}
		}
		s.Lookup, s.Unsupported, s.Why, s.OwnKeys = read.Lookup, read.Unsupported, read.Why, read.OwnKeys
	}
}

// Inserts lists the function's ent inserts: an XCreate or XCreateBulk
// run (the upsert builders are atomic).
func (r *Recognizer) Inserts(fn *flow.Func, calls []flow.Call) []summary.InsertCall {
	if entIndex(fn.Pkg) != nil {
		return nil
	}
	fc := &fnCtx{Func: fn, r: r, calls: calls}
	_, inserts := fc.allEntCalls()
	var out []summary.InsertCall
	for _, ins := range inserts {
		if ins.entity.table == "" {
			continue
		}
		out = append(out, summary.InsertCall{Call: ins.call, Table: ins.entity.table, What: entInsertName(ins)})
	}
	return out
}

// entSignals are the results of a lookup method that tell a miss, for a
// function that returns them as they are (return q.Only(ctx)): the
// *NotFoundError and the nil node of Only and First, the zero ID's
// error, Exist's false. A count tells a miss only by comparison, which a
// caller of the function does.
var entSignals = map[string][]summary.Signal{
	"Only":    {{Kind: summary.NilResult, Result: 0}, {Kind: summary.ErrResult, Result: 1}},
	"First":   {{Kind: summary.NilResult, Result: 0}, {Kind: summary.ErrResult, Result: 1}},
	"OnlyID":  {{Kind: summary.ErrResult, Result: 1}},
	"FirstID": {{Kind: summary.ErrResult, Result: 1}},
	"Exist":   {{Kind: summary.BoolResult, Result: 0}},
	"FirstX":  {{Kind: summary.NilResult, Result: 0}},
	"OnlyX":   {{Kind: summary.NilResult, Result: 0}},
	"ExistX":  {{Kind: summary.BoolResult, Result: 0}},
}

// framework names ent's carried fixes.
const framework = "ent"

// Carry reduces the fixer to what wording the schema fix needs: the
// entity's schema name and, for each lookup column, the field or edge
// that holds it and its generated constant. nil when no column is a
// field or edge: the fix is then the index alone, as in the helper.
func (f entFixer) Carry(s *site.Site) *summary.CarriedFix {
	names := f.names()
	if names == nil {
		return nil
	}
	c := &summary.CarriedFix{Framework: framework, Model: names.schemaName()}
	for _, t := range s.Lookup.Terms {
		if t.Expr != "" || c.Carries(t.Column) {
			continue
		}
		col, ok := names.column(t.Column)
		if !ok {
			continue
		}
		fc := summary.FieldColumn{Column: t.Column, Path: []string{col.field}, Const: col.constant}
		if col.field == "" {
			fc.Path, fc.Edge = []string{col.edge}, true
		}
		c.Fields = append(c.Fields, fc)
	}
	if len(c.Fields) == 0 {
		return nil
	}
	return c
}

// FixerOf is the fixer of an ent lookup inside a helper of another
// package, from what its fixer carried.
func (r *Recognizer) FixerOf(c *summary.CarriedFix) site.Fixer {
	if c == nil || c.Framework != framework {
		return nil
	}
	return entFixer{carried: c}
}

// carriedNames names the columns a helper's lookup carried.
type carriedNames struct{ c *summary.CarriedFix }

func (n carriedNames) schemaName() string { return n.c.Model }

func (n carriedNames) column(col string) (entColumn, bool) {
	for _, f := range n.c.Fields {
		if f.Column != col || len(f.Path) != 1 {
			continue
		}
		if f.Edge {
			return entColumn{edge: f.Path[0], constant: f.Const}, true
		}
		return entColumn{field: f.Path[0], constant: f.Const}, true
	}
	return entColumn{}, false
}
