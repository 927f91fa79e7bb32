package rawsql

import (
	"go/ast"
	"go/constant"
	"go/types"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/conds"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/site"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/sources"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/summary"
	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// substituteName is the Params.By of raw SQL summaries.
const substituteName = "rawsql"

// params records which of the function's parameters are bound to the
// lookup's equalities (WHERE tenant_id = $1 AND role = $2 with role a
// parameter), as one group: a map from each such column to its parameter.
// A caller that passes a constant pins the term to it, which a partial
// unique index (WHERE role = 'admin') may need. The helper's own terms
// already hold the columns.
func (fc *fnCtx) params(l *sqlCall) *summary.Params {
	if l.args == nil {
		return nil
	}
	m := summary.Arg{Kind: summary.ArgMap}
	for _, c := range l.q.Where.Conds {
		if c.Column == "" || c.Expr != "" || c.Op == sqlscan.IsNull || c.Op == sqlscan.IsNotNull ||
			c.Value.Kind != sqlscan.Placeholder || len(c.Value.Params) == 0 {
			continue
		}
		v := conds.ParamValue(c.Value.Params[0], l.args, fc.Info)
		if v == nil {
			continue
		}
		if i, ok := summary.ParamIndex(fc.Func, v); ok {
			m.Parts = append(m.Parts,
				summary.Arg{Kind: summary.ArgConst, Const: constant.String, Text: c.Column},
				summary.Arg{Kind: summary.ArgParam, Param: i})
		}
	}
	if len(m.Parts) == 0 {
		return nil
	}
	return &summary.Params{By: substituteName, Groups: []summary.Group{{Read: true, Args: []summary.Arg{m}}}}
}

// queryParams writes a lookup whose query the function builds from its
// parameters ("SELECT id FROM users WHERE "+column+" = $1", or a query
// passed in whole) as one group, the query and its arguments, for its
// callers to read with theirs.
func (fc *fnCtx) queryParams(l *sqlCall) *summary.Params {
	m := l.m
	if l.known() || m.query < 0 || m.args != m.query+1 || m.query >= len(l.call.Args) {
		return nil
	}
	g, ok := summary.Template(fc.Func, l.call.Args[m.query:], l.call.Ellipsis.IsValid(), conds.IsNullableType)
	if !ok || g[0].Kind != summary.ArgConcat && g[0].Kind != summary.ArgParam {
		return nil
	}
	return &summary.Params{By: substituteName, Dialect: sources.PackageDialect(fc.r.pass), Groups: []summary.Group{{Args: g}}}
}

// SubstituteName tells the summaries which Params raw SQL reads.
func (r *Recognizer) SubstituteName() string { return substituteName }

// Substitute reads a query the caller's arguments complete, and adds
// what they tell of the values bound to the helper's equalities: a
// constant, or a value that may be NULL.
func (r *Recognizer) Substitute(fn *flow.Func, st *site.Site, p *summary.Params, groups [][]ast.Expr, _ types.Type) {
	lc := conds.Conds{Table: st.Table, Terms: st.Lookup.Terms, Predicates: st.Lookup.Predicates}
	for i, g := range groups {
		switch {
		case g == nil:
		case p.Groups[i].Args[0].Kind == summary.ArgMap:
			valueTerms(fn, &lc, g[0])
		case !p.Groups[i].Read:
			r.substituteQuery(fn, st, p, g)
			return
		default:
			// A query the helper's own caller completed: its values may be
			// this call's constants.
			scratch := site.Site{Table: st.Table}
			r.substituteQuery(fn, &scratch, p, g)
			if !scratch.Why.Unknown() && schema.TableKey(scratch.Table) == schema.TableKey(st.Table) {
				for _, t := range scratch.Lookup.Terms {
					lc.Add(t)
				}
			}
		}
	}
	st.Lookup = lc.Lookup()
}

// valueTerms adds the terms of a map from column to bound value.
func valueTerms(fn *flow.Func, lc *conds.Conds, e ast.Expr) {
	lit, ok := e.(*ast.CompositeLit)
	if !ok {
		return
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		tv := fn.Info.Types[kv.Key]
		if tv.Value == nil || tv.Value.Kind() != constant.String {
			continue
		}
		t := schema.Term{Column: constant.StringVal(tv.Value)}
		conds.DescribeValue(fn.Info, &t, kv.Value)
		lc.Add(t)
	}
}

// substituteQuery reads a query the caller's arguments complete: g is
// the query and its bound values.
func (r *Recognizer) substituteQuery(fn *flow.Func, st *site.Site, p *summary.Params, g []ast.Expr) {
	tv := fn.Info.Types[g[0]]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		st.Why.Set("the query is not a constant string")
		return
	}
	l := &sqlCall{text: constant.StringVal(tv.Value), args: g[1:]}
	l.q = sqlscan.ParseQuery(l.text, p.Dialect)
	switch {
	case l.q.Kind != sqlscan.SelectQuery:
		st.Why.Set("the query is not a SELECT")
		return
	case l.q.Count || l.q.Exists:
		// The helper's results were read as a row's: a count's are not.
		st.Why.Set("the query is a count")
		return
	}
	st.Table = l.q.Table
	(&fnCtx{Func: fn, r: r}).readLookup(st, l)
}

// InsertTable: raw SQL names its tables; no model gives one.
func (r *Recognizer) InsertTable(types.Type) string { return "" }

// Nullable tells whether a bound value of type t can be NULL.
func (r *Recognizer) Nullable(t types.Type) bool { return conds.IsNullableType(t) }
