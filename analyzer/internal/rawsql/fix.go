package rawsql

import (
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/site"
	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// sqlFixer words fixes for hand-written SQL: the schema lives in
// migrations, and the insert itself can be made atomic. guarded says the
// lookup is the insert's own NOT EXISTS subquery.
type sqlFixer struct{ guarded bool }

func (f sqlFixer) Advice(_ *site.Site, fix site.Fix) string {
	index := f.IndexAdvice(fix.Index, fix.Migrated)
	if f.guarded {
		return index + sqlGuardedInsert(fix.Index, fix.Keys)
	}
	return index + sqlAtomicInsert(fix.Index, fix.Keys)
}

// sqlGuardedInsert completes the fix of INSERT ... WHERE NOT EXISTS: with
// the index, the losing statement fails with a duplicate-key error, which
// a conflict clause turns into inserting nothing.
func sqlGuardedInsert(spec site.IndexSpec, keys *schema.Table) string {
	target := "(" + strings.Join(spec.Columns(), ", ") + ")"
	if len(spec.Where) > 0 {
		target += " WHERE " + spec.Predicate()
	}
	pk := primaryKeyColumn(keys)
	const lost = "; the statement then fails with a duplicate-key error when it loses the race: "
	onConflict := "add ON CONFLICT " + target + " DO NOTHING"
	onDuplicate := fmt.Sprintf("add ON DUPLICATE KEY UPDATE %s = %s", pk, pk)
	switch spec.Dialect {
	case sqlscan.Postgres, sqlscan.SQLite:
		return lost + onConflict + " to skip the row instead"
	case sqlscan.MySQL:
		return lost + onDuplicate + " to skip the row instead"
	}
	return lost + onConflict + " (PostgreSQL, SQLite) or " + onDuplicate + " (MySQL) to skip the row instead"
}

// primaryKeyColumn names the table's one-column primary key; "id" when
// it is unknown or has several columns.
func primaryKeyColumn(keys *schema.Table) string {
	if keys != nil {
		if k := site.PrimaryKey(keys); k != nil && len(k.Parts) == 1 && k.Parts[0].Column != "" {
			return k.Parts[0].Column
		}
	}
	return "id"
}

func (sqlFixer) IndexAdvice(spec site.IndexSpec, _ bool) string {
	return "add a unique index in a migration: " + spec.DDL()
}

func (sqlFixer) Edits(*site.Site, site.Fix) []analysis.SuggestedFix { return nil }

// sqlAtomicInsert completes the fix of a hand-written get-then-insert:
// with the unique index in place, the insert itself can resolve the race,
// skipping the row a concurrent call inserted first instead of failing.
func sqlAtomicInsert(spec site.IndexSpec, keys *schema.Table) string {
	target := "(" + strings.Join(spec.Columns(), ", ") + ")"
	if len(spec.Where) > 0 {
		target += " WHERE " + spec.Predicate()
	}
	onConflict := fmt.Sprintf("INSERT ... ON CONFLICT %s DO NOTHING and select the row again when it inserts nothing", target)
	pk := primaryKeyColumn(keys)
	onDuplicate := fmt.Sprintf("INSERT ... ON DUPLICATE KEY UPDATE %s = %s", pk, pk)
	switch spec.Dialect {
	case sqlscan.Postgres, sqlscan.SQLite:
		return "; then make the insert " + onConflict
	case sqlscan.MySQL:
		return "; then make the insert " + onDuplicate
	}
	return "; then make the insert " + onConflict + " (PostgreSQL, SQLite), or " + onDuplicate + " (MySQL)"
}
