package bun

import (
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/site"
	"github.com/getorcreatelint/getorcreatelint/schema/buntags"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// Fixer words fixes in bun's terms: the unique tag on the model's fields
// when no migration manages the table, and the insert that then resolves
// the race itself.
type Fixer struct {
	Schema  *buntags.Schema // the model's bun schema; nil when unknown
	Dialect func() sqlscan.Dialect
}

// Advice is the index (a tag, or the migration) and the atomic insert.
func (f Fixer) Advice(_ *site.Site, fix site.Fix) string {
	index := f.IndexAdvice(fix.Index, fix.Migrated)
	if index == "" {
		index = site.DefaultIndexAdvice(fix.Index, fix.Migrated)
	}
	return index + f.atomicInsert(fix.Index)
}

// IndexAdvice proposes the tag next to the index, unless a migration
// manages the table (a tag would not change the database) or the index is
// partial (a tag cannot say WHERE).
func (f Fixer) IndexAdvice(spec site.IndexSpec, migrated bool) string {
	if migrated || f.Schema == nil || len(spec.Where) > 0 || len(spec.Key) == 0 {
		return ""
	}
	tag := `bun:",unique"`
	if len(spec.Key) > 1 {
		tag = fmt.Sprintf(`bun:",unique:%s"`, spec.Name())
	}
	fields := make([]string, 0, len(spec.Key))
	for _, t := range spec.Key {
		c, ok := f.Schema.ByColumn(t.Column)
		if t.Expr != "" || !ok {
			return ""
		}
		fields = append(fields, f.Schema.Model+"."+strings.Join(c.Path, "."))
	}
	return fmt.Sprintf("add %s to %s or %s", tag, strings.Join(fields, " and "), spec.Text())
}

// atomicInsert completes the fix: with the index in place, the insert can
// skip the row a concurrent call inserted first instead of failing.
func (f Fixer) atomicInsert(spec site.IndexSpec) string {
	target := "(" + strings.Join(spec.Columns(), ", ") + ")"
	if len(spec.Where) > 0 {
		target += " WHERE " + spec.Predicate()
	}
	onConflict := fmt.Sprintf(`NewInsert()...On("CONFLICT %s DO NOTHING") and select the row again when it inserts nothing`, target)
	switch spec.Dialect {
	case sqlscan.MySQL:
		return "; then make the insert NewInsert()...Ignore() and select the row again when it inserts nothing"
	case sqlscan.Postgres, sqlscan.SQLite:
		return "; then make the insert " + onConflict
	}
	return "; then make the insert " + onConflict + " (PostgreSQL, SQLite), or NewInsert()...Ignore() (MySQL)"
}

// Edits offers no edit: tags are advice only.
func (Fixer) Edits(*site.Site, site.Fix) []analysis.SuggestedFix { return nil }
