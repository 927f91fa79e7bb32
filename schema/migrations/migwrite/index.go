package migwrite

import (
	"errors"
	"fmt"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// Index is the unique index that backs a lookup, as the linter shapes it
// for a finding: the key parts, the conjuncts of a partial index's WHERE
// (the soft-delete filter, the columns the lookup compares with a
// constant), and how to build it.
type Index struct {
	Table string        // as the schema names it: "tags", or "schema.tags"
	Key   []schema.Term // columns or expressions; a term that MayBeNull makes a PostgreSQL index NULLS NOT DISTINCT
	// Where holds the partial predicate's conjuncts as SQL text written by
	// the linter from its own terms ("deleted_at IS NULL", "kind = 'x'").
	// MySQL has no partial indexes: Where must be empty there.
	Where   []string
	Name    string          // "" for IndexName(Table, columns)
	Dialect sqlscan.Dialect // Postgres, MySQL or SQLite
	// Concurrent builds a PostgreSQL index CONCURRENTLY, without the write
	// lock, which cannot run inside a transaction. Ignored elsewhere.
	Concurrent bool
}

// Columns lists the key parts as they appear in the index.
func (x Index) Columns() []string {
	out := make([]string, len(x.Key))
	for i, t := range x.Key {
		out[i] = t.String()
	}
	return out
}

// IndexName returns x.Name, or GORM's idx_<table>_<columns> within
// PostgreSQL's 63-byte limit.
func (x Index) IndexName() string {
	if x.Name != "" {
		return x.Name
	}
	return IndexName(x.Table, x.Columns())
}

// concurrent reports whether the index is built CONCURRENTLY.
func (x Index) concurrent() bool { return x.Concurrent && x.Dialect == sqlscan.Postgres }

func (x Index) check() error {
	switch {
	case x.Dialect != sqlscan.Postgres && x.Dialect != sqlscan.MySQL && x.Dialect != sqlscan.SQLite:
		return fmt.Errorf("migwrite: index on %s: unknown dialect %s", x.Table, x.Dialect)
	case x.Table == "":
		return errors.New("migwrite: index without a table")
	case len(x.Key) == 0:
		return fmt.Errorf("migwrite: index on %s without key parts", x.Table)
	case len(x.Where) > 0 && x.Dialect == sqlscan.MySQL:
		return fmt.Errorf("migwrite: index on %s: MySQL has no partial indexes (WHERE %s)", x.Table, strings.Join(x.Where, " AND "))
	}
	for _, t := range x.Key {
		if t.String() == "" {
			return fmt.Errorf("migwrite: index on %s has an empty key part", x.Table)
		}
	}
	return nil
}

// CreateSQL writes the statement that adds the index, in the dialect's
// own form, ending with a semicolon.
func (x Index) CreateSQL() string {
	d := x.Dialect
	parts := make([]string, len(x.Key))
	nullable := false
	for i, t := range x.Key {
		switch {
		case t.Expr != "" && d == sqlscan.MySQL:
			parts[i] = "(" + t.Expr + ")" // MySQL 8 functional key part
		case t.Expr != "":
			parts[i] = t.Expr
		default:
			parts[i] = quoteIdent(t.Column, d)
		}
		nullable = nullable || t.MayBeNull || t.IsNull
	}
	var b strings.Builder
	b.WriteString("CREATE UNIQUE INDEX ")
	if x.concurrent() {
		b.WriteString("CONCURRENTLY ")
	}
	fmt.Fprintf(&b, "%s ON %s (%s)", quoteIdent(x.IndexName(), d), quoteQualified(x.Table, d), strings.Join(parts, ", "))
	if nullable && d == sqlscan.Postgres {
		b.WriteString(" NULLS NOT DISTINCT")
	}
	if len(x.Where) > 0 {
		fmt.Fprintf(&b, " WHERE %s", strings.Join(x.Where, " AND "))
	}
	b.WriteString(";")
	return b.String()
}

// DropSQL writes the statement that drops exactly this index: PostgreSQL
// finds it in the table's schema, MySQL needs the table, SQLite the name.
func (x Index) DropSQL() string {
	d := x.Dialect
	name := quoteIdent(x.IndexName(), d)
	switch d {
	case sqlscan.MySQL:
		return fmt.Sprintf("DROP INDEX %s ON %s;", name, quoteQualified(x.Table, d))
	case sqlscan.Postgres:
		if i := strings.LastIndexByte(x.Table, '.'); i >= 0 {
			name = quoteQualified(x.Table[:i], d) + "." + name
		}
		if x.concurrent() {
			return "DROP INDEX CONCURRENTLY " + name + ";"
		}
	case sqlscan.SQLite:
		if i := strings.LastIndexByte(x.Table, '.'); i >= 0 {
			name = quoteQualified(x.Table[:i], d) + "." + name
		}
	}
	return "DROP INDEX " + name + ";"
}

// IndexName names a new index after GORM's idx_<table>_<columns>, within
// PostgreSQL's 63-byte limit, in lower case letters, digits and
// underscores so that it never needs quoting.
func IndexName(table string, cols []string) string {
	var b strings.Builder
	b.WriteString("idx")
	for _, c := range append([]string{table}, cols...) {
		b.WriteByte('_')
		for _, r := range strings.ToLower(c) {
			switch {
			case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
				b.WriteRune(r)
			case b.Len() > 0 && !strings.HasSuffix(b.String(), "_"):
				b.WriteByte('_')
			}
		}
	}
	name := strings.TrimRight(b.String(), "_")
	if len(name) > 63 {
		name = name[:63]
	}
	return name
}

// quoteQualified quotes each part of schema.table that needs it.
func quoteQualified(name string, d sqlscan.Dialect) string {
	parts := strings.Split(name, ".")
	for i, p := range parts {
		parts[i] = quoteIdent(p, d)
	}
	return strings.Join(parts, ".")
}

// quoteIdent leaves a plain lower-case identifier as it is, as migrations
// are usually written, and quotes anything else in the dialect's quotes.
func quoteIdent(s string, d sqlscan.Dialect) string {
	if plainIdent(s) {
		return s
	}
	if d == sqlscan.MySQL {
		return "`" + strings.ReplaceAll(s, "`", "``") + "`"
	}
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

func plainIdent(s string) bool {
	if s == "" || reserved[strings.ToLower(s)] {
		return false
	}
	for i, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r == '_':
		case r >= '0' && r <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}

// reserved are words that name columns often enough and must be quoted
// in at least one of the dialects.
var reserved = map[string]bool{
	"user": true, "order": true, "group": true, "key": true, "index": true, "table": true, "select": true,
	"where": true, "from": true, "to": true, "limit": true, "default": true, "check": true, "column": true,
	"references": true, "primary": true, "unique": true, "desc": true, "asc": true, "all": true, "and": true,
	"or": true, "not": true, "null": true, "on": true, "in": true, "is": true, "by": true, "as": true,
	"case": true, "when": true, "then": true, "else": true, "end": true, "create": true, "drop": true,
	"constraint": true, "foreign": true, "range": true, "rank": true, "interval": true, "window": true,
}
