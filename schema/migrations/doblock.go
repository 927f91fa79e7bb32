package migrations

import (
	"fmt"

	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// doBlock handles a PostgreSQL DO block. Migrations use DO mostly as an
// idempotency guard ("add the constraint unless it exists", "drop it, and
// ignore the error"), so the DDL statements found at the top of the body's
// statements are applied, but every key of a table they touch, and every
// key they add, is marked Uncertain, and a warning says so. DDL built at
// run time (EXECUTE format(...)) cannot be seen and only warns.
func (r *Replayer) doBlock(st sqlscan.Statement, src string) {
	var body sqlscan.Token
	for _, t := range st.Toks {
		if t.Kind == sqlscan.DollarBody || t.Kind == sqlscan.String {
			body = t
			break
		}
	}
	if body.Text == "" {
		return
	}
	toks := sqlscan.Lex(dollarInner(body.Text), sqlscan.Postgres)
	toks = toks[:len(toks)-1]
	for i := range toks {
		toks[i].Line += body.Line - 1
	}
	w := mentionsKeys(toks)
	if w == "" {
		return
	}
	applied := 0
	r.doTouched = map[string]bool{}
	for _, seg := range sqlscan.SplitTopLevelPunct(toks, ";") {
		ddl := ddlStart(seg)
		if ddl == nil {
			continue
		}
		r.inDo = true
		r.statement(sqlscan.Statement{Toks: ddl, Line: ddl[0].Line}, src)
		r.inDo = false
		applied++
	}
	msg := fmt.Sprintf("DO block mentions %s: ", w)
	if applied > 0 {
		msg += fmt.Sprintf("%d DDL statement(s) in it applied as if they ran; keys of the tables they touch are marked uncertain", applied)
	} else {
		msg += "not analysed"
	}
	r.warn(st.Line, msg)
}

// ddlStart returns the tail of a plpgsql statement that starts with DDL the
// replay understands (after IF ... THEN, BEGIN, ELSE and the like), or nil.
func ddlStart(seg []sqlscan.Token) []sqlscan.Token {
	depth := 0
	for i, t := range seg {
		switch {
		case t.IsPunct("("):
			depth++
		case t.IsPunct(")"):
			depth--
		case depth != 0 || t.Kind != sqlscan.Ident || i+1 >= len(seg):
		case i > 0 && !seg[i-1].Is("then") && !seg[i-1].Is("begin") && !seg[i-1].Is("else") && !seg[i-1].Is("loop"):
		case t.Is("alter") && (seg[i+1].Is("table") || seg[i+1].Is("index")),
			t.Is("create") && (seg[i+1].Is("unique") || seg[i+1].Is("index") || seg[i+1].Is("table")),
			t.Is("drop") && (seg[i+1].Is("index") || seg[i+1].Is("table")):
			return seg[i:]
		}
	}
	return nil
}
