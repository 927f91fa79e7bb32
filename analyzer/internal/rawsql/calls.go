package rawsql

import (
	"go/ast"
	"go/constant"
	"go/types"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/sources"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// sqlCall is a call of a known SQL API with its query read.
type sqlCall struct {
	call *ast.CallExpr
	name string // the method or function name, for messages
	m    sqlMethod
	// text is the query when it is a constant; unknown says why it is not.
	text    string
	unknown string
	q       sqlscan.Query
	args    []ast.Expr // the bound arguments; nil when spread from a slice
}

// known reports whether the query text is a constant.
func (s *sqlCall) known() bool { return s.unknown == "" }

// isInsert reports whether the call runs an INSERT (or REPLACE).
func (s *sqlCall) isInsert() bool { return s.known() && s.q.Kind == sqlscan.InsertQuery }

// sqlCalls reads the function's calls of known SQL APIs, in source order.
func (fc *fnCtx) sqlCalls() []*sqlCall {
	var out []*sqlCall
	for _, c := range fc.calls {
		m, ok := sqlMethodOf(c.Fn)
		if !ok || m.role == sqlPrepare {
			continue
		}
		s := fc.newSQLCall(c.Expr, c.Fn.Name(), m)
		if isPgx(c.Fn) {
			fc.resolvePrepared(s)
		}
		out = append(out, s)
	}
	return out
}

func (fc *fnCtx) newSQLCall(call *ast.CallExpr, name string, m sqlMethod) *sqlCall {
	s := &sqlCall{call: call, name: name, m: m}
	if m.query >= 0 {
		if m.query < len(call.Args) {
			s.text, s.unknown = fc.constantQuery(call.Args[m.query])
		} else {
			s.unknown = "the query argument is missing"
		}
	} else if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		s.text, s.unknown = fc.preparedQuery(sel.X, 0)
	} else {
		s.unknown = "the prepared statement is unknown"
	}
	if s.known() {
		s.q = sqlscan.ParseQuery(s.text, sources.PackageDialect(fc.r.pass))
	}
	if !call.Ellipsis.IsValid() && m.args <= len(call.Args) {
		s.args = call.Args[m.args:]
	}
	return s
}

// constantQuery returns the value of a constant string expression: a
// literal, a named constant (of this or another package) or a constant
// expression of them, as the type checker folded it; also through sqlx's
// Rebind, which only rewrites placeholders, and through a local variable
// stored once, before the use, from such an expression
// (q := db.Rebind("..."); db.Get(&u, q, ...)).
func (fc *fnCtx) constantQuery(e ast.Expr) (text, unknown string) {
	return fc.constantQueryAt(e, 0)
}

func (fc *fnCtx) constantQueryAt(e ast.Expr, depth int) (text, unknown string) {
	const why = "the query is not a constant string"
	info := fc.Info
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		if i, ok := rebindArg(flow.Callee(info, call)); ok && i < len(call.Args) {
			e = call.Args[i]
		}
	}
	tv := info.Types[e]
	if tv.Value != nil && tv.Value.Kind() == constant.String {
		return constant.StringVal(tv.Value), ""
	}
	if rhs := fc.storedOnce(e); rhs != nil && depth < 4 {
		if text, unknown := fc.constantQueryAt(rhs, depth+1); unknown == "" {
			return text, ""
		}
	}
	return "", why
}

// storedOnce returns the value of a local variable that is stored exactly
// once, before use, with no pointer taken: q := expr or var q = expr.
func (fc *fnCtx) storedOnce(use ast.Expr) ast.Expr {
	v, ok := flow.ObjectOf(fc.Info, use).(*types.Var)
	if !ok || v.IsField() || v.Parent() == v.Pkg().Scope() {
		return nil
	}
	stores := fc.Assigns()[v]
	if len(stores) != 1 || stores[0].Addr || stores[0].InLit || stores[0].Pos > use.Pos() {
		return nil
	}
	return stores[0].RHS
}

// preparedQuery finds the query of a prepared statement held in a local
// variable assigned once, from Prepare(ctx, query) or from a transaction's
// Stmt(stmt) of another such statement.
func (fc *fnCtx) preparedQuery(recv ast.Expr, depth int) (text, unknown string) {
	const why = "the prepared statement's query is unknown"
	if depth > 4 {
		return "", why
	}
	// tx.Stmt(stmt).QueryRow(...): the transaction's copy of stmt.
	if call, ok := ast.Unparen(recv).(*ast.CallExpr); ok {
		if isStmtForwarder(flow.Callee(fc.Info, call)) && len(call.Args) > 0 {
			return fc.preparedQuery(call.Args[len(call.Args)-1], depth+1)
		}
		return "", why
	}
	v, ok := flow.ObjectOf(fc.Info, recv).(*types.Var)
	if !ok {
		return "", why
	}
	stores := fc.Assigns()[v]
	if len(stores) != 1 || stores[0].Addr || stores[0].InLit || stores[0].Pos > recv.Pos() {
		return "", why
	}
	var rhs ast.Expr
	switch p := fc.Parent(stores[0].LHS).(type) {
	case *ast.AssignStmt:
		if len(p.Rhs) == 1 && len(p.Lhs) <= 2 && p.Lhs[0] == stores[0].LHS {
			rhs = p.Rhs[0]
		}
	case *ast.ValueSpec:
		if len(p.Values) == 1 && p.Names[0] == stores[0].LHS {
			rhs = p.Values[0]
		}
	}
	call, ok := ast.Unparen(rhs).(*ast.CallExpr)
	if !ok {
		return "", why
	}
	fn := flow.Callee(fc.Info, call)
	if m, ok := sqlMethodOf(fn); ok && m.role == sqlPrepare && m.query < len(call.Args) {
		return fc.constantQuery(call.Args[m.query])
	}
	if isStmtForwarder(fn) && len(call.Args) > 0 {
		return fc.preparedQuery(call.Args[len(call.Args)-1], depth+1)
	}
	return "", why
}
