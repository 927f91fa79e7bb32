package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/site"
	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// checkSQL reports the function's hand-written SQL (database/sql, sqlx,
// pgx): get-then-insert sites whose lookup no unique key backs, and
// upserts whose conflict handling no unique key supports. GORM's
// clause.OnConflict upserts are checked here too: they are the same SQL.
func (fc *funcCtx) checkSQL() {
	calls := fc.sqlCalls()
	fc.checkSQLGetOrCreate(calls)
	fc.checkSQLUpserts(calls)
	fc.checkGormUpserts()
}

// checkSQLGetOrCreate finds lookups followed, where they found nothing,
// by a plain INSERT into the same table. Upserts (ON CONFLICT, INSERT
// IGNORE, ...) are atomic and do not complete a get-or-create.
func (fc *funcCtx) checkSQLGetOrCreate(calls []*sqlCall) {
	var inserts []*sqlCall
	for _, s := range calls {
		if s.isInsert() && s.q.Upsert == sqlscan.NoUpsert && s.q.Table != "" {
			inserts = append(inserts, s)
		}
	}
	if len(inserts) == 0 {
		return
	}
	for _, l := range calls {
		if l.m.role == sqlExec || (l.known() && l.q.Kind != sqlscan.SelectQuery) {
			continue
		}
		byCall := map[*ast.CallExpr]*sqlCall{}
		for _, ins := range inserts {
			if !l.known() || l.q.Table == "" || schema.TableKey(ins.q.Table) == schema.TableKey(l.q.Table) {
				byCall[ins.call] = ins
			}
		}
		if len(byCall) == 0 {
			continue
		}
		h := fc.sqlHandle(l)
		if h == nil {
			continue
		}
		hit := fc.firstCreateAfter(h, onNotFound, func(c *ast.CallExpr) bool { return byCall[c] != nil })
		if hit == nil {
			continue
		}
		fc.c.check(fc.sqlSite(l, byCall[hit]))
	}
}

// sqlSite describes a get-then-insert in framework-neutral terms.
func (fc *funcCtx) sqlSite(l, ins *sqlCall) *site.Site {
	f := &site.Site{
		Node:   site.ReportNode(l.call),
		Stmt:   fc.enclosingStmt(l.call),
		What:   "SELECT then INSERT", // the method names (QueryRow, Exec) say less than the SQL
		Insert: ins.call,
		Table:  l.q.Table,
		Fix:    sqlFixer{},
	}
	switch {
	case !l.known():
		f.Why.Set(l.unknown)
	case l.q.Unknown != "":
		f.Why.Set("the query has " + l.q.Unknown)
	case !l.q.HasWhere:
		f.Why.Set("the query has no WHERE clause")
	}
	if f.Why.Unknown() {
		return f
	}
	lc := lookupConds{table: f.Table}
	fc.addWhere(&lc, l.q.Where, l.args, false)
	f.Lookup = schema.Lookup{Terms: lc.terms, Predicates: lc.predicates}
	f.Unsupported = lc.unsupported
	return f
}

// sqlHandle records how the code refers to a lookup's result: the error of
// the row's Scan (or of sqlx Get), the rows of Query, and the variable a
// COUNT or EXISTS is scanned into. It returns nil when the result is not
// used in a way the flow analysis can follow.
func (fc *funcCtx) sqlHandle(l *sqlCall) *lookupHandle {
	count, exists := l.known() && l.q.Count, l.known() && l.q.Exists
	var h *lookupHandle
	var dests []ast.Expr
	switch l.m.role {
	case sqlRow:
		scan := fc.rowScan(l.call)
		if scan == nil {
			return nil
		}
		h = newHandle(scan)
		dests = scan.Args
	case sqlGet:
		h = newHandle(l.call)
		if l.m.dest < len(l.call.Args) {
			dests = l.call.Args[l.m.dest : l.m.dest+1]
		}
	case sqlRows:
		h = newHandle(l.call)
		fc.bindRows(h, l.call)
		return h
	default:
		return nil
	}
	// Scan and Get return the error themselves, ErrNoRows when no row
	// matched; COUNT and EXISTS always return a row.
	h.errOnMiss = !count && !exists
	h.callMiss = missErr
	fc.bindResult(h, fc.outermostParen(h.call), h.errs)
	if (count || exists) && len(dests) == 1 {
		if obj := objectOf(fc.c.pass.TypesInfo, stripAddr(dests[0])); obj != nil {
			if count {
				h.counts[obj] = true
			} else {
				h.exists[obj] = true
			}
		}
	}
	return h
}

// outermostParen returns e with the parentheses around it.
func (fc *funcCtx) outermostParen(e ast.Expr) ast.Expr {
	for {
		p, ok := fc.parent(e).(*ast.ParenExpr)
		if !ok {
			return e
		}
		e = p
	}
}

// rowScan finds the Scan that reads a QueryRow's row: chained,
// db.QueryRow(...).Scan(&id), or on the variable the row is stored in.
func (fc *funcCtx) rowScan(call *ast.CallExpr) *ast.CallExpr {
	info := fc.c.pass.TypesInfo
	e := fc.outermostParen(call)
	if sel, ok := fc.parent(e).(*ast.SelectorExpr); ok && sel.X == e {
		if c, ok := fc.parent(sel).(*ast.CallExpr); ok && c.Fun == sel && isRowScan(calleeFunc(info, c)) {
			return c
		}
		return nil
	}
	row := map[types.Object]bool{}
	fc.bindResult(&lookupHandle{}, e, row)
	if len(row) == 0 {
		return nil
	}
	var scan *ast.CallExpr
	ast.Inspect(fc.root, func(n ast.Node) bool {
		c, ok := n.(*ast.CallExpr)
		if !ok || c.Pos() < call.End() || (scan != nil && c.Pos() > scan.Pos()) {
			return true
		}
		if sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr); ok && row[objectOf(info, sel.X)] && isRowScan(calleeFunc(info, c)) {
			scan = c
		}
		return true
	})
	return scan
}

// bindRows records the rows and error variables of rows, err := Query(...).
func (fc *funcCtx) bindRows(h *lookupHandle, call *ast.CallExpr) {
	info := fc.c.pass.TypesInfo
	as, ok := fc.parent(fc.outermostParen(call)).(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || len(as.Lhs) != 2 {
		return
	}
	if obj := objectOf(info, as.Lhs[0]); obj != nil {
		h.result[obj] = true
	}
	if obj := objectOf(info, as.Lhs[1]); obj != nil {
		h.errs[obj] = true
	}
}

// rowsNext classifies rows.Next() on the rows of a Query lookup: false
// means no row (or an error). Only an if statement's test counts: after a
// loop over the rows, Next is false whether or not rows were found.
func (fc *funcCtx) rowsNext(h *lookupHandle, call *ast.CallExpr) (onTrue, onFalse outcome, ok bool) {
	sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !isSel || len(h.result) == 0 || !isRowsNext(calleeFunc(fc.c.pass.TypesInfo, call)) {
		return anyOutcome, anyOutcome, false
	}
	if obj := objectOf(fc.c.pass.TypesInfo, sel.X); obj == nil || !h.result[obj] {
		return anyOutcome, anyOutcome, false
	}
	var n ast.Node = call
	for {
		p := fc.parent(n)
		switch x := p.(type) {
		case *ast.ParenExpr:
		case *ast.UnaryExpr:
			if x.Op != token.NOT {
				return anyOutcome, anyOutcome, false
			}
		case *ast.BinaryExpr:
			if x.Op != token.LAND && x.Op != token.LOR {
				return anyOutcome, anyOutcome, false
			}
		case *ast.IfStmt:
			if x.Cond != n {
				return anyOutcome, anyOutcome, false
			}
			return found, notFound | failed, true
		default:
			return anyOutcome, anyOutcome, false
		}
		n = p
	}
}
