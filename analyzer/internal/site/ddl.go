package site

import (
	"fmt"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/schema/migrations/migwrite"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// DDL writes the statement that adds the index, in the dialect's own
// form: PostgreSQL builds it CONCURRENTLY (no write lock on a live table)
// and can make NULLs conflict; MySQL has no partial indexes, so a
// soft-delete filter becomes advice instead.
func (s IndexSpec) DDL() string {
	d := s.Dialect
	var b strings.Builder
	b.WriteString(strings.TrimSuffix(s.Index().CreateSQL(), ";"))
	nullable := NullableTerms(s.Key)
	switch {
	case s.SoftDelete != "" && d == sqlscan.MySQL:
		fmt.Fprintf(&b, " (MySQL has no partial indexes: with gorm.io/plugin/soft_delete live rows hold %s = 0, so index (%s, %s) instead)",
			s.SoftDelete, strings.Join(s.Columns(), ", "), s.SoftDelete)
	case len(nullable) > 0 && d != sqlscan.Postgres:
		fmt.Fprintf(&b, " (the lookup can compare %s with NULL, and NULLs never conflict: make the column NOT NULL)",
			strings.Join(nullable, ", "))
	}
	return b.String()
}

// Index is the index as a migration file would add it: the diagnostics
// and the migrations the linter writes share one renderer (migwrite's),
// so the statement a message proposes is the one written. PostgreSQL
// builds it CONCURRENTLY, without the write lock on a live table.
func (s IndexSpec) Index() migwrite.Index {
	return migwrite.Index{Table: s.Table, Key: s.Key, Where: s.Where, Dialect: s.Dialect, Concurrent: true}
}
