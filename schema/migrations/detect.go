package migrations

import (
	"path/filepath"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// pathDialect finds a dialect word (postgres, postgresql, pg, mysql,
// mariadb, sqlite, sqlite3) among the words of a path relative to the module
// root; the deepest one wins. Words are separated by /, _, -, and dots.
func pathDialect(rel string) (sqlscan.Dialect, bool) {
	words := strings.FieldsFunc(strings.ToLower(filepath.ToSlash(rel)), func(r rune) bool {
		return r == '/' || r == '_' || r == '-' || r == '.'
	})
	for i := len(words) - 1; i >= 0; i-- {
		switch words[i] {
		case "postgres", "postgresql", "pg", "psql", "pgsql":
			return sqlscan.Postgres, true
		case "mysql", "mariadb":
			return sqlscan.MySQL, true
		case "sqlite", "sqlite3":
			return sqlscan.SQLite, true
		}
	}
	return sqlscan.Generic, false
}

// sniffScore counts dialect evidence in SQL text. Backticks alone are not
// MySQL evidence: atlas writes them for SQLite too.
type sniffScore [4]int

func (s *sniffScore) add(src string) {
	s[sqlscan.MySQL] += strings.Count(src, "/*!")
	toks := sqlscan.Lex(src, sqlscan.Generic)
	for i, t := range toks {
		next := sqlscan.Token{}
		if i+1 < len(toks) {
			next = toks[i+1]
		}
		switch {
		case t.Kind == sqlscan.DollarBody, t.IsPunct("::"):
			s[sqlscan.Postgres]++
		case t.Kind != sqlscan.Ident:
		case t.Is("engine") && next.IsPunct("="), t.Is("auto_increment"),
			t.Is("unique") && next.Is("key"), t.Is("unsigned"):
			s[sqlscan.MySQL]++
		case t.Is("serial"), t.Is("bigserial"), t.Is("jsonb"), t.Is("timestamptz"), t.Is("concurrently"),
			t.Is("using") && next.Is("btree") && i+2 < len(toks) && toks[i+2].IsPunct("("),
			t.Is("bytea"):
			s[sqlscan.Postgres]++
		case t.Is("autoincrement"), t.Is("without") && next.Is("rowid"), t.Is("pragma"),
			t.Is("insert") && next.Is("or"):
			s[sqlscan.SQLite]++
		}
	}
}

// addFiles scores migration files: the text of .sql files, the DDL strings
// of Go files.
func (s *sniffScore) addFiles(paths []string, srcs [][]byte) {
	for i, p := range paths {
		if !isGoFile(p) {
			s.add(string(srcs[i]))
		}
	}
	for _, g := range goFilesDDL(goSources(paths, srcs)) {
		for _, st := range g.stmts {
			s.add(st.sql)
		}
	}
}

// best returns the dialect with the most evidence, or false when there is
// none or two dialects tie.
func (s *sniffScore) best() (sqlscan.Dialect, bool) {
	best, n, tie := sqlscan.Generic, 0, false
	for _, d := range []sqlscan.Dialect{sqlscan.Postgres, sqlscan.MySQL, sqlscan.SQLite} {
		switch {
		case s[d] > n:
			best, n, tie = d, s[d], false
		case s[d] == n && n > 0:
			tie = true
		}
	}
	return best, n > 0 && !tie
}
