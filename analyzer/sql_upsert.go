package analyzer

import (
	"strings"

	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// checkSQLUpserts checks the conflict handling of the function's INSERT
// statements (see checker.checkUpsert).
func (fc *funcCtx) checkSQLUpserts(calls []*sqlCall) {
	for _, s := range calls {
		if !s.isInsert() || s.q.Upsert == sqlscan.NoUpsert || s.q.Unknown != "" || s.q.Table == "" {
			continue
		}
		fc.c.checkUpsert(fc.sqlUpsertSite(s))
	}
}

func (fc *funcCtx) sqlUpsertSite(s *sqlCall) upsertSite {
	q := s.q
	u := upsertSite{
		node:      reportNode(s.call),
		stmt:      fc.enclosingStmt(s.call),
		call:      s.name,
		what:      upsertText(q),
		table:     q.Table,
		upsert:    q.Upsert,
		conflicts: q.Conflicts,
		inserted:  q.Columns,
		dialect:   fc.c.dialect(),
		orm:       ormSQL,
	}
	// An INSERT without a column list sets every column.
	u.setsPK = func(pk []string) (bool, bool) {
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

// upsertText names the conflict handling of an INSERT for messages.
func upsertText(q sqlscan.Query) string {
	if q.Upsert != sqlscan.OnConflict {
		return q.Upsert.String()
	}
	var parts []string
	for _, c := range q.Conflicts {
		s := "ON CONFLICT"
		switch {
		case c.Constraint != "":
			s += " ON CONSTRAINT " + c.Constraint
		case len(c.Target) > 0:
			s += " (" + strings.Join(c.Target, ", ") + ")"
		}
		if c.DoNothing {
			s += " DO NOTHING"
		} else {
			s += " DO UPDATE"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}
