package migrations

import (
	"fmt"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// silentVerbs start statements that never change keys, even when they
// mention an index or constraint (COMMENT ON INDEX, GRANT ...).
var silentVerbs = map[string]bool{
	"insert": true, "update": true, "delete": true, "select": true, "with": true,
	"grant": true, "revoke": true, "comment": true, "set": true, "reset": true,
	"copy": true, "analyze": true, "vacuum": true, "cluster": true, "reindex": true,
	"lock": true, "begin": true, "commit": true, "rollback": true, "start": true,
	"end": true, "pragma": true, "use": true, "savepoint": true, "release": true,
	"replace": true, "truncate": true, "explain": true, "show": true, "notify": true,
	"listen": true, "refresh": true, "call": true, "declare": true, "prepare": true,
	"execute": true, "deallocate": true, "load": true, "security": true, "checkpoint": true,
	"discard": true, "flush": true, "optimize": true, "handler": true, "source": true,
}

// isSilent reports whether a statement starting with first never changes
// keys: the replay passes over it without keeping its tokens, so the data
// of a dump (INSERT ... VALUES, REPLACE, COPY) costs no memory.
func isSilent(first sqlscan.Token) bool {
	return first.Kind == sqlscan.Ident && silentVerbs[strings.ToLower(first.Text)]
}

// statement recognises one statement and applies it.
func (r *Replayer) statement(st sqlscan.Statement, src string) {
	c := &cursor{toks: st.Toks}
	first := c.peek(0)
	handled := false
	switch {
	case first.Is("create"):
		handled = r.create(c, st.Line)
	case first.Is("alter"):
		handled = r.alter(c, st.Line)
	case first.Is("drop"):
		handled = r.drop(c)
	case first.Is("rename") && c.peek(1).Is("table"):
		c.i += 2
		r.renameTables(c)
		handled = true
	case first.Is("do"):
		r.doBlock(st, src)
		return
	case isSilent(first):
		return
	}
	if !handled {
		if w := mentionsKeys(st.Toks); w != "" {
			r.warn(st.Line, fmt.Sprintf("statement not analysed (mentions %s): %s", w, snippet(st.Text(src))))
		}
	}
}

// create dispatches CREATE statements; it reports whether the statement
// was understood (or is known to be irrelevant).
func (r *Replayer) create(c *cursor, line int) bool {
	c.next()
	c.accept("or", "replace")
	if c.is("definer") { // MySQL: DEFINER = user@host
		c.next()
		for !c.done() && !c.is("trigger") && !c.is("procedure") && !c.is("function") && !c.is("event") && !c.is("view") && !c.is("sql") && !c.is("algorithm") {
			c.next()
		}
	}
	c.acceptAny("global", "local", "temp", "temporary", "unlogged", "online", "offline")
	switch {
	case c.is("table"):
		c.next()
		r.createTable(c, line)
		return true
	case c.is("unique") || c.is("index") || c.is("clustered") || c.is("nonclustered"):
		unique := c.accept("unique")
		c.acceptAny("clustered", "nonclustered")
		if !c.accept("index") {
			return false
		}
		r.createIndex(c, unique, line)
		return true
	case c.is("fulltext") || c.is("spatial"):
		c.next()
		if c.accept("index") {
			r.createIndex(c, false, line)
		}
		return true
	case c.is("virtual", "table"):
		return true // SQLite fts and similar modules: no unique keys
	case c.is("function") || c.is("procedure") || c.is("trigger") || c.is("event") || c.is("aggregate"):
		r.routineBody(c, line)
		return true
	}
	return false
}

// routineBody warns when a function or trigger body mentions keys: it runs
// later, not during the migration, so it is never applied.
func (r *Replayer) routineBody(c *cursor, line int) {
	for _, t := range c.rest() {
		if t.Kind != sqlscan.DollarBody && t.Kind != sqlscan.String {
			continue
		}
		if w := mentionsKeys(sqlscan.Lex(dollarInner(t.Text), sqlscan.Postgres)); w != "" {
			r.warn(line, fmt.Sprintf("function body mentions %s; not analysed", w))
			return
		}
	}
}

// dollarInner strips the $tag$ quotes of a dollar body (or the quotes of a
// string).
func dollarInner(s string) string {
	if strings.HasPrefix(s, "'") {
		return strings.Trim(s, "'")
	}
	i := strings.IndexByte(s[1:], '$')
	if i < 0 {
		return s
	}
	tag := s[:i+2]
	return strings.TrimSuffix(s[len(tag):], tag)
}

// createTable reads CREATE TABLE [IF NOT EXISTS] t (elements) and MySQL's
// CREATE TABLE t LIKE u. AS SELECT and PARTITION OF create no keys.
func (r *Replayer) createTable(c *cursor, line int) {
	ifNotExists := c.accept("if", "not", "exists")
	q, ok := c.qualified()
	if !ok {
		return
	}
	tk := q.key()
	if ifNotExists && r.cat.Tables[tk] != nil {
		return
	}
	if c.accept("like") || (c.isPunct("(") && c.peek(1).Is("like") && r.d != sqlscan.Postgres) {
		if src, ok := c.qualified(); ok {
			r.copyTable(src.key(), tk, line)
		}
		return
	}
	elems, ok := c.group()
	if !ok {
		return
	}
	r.dropTable(tk) // a redefinition replaces the table
	t := r.table(tk)
	t.Source = r.at(line)
	// Only a table created here has all its constraints in view.
	t.ConstraintNames = r.d == sqlscan.Postgres
	var keys []keySpec
	var indexes []element
	for _, e := range sqlscan.SplitTopLevelPunct(elems, ",") {
		el := tableElement(e, r.d)
		switch el.kind {
		case elemColumn:
			r.setNotNull(t, el.column, el.notNull)
			keys = append(keys, el.keys...)
		case elemKey:
			if el.keys[0].kind == schema.PrimaryKey {
				for _, p := range el.keys[0].parts {
					if p.Column != "" {
						r.setNotNull(t, p.Column, true)
					}
				}
			}
			keys = append(keys, el.keys...)
		case elemIndex:
			indexes = append(indexes, el)
		case elemExclusion:
			r.addExclusion(tk, el.indexName)
		case elemLike:
			if w := mentionsKeys(e); w != "" || len(e) > 2 {
				r.warn(line, "CREATE TABLE ... (LIKE ...) copies no keys here; not analysed")
			}
		}
	}
	for _, ks := range r.dedupeTableKeys(keys) {
		r.addKey(tk, ks)
	}
	for _, el := range indexes {
		r.addIndex(tk, el.indexName, el.firstCol)
	}
}

// dedupeTableKeys applies CREATE TABLE's duplicate rule. PostgreSQL puts
// the primary key first and drops a UNIQUE identical to an earlier key (a
// name given to the dropped one moves to the survivor when that had none);
// SQLite also skips an identical UNIQUE. MySQL keeps every index, and so
// does the Generic dialect, which then never loses a key.
func (r *Replayer) dedupeTableKeys(keys []keySpec) []keySpec {
	if r.d != sqlscan.Postgres && r.d != sqlscan.SQLite {
		return keys
	}
	var out []keySpec
	pk := -1
	for i, k := range keys {
		if k.kind == schema.PrimaryKey {
			pk = i
			out = append(out, k)
			break
		}
	}
	for i, k := range keys {
		if i == pk {
			continue
		}
		dup := false
		for j := range out {
			if samePartsSpec(out[j], k) {
				if out[j].name == "" {
					out[j].name = k.name
				}
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, k)
		}
	}
	return out
}

func samePartsSpec(a, b keySpec) bool {
	if len(a.parts) != len(b.parts) || a.where != b.where || a.nnd != b.nnd {
		return false
	}
	for i := range a.parts {
		if a.parts[i] != b.parts[i] {
			return false
		}
	}
	return true
}

// copyTable applies MySQL's CREATE TABLE a LIKE b: the columns and indexes
// of b, with the same names.
func (r *Replayer) copyTable(from, to string, line int) {
	src := r.cat.Tables[from]
	r.dropTable(to)
	t := r.table(to)
	t.Source = r.at(line)
	if src == nil {
		return
	}
	for n, col := range src.Columns {
		cc := *col
		t.Columns[n] = &cc
	}
	side := r.sideOf(to)
	for _, k := range src.Keys {
		kk := *k
		kk.Parts = append([]schema.KeyPart(nil), k.Parts...)
		kk.Source = r.at(line)
		t.Keys = append(t.Keys, &kk)
		side.indexKey(&kk)
		r.register(to, kk.Name)
	}
	if s := r.side[from]; s != nil {
		for n := range s.indexes {
			r.sideOf(to).indexes[n] = true
			r.register(to, n)
		}
	}
}

// createIndex reads the rest of CREATE [UNIQUE] INDEX: [CONCURRENTLY]
// [IF NOT EXISTS] [name] [USING m] ON [ONLY] t [USING m] (items)
// [INCLUDE (...)] [NULLS [NOT] DISTINCT] [WITH (...)] [TABLESPACE x]
// [WHERE predicate], with MySQL's trailing options.
func (r *Replayer) createIndex(c *cursor, unique bool, line int) {
	// A unique index the reader cannot follow is a key it loses: say so.
	skip := func(why string) {
		if unique {
			r.warn(line, "CREATE UNIQUE INDEX skipped: "+why)
		}
	}
	c.accept("concurrently")
	ifNotExists := c.accept("if", "not", "exists")
	var name qname
	if !c.is("on") && !c.is("using") {
		var ok bool
		if name, ok = c.qualified(); !ok {
			skip("no index name")
			return
		}
	}
	if c.accept("using") {
		c.next()
	}
	if !c.accept("on") {
		skip("no ON table")
		return
	}
	c.accept("only")
	q, ok := c.qualified()
	if !ok {
		skip("no table name")
		return
	}
	if c.accept("using") {
		c.next()
	}
	list, ok := c.group()
	if !ok {
		skip("no column list")
		return
	}
	tk := q.key()
	parts, colNames := keyParts(list)
	ks := keySpec{name: name.name, kind: schema.UniqueIndex, parts: parts, colNames: colNames, line: line, ifNotExists: ifNotExists}
	for !c.done() {
		switch {
		case c.accept("nulls", "not", "distinct"):
			ks.nnd = true
		case c.accept("where"):
			ks.where = predicate(c.rest())
			c.i = len(c.toks)
		case c.isPunct("("):
			c.group()
		default:
			c.next()
		}
	}
	if !unique {
		if ifNotExists {
			if _, exists := r.existsForCreate(tk, ks.name); exists {
				return
			}
		}
		first := ""
		if len(parts) > 0 {
			first = parts[0].Column
		}
		r.addIndex(tk, ks.name, first)
		return
	}
	if len(parts) == 0 {
		r.warn(line, "unique index with no readable columns; skipped")
		return
	}
	r.addKey(tk, ks)
}

// drop handles DROP INDEX and DROP TABLE.
func (r *Replayer) drop(c *cursor) bool {
	c.next()
	c.acceptAny("temporary")
	switch {
	case c.accept("table"):
		c.accept("if", "exists")
		for {
			q, ok := c.qualified()
			if !ok {
				break
			}
			if r.inDo {
				r.table(q.key())
			}
			r.dropTable(q.key())
			if !c.isPunct(",") {
				break
			}
			c.next()
		}
		return true
	case c.accept("index"):
		c.accept("concurrently")
		c.accept("if", "exists")
		var names []qname
		for {
			q, ok := c.qualified()
			if !ok {
				break
			}
			names = append(names, q)
			if !c.isPunct(",") {
				break
			}
			c.next()
		}
		if c.accept("on") { // MySQL: DROP INDEX i ON t
			if t, ok := c.qualified(); ok {
				for _, n := range names {
					r.dropIndex(t.key(), n.name)
				}
				return true
			}
		}
		for _, n := range names {
			r.dropIndexAnywhere(n)
		}
		return true
	case c.is("view") || c.is("function") || c.is("procedure") || c.is("trigger") || c.is("type") ||
		c.is("sequence") || c.is("schema") || c.is("extension") || c.is("event") || c.is("materialized") ||
		c.is("policy") || c.is("domain") || c.is("role") || c.is("user") || c.is("database") || c.is("rule") ||
		c.is("aggregate") || c.is("owned") || c.is("publication") || c.is("server") || c.is("cast"):
		return true
	}
	return false
}

// renameTables reads MySQL's RENAME TABLE a TO b [, c TO d].
func (r *Replayer) renameTables(c *cursor) {
	for {
		from, ok := c.qualified()
		if !ok || !c.accept("to") {
			return
		}
		to, ok := c.qualified()
		if !ok {
			return
		}
		r.renameTable(from.key(), to.key())
		if !c.isPunct(",") {
			return
		}
		c.next()
	}
}
