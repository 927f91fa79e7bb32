package site

import (
	"fmt"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// DDL writes the statement that adds the index, in the dialect's own
// form: PostgreSQL builds it CONCURRENTLY (no write lock on a live table)
// and can make NULLs conflict; MySQL has no partial indexes, so a
// soft-delete filter becomes advice instead.
func (s IndexSpec) DDL() string {
	d := s.Dialect
	parts := s.Columns()
	for i, t := range s.Key {
		if t.Expr != "" && d == sqlscan.MySQL {
			parts[i] = "(" + parts[i] + ")" // MySQL 8 functional key part
		}
	}
	var b strings.Builder
	b.WriteString("CREATE UNIQUE INDEX ")
	if d == sqlscan.Postgres {
		b.WriteString("CONCURRENTLY ")
	}
	fmt.Fprintf(&b, "%s ON %s (%s)", s.Name(), s.Table, strings.Join(parts, ", "))
	nullable := NullableTerms(s.Key)
	if len(nullable) > 0 && d == sqlscan.Postgres {
		b.WriteString(" NULLS NOT DISTINCT")
	}
	if len(s.Where) > 0 {
		fmt.Fprintf(&b, " WHERE %s", s.Predicate())
	}
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

// IndexName names a new index after GORM's idx_<table>_<columns>, within
// PostgreSQL's 63-byte limit.
func IndexName(table string, cols []string) string {
	var b strings.Builder
	b.WriteString("idx_" + strings.ReplaceAll(table, ".", "_"))
	for _, c := range cols {
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
