package rawsql

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/conds"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/site"
	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// getOrCreates finds lookups followed, where they found nothing,
// by a plain INSERT into the same table. Upserts (ON CONFLICT, INSERT
// IGNORE, ...) are atomic and do not complete a get-or-create.
func (fc *fnCtx) getOrCreates(calls []*sqlCall) []*site.Site {
	sites := fc.guardedInserts(calls)
	var inserts []*sqlCall
	for _, s := range calls {
		// An insert guarded by NOT EXISTS on its own table is reported by
		// itself: a lookup before it is the same race, told once.
		if s.isInsert() && s.q.Upsert == sqlscan.NoUpsert && s.q.Table != "" && !isSelfGuarded(s.q) {
			inserts = append(inserts, s)
		}
	}
	if len(inserts) == 0 {
		return sites
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
		hit := fc.FirstInsertAfter(h, flow.OnNotFound, func(c *ast.CallExpr) bool { return byCall[c] != nil })
		if hit == nil {
			continue
		}
		sites = append(sites, fc.sqlSite(l, byCall[hit]))
	}
	return sites
}

// sqlSite describes a get-then-insert in framework-neutral terms.
func (fc *fnCtx) sqlSite(l, ins *sqlCall) *site.Site {
	f := &site.Site{
		Node:   site.ReportNode(l.call),
		Stmt:   fc.EnclosingStmt(l.call),
		What:   "SELECT then INSERT", // the method names (QueryRow, Exec) say less than the SQL
		Insert: ins.call,
		Table:  l.q.Table,
		Fix:    sqlFixer{},
	}
	fc.readLookup(f, l)
	return f
}

// readLookup sets what the lookup's WHERE pins, or why it cannot be read.
func (fc *fnCtx) readLookup(f *site.Site, l *sqlCall) {
	switch {
	case !l.known():
		f.Why.Set(l.unknown)
	case l.q.Unknown != "":
		f.Why.Set("the query has " + l.q.Unknown)
	case !l.q.HasWhere:
		f.Why.Set("the query has no WHERE clause")
	}
	if f.Why.Unknown() {
		return
	}
	lc := conds.Conds{Table: f.Table}
	lc.AddWhere(fc.Info, l.q.Where, l.args, false)
	f.Lookup = schema.Lookup{Terms: lc.Terms, Predicates: lc.Predicates}
	f.Unsupported = lc.Unsupported
}

// sqlHandle records how the code refers to a lookup's result: the error of
// the row's Scan (or of sqlx Get), the rows of Query, and the variable a
// COUNT or EXISTS is scanned into. It returns nil when the result is not
// used in a way the flow analysis can follow.
func (fc *fnCtx) sqlHandle(l *sqlCall) *flow.Handle {
	count, exists := l.known() && l.q.Count, l.known() && l.q.Exists
	var h *flow.Handle
	var dests []ast.Expr
	switch l.m.role {
	case sqlRow:
		scan := fc.rowScan(l.call)
		if scan == nil {
			return nil
		}
		h = flow.NewHandle(scan)
		dests = scan.Args
	case sqlGet:
		h = flow.NewHandle(l.call)
		if l.m.dest < len(l.call.Args) {
			dests = l.call.Args[l.m.dest : l.m.dest+1]
		}
	case sqlSelect:
		h = flow.NewHandle(l.call)
		fc.BindResult(fc.OutermostParen(h.Call), h.Errs)
		if l.m.dest < len(l.call.Args) {
			fc.bindSliceDest(h, l.call.Args[l.m.dest])
		}
		return h
	case sqlRows:
		h = flow.NewHandle(l.call)
		fc.bindRows(h, l.call)
		if c := fc.rowsCollector(l.call, h); c != nil {
			return fc.collectHandle(c, count || exists)
		}
		return h
	default:
		return nil
	}
	// Scan and Get return the error themselves, ErrNoRows when no row
	// matched; COUNT and EXISTS always return a row.
	h.ErrOnMiss = !count && !exists
	h.CallMiss = flow.MissErr
	fc.BindResult(fc.OutermostParen(h.Call), h.Errs)
	if !count && !exists {
		fc.bindZeroDests(h, dests, l.known() && l.q.Constant && len(dests) == 1)
	}
	if (count || exists) && len(dests) == 1 {
		if obj := flow.ObjectOf(fc.Info, conds.StripAddr(dests[0])); obj != nil {
			if count {
				h.Counts[obj] = true
			} else {
				h.Exists[obj] = true
			}
		}
	}
	return h
}

// rowScan finds the Scan that reads a QueryRow's row: chained,
// db.QueryRow(...).Scan(&id), or on the variable the row is stored in.
func (fc *fnCtx) rowScan(call *ast.CallExpr) *ast.CallExpr {
	info := fc.Info
	e := fc.OutermostParen(call)
	if sel, ok := fc.Parent(e).(*ast.SelectorExpr); ok && sel.X == e {
		if c, ok := fc.Parent(sel).(*ast.CallExpr); ok && c.Fun == sel && isRowScan(flow.Callee(info, c)) {
			return c
		}
		return nil
	}
	row := map[types.Object]bool{}
	fc.BindResult(e, row)
	if len(row) == 0 {
		return nil
	}
	var scan *ast.CallExpr
	for cur := range fc.Root().Preorder((*ast.CallExpr)(nil)) {
		c := cur.Node().(*ast.CallExpr)
		if c.Pos() < call.End() || (scan != nil && c.Pos() > scan.Pos()) {
			continue
		}
		if sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr); ok && row[flow.ObjectOf(info, sel.X)] && isRowScan(flow.Callee(info, c)) {
			scan = c
		}
	}
	return scan
}

// bindRows records the rows and error variables of rows, err := Query(...).
func (fc *fnCtx) bindRows(h *flow.Handle, call *ast.CallExpr) {
	info := fc.Info
	as, ok := fc.Parent(fc.OutermostParen(call)).(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || len(as.Lhs) != 2 {
		return
	}
	if obj := flow.ObjectOf(info, as.Lhs[0]); obj != nil {
		h.Result[obj] = true
	}
	if obj := flow.ObjectOf(info, as.Lhs[1]); obj != nil {
		h.Errs[obj] = true
	}
}

// rowsNext classifies rows.Next() on the rows of a Query lookup: false
// means no row (or an error). Only an if statement's test counts: after a
// loop over the rows, Next is false whether or not rows were found.
func rowsNext(fn *flow.Func, h *flow.Handle, call *ast.CallExpr) (onTrue, onFalse flow.Outcome, ok bool) {
	sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !isSel || len(h.Result) == 0 || !isRowsNext(flow.Callee(fn.Info, call)) {
		return flow.AnyOutcome, flow.AnyOutcome, false
	}
	if obj := flow.ObjectOf(fn.Info, sel.X); obj == nil || !h.Result[obj] {
		return flow.AnyOutcome, flow.AnyOutcome, false
	}
	var n ast.Node = call
	for {
		p := fn.Parent(n)
		switch x := p.(type) {
		case *ast.ParenExpr:
		case *ast.UnaryExpr:
			if x.Op != token.NOT {
				return flow.AnyOutcome, flow.AnyOutcome, false
			}
		case *ast.BinaryExpr:
			if x.Op != token.LAND && x.Op != token.LOR {
				return flow.AnyOutcome, flow.AnyOutcome, false
			}
		case *ast.IfStmt:
			if x.Cond != n {
				return flow.AnyOutcome, flow.AnyOutcome, false
			}
			return flow.Found, flow.NotFound | flow.Failed, true
		default:
			return flow.AnyOutcome, flow.AnyOutcome, false
		}
		n = p
	}
}
