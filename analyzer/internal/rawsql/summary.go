package rawsql

import (
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
		if l.m.role == sqlExec || !l.known() || l.q.Kind != sqlscan.SelectQuery || l.q.Table == "" {
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
