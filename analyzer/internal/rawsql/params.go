package rawsql

import (
	"go/ast"
	"go/constant"
	"go/types"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/conds"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/site"
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

// SubstituteName tells the summaries which Params raw SQL reads.
func (r *Recognizer) SubstituteName() string { return substituteName }

// Substitute adds what the caller's arguments tell of the values bound to
// the helper's equalities: a constant, or a value that may be NULL.
func (r *Recognizer) Substitute(fn *flow.Func, st *site.Site, _ *summary.Params, groups [][]ast.Expr, _ types.Type) {
	lc := conds.Conds{Table: st.Table, Terms: st.Lookup.Terms, Predicates: st.Lookup.Predicates}
	for _, g := range groups {
		for _, e := range g {
			lit, ok := e.(*ast.CompositeLit)
			if !ok {
				continue
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
	}
	st.Lookup = lc.Lookup()
}

// InsertTable: raw SQL names its tables; no model gives one.
func (r *Recognizer) InsertTable(types.Type) string { return "" }

// Nullable tells whether a bound value of type t can be NULL.
func (r *Recognizer) Nullable(t types.Type) bool { return conds.IsNullableType(t) }
