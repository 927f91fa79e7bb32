// Package sqlscan is a tolerant SQL tokenizer and the small recognisers built
// on it: WHERE-clause conjunctions, expression normalisation and statement
// splitting. It never fails: input it does not understand is returned as
// tokens, and unterminated strings or comments run to the end of the input.
package sqlscan

import "strings"

// Dialect selects the few lexical and server rules that differ between
// databases: comment and quote characters, backslash escapes, implicit
// constraint names.
type Dialect uint8

const (
	// Generic accepts the union of the dialects' syntax.
	Generic Dialect = iota
	Postgres
	MySQL
	SQLite
)

func (d Dialect) String() string {
	switch d {
	case Postgres:
		return "postgres"
	case MySQL:
		return "mysql"
	case SQLite:
		return "sqlite"
	}
	return "generic"
}

// ParseDialect maps a user-supplied name (postgres, postgresql, pg, pgx,
// mysql, mariadb, sqlite, sqlite3) to a Dialect. The second result is false
// for an unknown name.
func ParseDialect(s string) (Dialect, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "generic", "auto":
		return Generic, true
	case "postgres", "postgresql", "pg", "pgx", "psql", "cockroach", "cockroachdb":
		return Postgres, true
	case "mysql", "mariadb", "tidb":
		return MySQL, true
	case "sqlite", "sqlite3":
		return SQLite, true
	}
	return Generic, false
}
