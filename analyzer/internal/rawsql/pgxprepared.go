package rawsql

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/sources"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// isPgx reports whether fn is a method of pgx or pgxpool.
func isPgx(fn *types.Func) bool {
	recv := fn.Origin().Signature().Recv()
	if recv == nil {
		return false
	}
	k := typeKey(recv.Type())
	return strings.HasPrefix(k, pgxPath+".") || strings.HasPrefix(k, pgxpoolPath+".")
}

// resolvePrepared reads a pgx call that runs a statement the function
// prepared: its sql is the statement's name, Prepare(ctx, "get_user",
// sql), or the Name or SQL of the description Prepare returned. pgx runs
// that statement, so its query is the prepared sql. A name prepared with
// two different queries is left unread.
func (fc *fnCtx) resolvePrepared(s *sqlCall) {
	text, ok := "", false
	if s.known() {
		text, ok = fc.pgxPrepared()[s.text]
	} else if s.m.query >= 0 && s.m.query < len(s.call.Args) {
		text, ok = fc.describedQuery(s.call.Args[s.m.query])
	}
	if !ok {
		return
	}
	if text == "" {
		s.text, s.unknown = "", "the prepared statement's query is unknown"
		return
	}
	s.text, s.unknown = text, ""
	s.q = sqlscan.ParseQuery(text, sources.PackageDialect(fc.r.pass))
}

// describedQuery reads sd.Name or sd.SQL, where sd is the statement
// description of sd, err := conn.Prepare(ctx, name, sql), assigned once.
func (fc *fnCtx) describedQuery(e ast.Expr) (string, bool) {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok || (sel.Sel.Name != "Name" && sel.Sel.Name != "SQL") {
		return "", false
	}
	v, ok := flow.ObjectOf(fc.Info, sel.X).(*types.Var)
	if !ok {
		return "", false
	}
	stores := fc.Assigns()[v]
	if len(stores) != 1 || stores[0].Addr || stores[0].InLit || stores[0].Pos > e.Pos() {
		return "", false
	}
	as, ok := fc.Parent(stores[0].LHS).(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || as.Lhs[0] != stores[0].LHS {
		return "", false
	}
	call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
	if !ok || !isPgxPrepare(flow.Callee(fc.Info, call)) || len(call.Args) != 3 {
		return "", false
	}
	text, unknown := fc.constantQuery(call.Args[2])
	if unknown != "" {
		return "", true
	}
	return text, true
}

// pgxPrepared maps the names of the statements the function prepares with
// pgx to their query; "" when a name is prepared with an unknown query or
// with several.
func (fc *fnCtx) pgxPrepared() map[string]string {
	if fc.prepared != nil {
		return fc.prepared
	}
	fc.prepared = map[string]string{}
	for _, c := range fc.calls {
		if !isPgxPrepare(c.Fn) || len(c.Expr.Args) != 3 {
			continue
		}
		name := fc.Info.Types[c.Expr.Args[1]].Value
		if name == nil || name.Kind() != constant.String {
			continue
		}
		text, unknown := fc.constantQuery(c.Expr.Args[2])
		n := constant.StringVal(name)
		if old, seen := fc.prepared[n]; unknown != "" || (seen && old != text) {
			text = ""
		}
		fc.prepared[n] = text
	}
	return fc.prepared
}
