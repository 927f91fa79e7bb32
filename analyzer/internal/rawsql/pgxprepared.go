package rawsql

import (
	"go/constant"
	"go/types"
	"strings"

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

// resolvePreparedName reads a pgx call whose sql is the name of a
// statement the function prepared, Prepare(ctx, "get_user", sql): pgx runs
// that statement, so its query is the prepared sql. A name prepared with
// two different queries is left unread.
func (fc *fnCtx) resolvePreparedName(s *sqlCall) {
	text, ok := fc.pgxPrepared()[s.text]
	if !ok {
		return
	}
	if text == "" {
		s.text, s.unknown = "", "the prepared statement's query is unknown"
		return
	}
	s.text = text
	s.q = sqlscan.ParseQuery(text, sources.PackageDialect(fc.Pkg))
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
