package analyzer

import (
	"fmt"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// sqlAtomicInsert completes the fix of a hand-written get-then-insert:
// with the unique index in place, the insert itself can resolve the race,
// skipping the row a concurrent call inserted first instead of failing.
func (c *checker) sqlAtomicInsert(f finding, spec indexSpec) string {
	target := "(" + strings.Join(spec.columns(), ", ") + ")"
	if len(spec.where) > 0 {
		target += " WHERE " + spec.predicate()
	}
	onConflict := fmt.Sprintf("INSERT ... ON CONFLICT %s DO NOTHING and select the row again when it inserts nothing", target)
	pk := "id"
	if t := c.keysFor(f); t != nil {
		if k := primaryKey(t); k != nil && len(k.Parts) == 1 && k.Parts[0].Column != "" {
			pk = k.Parts[0].Column
		}
	}
	onDuplicate := fmt.Sprintf("INSERT ... ON DUPLICATE KEY UPDATE %s = %s", pk, pk)
	switch spec.dialect {
	case sqlscan.Postgres, sqlscan.SQLite:
		return "; then make the insert " + onConflict
	case sqlscan.MySQL:
		return "; then make the insert " + onDuplicate
	}
	return "; then make the insert " + onConflict + " (PostgreSQL, SQLite), or " + onDuplicate + " (MySQL)"
}

// primaryKey returns the table's primary key, or nil.
func primaryKey(t *schema.Table) *schema.Key {
	for _, k := range t.Keys {
		if k.Kind == schema.PrimaryKey && len(k.Parts) > 0 {
			return k
		}
	}
	return nil
}
