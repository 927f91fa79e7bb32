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
// migrations, and the insert itself can be made atomic.
type sqlFixer struct{}

func (sqlFixer) Advice(_ *site.Site, fix site.Fix) string {
	return sqlFixer{}.IndexAdvice(fix.Index, fix.Migrated) + sqlAtomicInsert(fix.Index, fix.Keys)
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
	pk := "id"
	if t := keys; t != nil {
		if k := site.PrimaryKey(t); k != nil && len(k.Parts) == 1 && k.Parts[0].Column != "" {
			pk = k.Parts[0].Column
		}
	}
	onDuplicate := fmt.Sprintf("INSERT ... ON DUPLICATE KEY UPDATE %s = %s", pk, pk)
	switch spec.Dialect {
	case sqlscan.Postgres, sqlscan.SQLite:
		return "; then make the insert " + onConflict
	case sqlscan.MySQL:
		return "; then make the insert " + onDuplicate
	}
	return "; then make the insert " + onConflict + " (PostgreSQL, SQLite), or " + onDuplicate + " (MySQL)"
}
