package rawsql

import (
	"strings"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/summary"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// Lookups lists the function's SELECTs one by one with their sites, for
// helper summaries (sqlc's generated queries among them).
func (r *Recognizer) Lookups(fn *flow.Func, calls []flow.Call) []summary.LookupCall {
	fc, sqlCalls := r.read(fn, calls)
	var out []summary.LookupCall
	for _, l := range sqlCalls {
		if l.m.role == sqlExec {
			continue
		}
		if !l.known() {
			if lc, ok := fc.parametricLookup(l); ok {
				out = append(out, lc)
			}
			continue
		}
		if l.q.Kind != sqlscan.SelectQuery || l.q.Table == "" {
			continue
		}
		h := fc.sqlHandle(l)
		if h == nil {
			continue
		}
		st := fc.sqlSite(l, &sqlCall{})
		st.Insert = nil
		lc := summary.LookupCall{Call: h.Call, Handle: h, Site: st}
		if p := fc.params(l); p != nil {
			lc.Params, lc.Base = p, st
		}
		out = append(out, lc)
	}
	return out
}

// Inserts lists the function's plain INSERTs (upserts are atomic).
func (r *Recognizer) Inserts(fn *flow.Func, calls []flow.Call) []summary.InsertCall {
	_, sqlCalls := r.read(fn, calls)
	var out []summary.InsertCall
	for _, s := range sqlCalls {
		if s.isInsert() && s.q.Upsert == sqlscan.NoUpsert && s.q.Table != "" {
			out = append(out, summary.InsertCall{Call: s.call, Table: s.q.Table, What: "INSERT"})
		}
	}
	return out
}

// parametricLookup is a lookup whose query the function's callers
// complete: unknown to the function itself, its summary leaves the query
// to them.
func (fc *fnCtx) parametricLookup(l *sqlCall) (summary.LookupCall, bool) {
	p := fc.queryParams(l)
	if p == nil {
		return summary.LookupCall{}, false
	}
	h := fc.sqlHandle(l)
	if h == nil {
		return summary.LookupCall{}, false
	}
	st := fc.sqlSite(l, &sqlCall{})
	st.Insert = nil
	base := *st
	base.Why = ""
	base.Table = templateTable(p.Groups[0].Args[0], p.Dialect)
	return summary.LookupCall{Call: h.Call, Handle: h, Site: st, Params: p, Base: &base}, true
}

// templateTable returns the table a query built from parameters reads
// whatever they are: the query is parsed with two different names in
// their places, and must read one table both times.
func templateTable(q summary.Arg, d sqlscan.Dialect) string {
	if q.Kind != summary.ArgConcat {
		return ""
	}
	var tables [2]string
	for i, dummy := range []string{"getorcreatelint_a", "getorcreatelint_b"} {
		var b strings.Builder
		for _, part := range q.Parts {
			if part.Kind == summary.ArgConst {
				b.WriteString(part.Text)
			} else {
				b.WriteString(dummy)
			}
		}
		parsed := sqlscan.ParseQuery(b.String(), d)
		if parsed.Kind != sqlscan.SelectQuery {
			return ""
		}
		tables[i] = parsed.Table
	}
	if tables[0] != tables[1] {
		return ""
	}
	return tables[0]
}
