package analyzer

import (
	"fmt"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// ddl writes the statement that adds the index, in the dialect's own
// form: PostgreSQL builds it CONCURRENTLY (no write lock on a live table)
// and can make NULLs conflict; MySQL has no partial indexes, so a
// soft-delete filter becomes advice instead.
func (s indexSpec) ddl() string {
	d := s.dialect
	parts := s.columns()
	for i, t := range s.key {
		if t.Expr != "" && d == sqlscan.MySQL {
			parts[i] = "(" + parts[i] + ")" // MySQL 8 functional key part
		}
	}
	var b strings.Builder
	b.WriteString("CREATE UNIQUE INDEX ")
	if d == sqlscan.Postgres {
		b.WriteString("CONCURRENTLY ")
	}
	fmt.Fprintf(&b, "%s ON %s (%s)", s.name(), s.table, strings.Join(parts, ", "))
	nullable := nullableTerms(s.key)
	if len(nullable) > 0 && d == sqlscan.Postgres {
		b.WriteString(" NULLS NOT DISTINCT")
	}
	if len(s.where) > 0 {
		fmt.Fprintf(&b, " WHERE %s", s.predicate())
	}
	switch {
	case s.softDelete != "" && d == sqlscan.MySQL:
		fmt.Fprintf(&b, " (MySQL has no partial indexes: with gorm.io/plugin/soft_delete live rows hold %s = 0, so index (%s, %s) instead)",
			s.softDelete, strings.Join(s.columns(), ", "), s.softDelete)
	case len(nullable) > 0 && d != sqlscan.Postgres:
		fmt.Fprintf(&b, " (the lookup can compare %s with NULL, and NULLs never conflict: make the column NOT NULL)",
			strings.Join(nullable, ", "))
	}
	return b.String()
}

// indexName names a new index after GORM's idx_<table>_<columns>, within
// PostgreSQL's 63-byte limit.
func indexName(table string, cols []string) string {
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

// dialect is the database the package's schema is written for: the
// -dialect option, else the one dialect the catalogs were read as, else the
// one the driver imports imply, else Generic.
func (c *checker) dialect() sqlscan.Dialect {
	if d, ok := sqlscan.ParseDialect(c.opts.Dialect); ok && d != sqlscan.Generic {
		return d
	}
	found := sqlscan.Generic
	for _, cat := range c.catalogs() {
		for _, d := range cat.Dialects {
			switch {
			case d == sqlscan.Generic || d == found:
			case found == sqlscan.Generic:
				found = d
			default:
				return driverDialect(c.pass.Pkg) // the sources disagree
			}
		}
	}
	if found != sqlscan.Generic {
		return found
	}
	return driverDialect(c.pass.Pkg)
}
