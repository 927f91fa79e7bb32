package ent

import (
	"go/ast"
	"go/constant"
	"go/types"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/conds"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
	"github.com/getorcreatelint/getorcreatelint/schema"
)

// entPredicate adds what one predicate passed to Where pins down: the
// predicates of the generated entity package (user.Email(v),
// user.EmailEQ(v), user.And(...), user.NicknameIsNil(), an edge
// predicate whose foreign key is in the entity's table), resolved through
// their generated source; and predicate.User(sql.FieldEQ(col, v)) written
// out. Anything else (Or, Not, In, EqualFold, custom predicates) is a
// conjunct that pins nothing, listed as unsupported.
func (fc *fnCtx) entPredicate(lc *conds.Conds, e *entEntity, pred ast.Expr, depth int) {
	info := fc.Info
	pred = ast.Unparen(pred)
	if depth > 20 {
		lc.Unsupported = append(lc.Unsupported, "deeply nested predicates")
		return
	}
	switch x := pred.(type) {
	case *ast.Ident:
		if v, ok := info.ObjectOf(x).(*types.Var); ok && !v.IsField() && v.Parent() != v.Pkg().Scope() {
			if store, status := fc.Assigns().LastStore(v, x.Pos()); status == flow.StoreFound {
				fc.entPredicate(lc, e, store.RHS, depth+1)
				return
			}
		}
		lc.Unsupported = append(lc.Unsupported, "a predicate built elsewhere")
		return
	case *ast.CallExpr:
		if tv, ok := info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			fc.entConvertedPredicate(lc, x.Args[0])
			return
		}
		fn := flow.Callee(info, x)
		if fn == nil || fn.Pkg() == nil || fn.Signature().Recv() != nil {
			break
		}
		if fn.Pkg() != e.pkg {
			lc.Unsupported = append(lc.Unsupported, "a predicate from "+fn.Name())
			return
		}
		fc.entGeneratedPredicate(lc, e, fn, x, depth)
		return
	case *ast.FuncLit:
		lc.Unsupported = append(lc.Unsupported, "a custom predicate")
		return
	}
	lc.Unsupported = append(lc.Unsupported, "a predicate built elsewhere")
}

// entGeneratedPredicate applies a call of a predicate function of the
// entity package, as its generated body describes it.
func (fc *fnCtx) entGeneratedPredicate(lc *conds.Conds, e *entEntity, fn *types.Func, call *ast.CallExpr, depth int) {
	d := entPredicateOf(fc.r.pass.Fset, fn)
	qualified := fn.Pkg().Name() + "." + fn.Name()
	switch d.kind {
	case entPredEq:
		if d.param >= len(call.Args) || call.Ellipsis.IsValid() {
			break
		}
		t := schema.Term{Column: d.column}
		conds.DescribeValue(fc.Info, &t, call.Args[d.param])
		lc.Add(t)
		return
	case entPredIsNull:
		lc.Add(schema.Term{Column: d.column, IsNull: true})
		return
	case entPredAnd:
		if call.Ellipsis.IsValid() {
			break
		}
		for _, arg := range call.Args {
			fc.entPredicate(lc, e, arg, depth+1)
		}
		return
	case entPredEdge:
		if t, ok := fc.entEdgeTerm(d, call); ok {
			lc.Add(t)
			return
		}
		lc.Unsupported = append(lc.Unsupported, qualified+" (an edge predicate)")
		return
	}
	lc.Unsupported = append(lc.Unsupported, qualified+entOpNote(d.op))
}

// entEdgeTerm reads HasXWith(x.ID(v)) along an edge whose foreign key is
// in the entity's own table: the lookup then pins that column to v.
func (fc *fnCtx) entEdgeTerm(d entPredicateDesc, call *ast.CallExpr) (schema.Term, bool) {
	if len(call.Args) != 1 || call.Ellipsis.IsValid() {
		return schema.Term{}, false
	}
	inner, ok := ast.Unparen(call.Args[0]).(*ast.CallExpr)
	if !ok {
		return schema.Term{}, false
	}
	fn := flow.Callee(fc.Info, inner)
	if fn == nil || fn.Pkg() == nil || fn.Signature().Recv() != nil {
		return schema.Term{}, false
	}
	target := entPredicateOf(fc.r.pass.Fset, fn)
	if target.kind != entPredEq || target.column != d.toColumn || target.param >= len(inner.Args) || inner.Ellipsis.IsValid() {
		return schema.Term{}, false
	}
	t := schema.Term{Column: d.column}
	conds.DescribeValue(fc.Info, &t, inner.Args[target.param])
	return t, true
}

// entConvertedPredicate reads predicate.T(sql.FieldEQ(col, v)) and
// predicate.T(sql.FieldIsNull(col)) with a constant column.
func (fc *fnCtx) entConvertedPredicate(lc *conds.Conds, arg ast.Expr) {
	info := fc.Info
	call, ok := ast.Unparen(arg).(*ast.CallExpr)
	if !ok {
		lc.Unsupported = append(lc.Unsupported, "a custom predicate")
		return
	}
	fn := flow.Callee(info, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != entSQLPath || len(call.Args) == 0 {
		lc.Unsupported = append(lc.Unsupported, "a custom predicate")
		return
	}
	col := info.Types[call.Args[0]].Value
	switch {
	case col == nil || col.Kind() != constant.String:
	case fn.Name() == "FieldEQ" && len(call.Args) == 2:
		t := schema.Term{Column: constant.StringVal(col)}
		conds.DescribeValue(fc.Info, &t, call.Args[1])
		lc.Add(t)
		return
	case fn.Name() == "FieldIsNull" && len(call.Args) == 1:
		lc.Add(schema.Term{Column: constant.StringVal(col), IsNull: true})
		return
	}
	lc.Unsupported = append(lc.Unsupported, "sql."+fn.Name()+entOpNote(fn.Name()))
}

// entOpNote explains an operator that pins no column.
func entOpNote(op string) string {
	switch op {
	case "FieldEqualFold":
		return " (case-insensitive: a unique index on the column allows case variants)"
	case "OrPredicates":
		return " (a disjunction)"
	case "NotPredicates":
		return " (a negation)"
	}
	return ""
}
