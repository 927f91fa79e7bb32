package rawsql

import (
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/site"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// upserts lists the function's INSERT statements that resolve conflicts
// with a unique key.
func (fc *fnCtx) upserts(calls []*sqlCall) []*site.Upsert {
	var out []*site.Upsert
	for _, s := range calls {
		if !s.isInsert() || s.q.Upsert == sqlscan.NoUpsert || s.q.Unknown != "" || s.q.Table == "" {
			continue
		}
		out = append(out, fc.sqlUpsertSite(s))
	}
	return out
}

func (fc *fnCtx) sqlUpsertSite(s *sqlCall) *site.Upsert {
	q := s.q
	u := &site.Upsert{
		Node:      site.ReportNode(s.call),
		Stmt:      fc.EnclosingStmt(s.call),
		Call:      s.name,
		What:      q.UpsertText(),
		Table:     q.Table,
		Kind:      q.Upsert,
		Conflicts: q.Conflicts,
		Inserted:  q.Columns,
		Dialect:   fc.r.dialect(),
		Fix:       sqlFixer{},
	}
	// An INSERT without a column list sets every column.
	u.SetsPK = func(pk []string) (bool, bool) {
		if q.Columns == nil {
			return true, true
		}
		set := map[string]bool{}
		for _, c := range q.Columns {
			set[c] = true
		}
		for _, c := range pk {
			if !set[c] {
				return false, true
			}
		}
		return true, true
	}
	return u
}
