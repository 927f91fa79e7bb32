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
	// A window of three tokens: the input may be a dump of any size.
	sc := sqlscan.NewScanner(src, sqlscan.Generic)
	t, next, after := sc.Next(), sc.Next(), sc.Next()
	for ; t.Kind != sqlscan.EOF; t, next, after = next, after, sc.Next() {
		switch {
		case t.Kind == sqlscan.DollarBody, t.IsPunct("::"):
			s[sqlscan.Postgres]++
		case t.Kind != sqlscan.Ident:
		case t.Is("engine") && next.IsPunct("="), t.Is("auto_increment"),
			t.Is("unique") && next.Is("key"), t.Is("unsigned"):
			s[sqlscan.MySQL]++
		case t.Is("serial"), t.Is("bigserial"), t.Is("jsonb"), t.Is("timestamptz"), t.Is("concurrently"),
			t.Is("using") && next.Is("btree") && after.IsPunct("("),
			t.Is("bytea"):
			s[sqlscan.Postgres]++
		case t.Is("autoincrement"), t.Is("without") && next.Is("rowid"), t.Is("pragma"),
			t.Is("insert") && next.Is("or"):
			s[sqlscan.SQLite]++
		}
	}
}

// addFiles scores migration files: the text of .sql files, the DDL strings
// of Go files. Files the replay would skip are left out, and each .sql file
// is read and scored on its own.
func (s *sniffScore) addFiles(paths []string) {
	for _, p := range paths {
		if !isGoFile(p) {
			if src, _, skip, err := readSource(p); err == nil && skip == "" {
				s.add(src)
			}
		}
	}
	goPaths, goSrcs, _ := readGoFiles(paths, func(string, string) {})
	for _, g := range goFilesDDL(goPaths, goSrcs) {
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
