package migrations

import (
	"fmt"

	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// alter dispatches ALTER TABLE and ALTER INDEX.
func (r *Replayer) alter(c *cursor, line int) bool {
	c.next()
	c.acceptAny("online", "offline", "ignore")
	switch {
	case c.accept("table"):
		r.alterTable(c, line)
		return true
	case c.accept("index"):
		c.accept("if", "exists")
		q, ok := c.qualified()
		if ok && c.accept("rename", "to") {
			if to, ok := c.qualified(); ok {
				r.renameIndex("", q.schema, q.name, to.name)
			}
		}
		return true
	case c.is("view") || c.is("function") || c.is("procedure") || c.is("sequence") || c.is("type") ||
		c.is("schema") || c.is("database") || c.is("role") || c.is("user") || c.is("extension") ||
		c.is("default") || c.is("trigger") || c.is("event") || c.is("materialized") || c.is("policy") ||
		c.is("domain") || c.is("publication") || c.is("system"):
		return true
	}
	return false
}

// alterTable reads ALTER TABLE [IF EXISTS] [ONLY] t action [, action ...].
func (r *Replayer) alterTable(c *cursor, line int) {
	c.accept("if", "exists")
	c.accept("only")
	q, ok := c.qualified()
	if !ok {
		return
	}
	if c.isPunct("*") {
		c.next()
	}
	tk := q.key()
	for _, action := range sqlscan.SplitTopLevelPunct(c.rest(), ",") {
		if len(action) == 0 {
			continue
		}
		if moved := r.alterAction(tk, &cursor{toks: action}, line); moved != "" {
			tk = moved
		}
	}
}

// alterAction applies one ALTER TABLE action and returns the table's new
// key when the action renamed it.
func (r *Replayer) alterAction(tk string, c *cursor, line int) (renamed string) {
	first := c.peek(0)
	aline := first.Line
	if aline == 0 {
		aline = line
	}
	switch {
	case c.accept("add"):
		r.alterAdd(tk, c, aline)
	case c.accept("drop"):
		r.alterDrop(tk, c)
	case c.accept("rename"):
		return r.alterRename(tk, c)
	case c.accept("change"):
		// MySQL: CHANGE [COLUMN] old new definition
		c.accept("column")
		old := c.next()
		if !old.IsName() || !c.peek(0).IsName() {
			return ""
		}
		r.renameColumn(tk, old.Name(), c.peek(0).Name())
		r.redefineColumn(tk, c.rest(), aline)
	case c.accept("modify"):
		c.accept("column")
		r.redefineColumn(tk, c.rest(), aline)
	case c.accept("alter"):
		c.accept("column")
		col := c.next()
		if !col.IsName() {
			return ""
		}
		t := r.table(tk)
		switch {
		case c.accept("set", "not", "null"):
			r.setNotNull(t, col.Name(), true)
		case c.accept("drop", "not", "null"):
			r.setNotNull(t, col.Name(), false)
		}
	default:
		if w := mentionsKeys(c.toks); w != "" && !c.is("validate") && !c.is("owner") {
			r.warn(aline, fmt.Sprintf("ALTER TABLE %s action not analysed (mentions %s): %s", tk, w, snippet(sqlscan.Render(c.toks))))
		}
	}
	return ""
}

// alterAdd reads ADD [COLUMN] [IF NOT EXISTS] coldef, ADD [CONSTRAINT n]
// UNIQUE|PRIMARY KEY ... [USING INDEX i], ADD UNIQUE INDEX|KEY n (...), and
// MySQL's non-unique ADD INDEX|KEY.
func (r *Replayer) alterAdd(tk string, c *cursor, line int) {
	isColumn := c.accept("column")
	ifNotExists := c.accept("if", "not", "exists")
	rest := c.rest()
	if isColumn && len(rest) > 0 && rest[0].IsPunct("(") {
		// MySQL: ADD COLUMN (a INT, b INT UNIQUE)
		inner := &cursor{toks: rest}
		list, _ := inner.group()
		for _, def := range sqlscan.SplitTopLevelPunct(list, ",") {
			r.addColumn(tk, columnElement(def, r.d), false)
		}
		return
	}
	var el element
	if isColumn {
		el = columnElement(rest, r.d)
	} else {
		el = tableElement(rest, r.d)
	}
	switch el.kind {
	case elemColumn:
		r.addColumn(tk, el, ifNotExists)
	case elemKey:
		ks := el.keys[0]
		if el.usingIndex != "" {
			r.constraintUsingIndex(tk, ks, el.usingIndex)
			return
		}
		ks.line = line
		r.addKey(tk, ks)
	case elemIndex:
		r.addIndex(tk, el.indexName, el.firstCol)
	case elemExclusion:
		r.addExclusion(tk, el.indexName)
	}
}

// addColumn adds a column and its inline keys. ADD COLUMN IF NOT EXISTS on
// a column the table has is a no-op, keys included.
func (r *Replayer) addColumn(tk string, el element, ifNotExists bool) {
	if el.kind != elemColumn {
		return
	}
	t := r.table(tk)
	if ifNotExists && t.Columns[el.column] != nil {
		return
	}
	r.setNotNull(t, el.column, el.notNull)
	for _, ks := range el.keys {
		r.addKey(tk, ks)
	}
}

// redefineColumn applies MySQL's MODIFY/CHANGE column definition: the
// column's nullability and any inline key it declares.
func (r *Replayer) redefineColumn(tk string, def []sqlscan.Token, line int) {
	el := columnElement(def, r.d)
	if el.kind != elemColumn {
		return
	}
	t := r.table(tk)
	notNull := el.notNull
	for _, k := range t.Keys {
		if k.Kind == schema.PrimaryKey && len(k.Parts) > 0 {
			for _, p := range k.Parts {
				if p.Column == el.column {
					notNull = true
				}
			}
		}
	}
	r.setNotNull(t, el.column, notNull)
	for _, ks := range el.keys {
		ks.line = line
		r.addKey(tk, ks)
	}
}

// constraintUsingIndex applies PostgreSQL's ADD [CONSTRAINT n] UNIQUE|PRIMARY
// KEY USING INDEX i: the unique index becomes the constraint and takes its
// name.
func (r *Replayer) constraintUsingIndex(tk string, ks keySpec, index string) {
	t := r.table(tk)
	for _, k := range t.Keys {
		if k.Name != index {
			continue
		}
		if ks.name != "" && ks.name != index {
			r.renameIndex(tk, "", index, ks.name)
		}
		k.Kind = ks.kind
		if ks.kind == schema.PrimaryKey {
			for _, p := range k.Parts {
				if p.Column != "" {
					r.setNotNull(t, p.Column, true)
				}
			}
		}
		return
	}
}

// alterDrop reads DROP CONSTRAINT|INDEX|KEY [IF EXISTS] n, DROP PRIMARY KEY,
// DROP FOREIGN KEY|CHECK n and DROP [COLUMN] [IF EXISTS] c.
func (r *Replayer) alterDrop(tk string, c *cursor) {
	switch {
	case c.accept("primary", "key"):
		if t := r.cat.Tables[tk]; t != nil {
			for _, k := range t.Keys {
				if k.Kind == schema.PrimaryKey {
					r.dropIndex(tk, k.Name)
					return
				}
			}
		}
	case c.accept("foreign", "key") || c.accept("check") || c.accept("default") || c.accept("partition"):
	case c.accept("constraint") || c.accept("index") || c.accept("key"):
		c.accept("if", "exists")
		if q, ok := c.qualified(); ok {
			r.dropIndex(tk, q.name)
		}
	default:
		c.accept("column")
		c.accept("if", "exists")
		if col := c.next(); col.IsName() {
			r.dropColumn(tk, col.Name())
		}
	}
}

// alterRename reads RENAME [COLUMN] a TO b, RENAME INDEX|KEY|CONSTRAINT a
// TO b, and RENAME [TO|AS] t2.
func (r *Replayer) alterRename(tk string, c *cursor) (renamed string) {
	switch {
	case c.accept("to") || c.accept("as") || (len(c.toks)-c.i <= 3 && !c.is("column") && !c.peek(1).Is("to")):
		if q, ok := c.qualified(); ok {
			to := q.key()
			if q.schema == "" && schemaOf(tk) != "" && r.d == sqlscan.Postgres {
				to = schemaOf(tk) + "." + q.name // PostgreSQL keeps the schema
			}
			r.renameTable(tk, to)
			return to
		}
	case c.accept("index") || c.accept("key") || c.accept("constraint"):
		old, ok := c.qualified()
		if ok && c.accept("to") {
			if to, ok := c.qualified(); ok {
				r.renameIndex(tk, "", old.name, to.name)
			}
		}
	default:
		c.accept("column")
		old := c.next()
		if old.IsName() && c.accept("to") && c.peek(0).IsName() {
			r.renameColumn(tk, old.Name(), c.next().Name())
		}
	}
	return ""
}
