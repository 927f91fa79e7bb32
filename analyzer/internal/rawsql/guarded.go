package rawsql

import (
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/conds"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/site"
	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// guardedInserts finds the check-then-insert written as one statement,
// INSERT INTO t ... SELECT ... WHERE NOT EXISTS (SELECT 1 FROM t WHERE
// a = $1). Under READ COMMITTED each concurrent statement's subquery sees
// only rows committed before it started, so two of them both find nothing
// and both insert: the same race as a SELECT then an INSERT, which only a
// unique key on (a) closes. A guard on another table is not a lookup of
// the inserted rows; an upsert is checked for its conflict target instead.
func (fc *fnCtx) guardedInserts(calls []*sqlCall) []*site.Site {
	var out []*site.Site
	for _, s := range calls {
		g := s.q.Guard
		if !s.isInsert() || s.q.Upsert != sqlscan.NoUpsert || s.q.Table == "" || !isSelfGuarded(s.q) {
			continue
		}
		f := &site.Site{
			Node:  site.ReportNode(s.call),
			Stmt:  fc.EnclosingStmt(s.call),
			What:  "INSERT ... WHERE NOT EXISTS",
			Table: s.q.Table,
			Fix:   sqlFixer{guarded: true},
		}
		switch {
		case g.Unknown != "":
			f.Why.Set("the NOT EXISTS subquery has " + g.Unknown)
		case !g.HasWhere:
			f.Why.Set("the NOT EXISTS subquery has no WHERE clause")
		}
		if !f.Why.Unknown() {
			lc := conds.Conds{Table: f.Table}
			lc.AddWhere(fc.Info, g.Where, s.args, false)
			f.Lookup = schema.Lookup{Terms: lc.Terms, Predicates: lc.Predicates}
			f.Unsupported = lc.Unsupported
		}
		out = append(out, f)
	}
	return out
}

// isSelfGuarded reports whether an INSERT's NOT EXISTS guard looks up the
// table it inserts into.
func isSelfGuarded(q sqlscan.Query) bool {
	return q.Guard != nil && q.Guard.Table != "" && schema.TableKey(q.Guard.Table) == schema.TableKey(q.Table)
}
