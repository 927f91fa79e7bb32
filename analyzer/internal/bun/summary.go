package bun

import (
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/site"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/summary"
	"github.com/getorcreatelint/getorcreatelint/schema/buntags"
)

// Lookups lists the function's bun SELECT runs (Scan, Exists, Count) whose
// model is known, with their sites, for helper summaries.
func (r *Recognizer) Lookups(fn *flow.Func, calls []flow.Call) []summary.LookupCall {
	fc := &fnCtx{Func: fn, r: r, calls: calls}
	lookups, _ := fc.queriesOf(true, false)
	var out []summary.LookupCall
	for _, l := range lookups {
		if l.table == "" {
			continue
		}
		out = append(out, summary.LookupCall{Call: l.call, Handle: fc.handle(l), Site: fc.lookupSite(l),
			Signals: bunSignals[l.name]})
	}
	return out
}

// Inserts lists the function's plain INSERT runs (On and Ignore make an
// upsert, which is atomic) whose model is known.
func (r *Recognizer) Inserts(fn *flow.Func, calls []flow.Call) []summary.InsertCall {
	fc := &fnCtx{Func: fn, r: r, calls: calls}
	_, inserts := fc.queriesOf(false, true)
	var out []summary.InsertCall
	for _, ins := range inserts {
		if ins.table == "" || !ins.isPlainInsert() {
			continue
		}
		out = append(out, summary.InsertCall{Call: ins.call, Table: ins.table, What: "NewInsert()." + ins.name})
	}
	return out
}

// bunSignals are the results of a SELECT run that tell a miss, for a
// function that returns them as they are: Exists's false. Scan's error
// is followed as the lookup's error (sql.ErrNoRows for a struct model);
// a count tells a miss only by comparison, which a caller does.
var bunSignals = map[string][]summary.Signal{
	"Exists": {{Kind: summary.BoolResult, Result: 0}},
}

// framework names bun's carried fixes.
const framework = "bun"

// Carry reduces the fixer to what wording the tag fix needs: the model's
// name and the fields of the lookup's columns. A caller's pass words the
// fix from it as the helper's own pass would.
func (f Fixer) Carry(s *site.Site) *summary.CarriedFix {
	if f.Schema == nil {
		return nil
	}
	c := &summary.CarriedFix{Framework: framework, Model: f.Schema.Model}
	for _, t := range s.Lookup.Terms {
		col, ok := f.Schema.ByColumn(t.Column)
		if t.Expr != "" || !ok || c.Carries(col.Column) {
			continue
		}
		c.Fields = append(c.Fields, summary.FieldColumn{Column: col.Column, Path: col.Path})
	}
	return c
}

// FixerOf is the fixer of a bun lookup inside a helper of another
// package, from what its fixer carried.
func (r *Recognizer) FixerOf(c *summary.CarriedFix) site.Fixer {
	if c == nil || c.Framework != framework {
		return nil
	}
	s := &buntags.Schema{Model: c.Model}
	for _, f := range c.Fields {
		s.Columns = append(s.Columns, buntags.Column{Path: f.Path, Column: f.Column})
	}
	return Fixer{Schema: s, Dialect: r.dialect}
}
