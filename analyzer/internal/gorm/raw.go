package gorm

import (
	"go/ast"
	"go/constant"
	"go/types"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/conds"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// rawLookup is the SQL of db.Raw(sql, args...) ending in a lookup (Scan,
// Find, Row): GORM runs the text as written, so the table and the WHERE
// clause come from it, read as database/sql queries are.
type rawLookup struct {
	q    sqlscan.Query
	args []ast.Expr
	why  string // why the SQL cannot be read; "" when it can
}

// readRaw reads the SQL of a Raw call.
func (fc *fnCtx) readRaw(call *ast.CallExpr) *rawLookup {
	r := &rawLookup{}
	if len(call.Args) == 0 {
		r.why = "Raw has no SQL"
		return r
	}
	tv := fc.Info.Types[call.Args[0]]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		r.why = "the raw SQL is not a constant"
		return r
	}
	r.q = sqlscan.ParseQuery(constant.StringVal(tv.Value), sqlscan.Generic)
	r.args = call.Args[1:]
	switch {
	case r.q.Unknown != "":
		r.why = "the raw SQL has " + r.q.Unknown
	case r.q.Kind != sqlscan.SelectQuery:
		r.why = "the raw SQL is not a SELECT"
	case r.q.Exists:
		r.why = "the raw SQL is an EXISTS"
	case !r.q.HasWhere:
		r.why = "the raw SQL has no WHERE clause"
	}
	return r
}

// rawEntity is the table the SQL reads; the destination's model counts
// when it maps to that table (its tags then hold the table's keys).
func (fc *fnCtx) rawEntity(g *gormCall, named *types.Named) entity {
	e := entity{table: g.raw.q.Table}
	if named == nil {
		return e
	}
	m := fc.r.model(named)
	if m == nil || m.schema == nil || m.tableUnknown {
		return e
	}
	if e.table == "" || schema.TableKey(m.schema.Table.Name) == schema.TableKey(e.table) {
		e.named = named
	}
	return e
}

// rowHandle follows Row().Scan(...): the *sql.Row's Scan returns
// sql.ErrNoRows when nothing matched, or for a COUNT the scanned number
// is zero.
func (fc *fnCtx) rowHandle(l *gormCall) *flow.Handle {
	sel, ok := fc.Parent(fc.OutermostParen(l.call)).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Scan" {
		return nil
	}
	scan, ok := fc.Parent(fc.OutermostParen(sel)).(*ast.CallExpr)
	if !ok || !flow.IsMethod(flow.Callee(fc.Info, scan), "database/sql", "Row", "Scan") {
		return nil
	}
	h := flow.NewHandle(scan)
	h.CallMiss = flow.MissErr
	count := l.raw != nil && l.raw.q.Count
	h.ErrOnMiss = !count
	fc.BindResult(fc.OutermostParen(scan), h.Errs)
	if count && len(scan.Args) == 1 {
		if obj := flow.ObjectOf(fc.Info, conds.StripAddr(scan.Args[0])); obj != nil {
			h.Counts[obj] = true
		}
	}
	return h
}
