package verdict

import (
	"fmt"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/site"
	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// checkConstraintTarget checks ON CONFLICT ON CONSTRAINT name: PostgreSQL
// looks the name up among the table's constraints only, so it must be its
// primary key, a unique constraint or an exclusion constraint (DO NOTHING
// only). A unique index made by CREATE UNIQUE INDEX is not a constraint.
// Only sources that name every constraint as PostgreSQL does (its
// migrations) can tell that a name is missing; a table whose SQL the
// reader could not follow is not checked.
func (v *Verdict) checkConstraintTarget(u *site.Upsert, cf sqlscan.Conflict) {
	name := cf.Constraint
	described := false
	var index *schema.Key // a unique index called name
	var constraints []string
	for _, t := range v.tablesFor(u.Table, u.OwnKeys) {
		if t.Uncertain {
			return
		}
		described = described || t.ConstraintNames
		for _, k := range t.Keys {
			isConstraint := k.Kind == schema.PrimaryKey || k.Kind == schema.UniqueConstraint
			switch {
			case !strings.EqualFold(k.Name, name):
				if isConstraint && k.Name != "" {
					constraints = append(constraints, k.Name)
				}
			case isConstraint:
				return
			default:
				index = k
			}
		}
		for _, x := range t.Exclusions {
			switch {
			case x == "":
				return // an exclusion constraint whose name is not known may be it
			case strings.EqualFold(x, name) && cf.DoNothing:
				return
			case strings.EqualFold(x, name):
				v.reportUpsert(u, CategoryUpsertTarget, fmt.Sprintf(
					"%s on %s: %s names exclusion constraint %s; PostgreSQL rejects the INSERT at run time with "+
						`"ON CONFLICT DO UPDATE not supported with exclusion constraints"`+": use DO NOTHING, or a unique key as the target",
					u.Call, u.Table, u.What, name))
				return
			}
		}
	}
	if !described {
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s on %s: %s ", u.Call, u.Table, u.What)
	if index != nil {
		// PostgreSQL looks in pg_constraint, which holds no plain index.
		fmt.Fprintf(&b, "names unique index %s, which is not a constraint; PostgreSQL rejects the INSERT at run time (constraint \"%s\" for table \"%s\" does not exist): ",
			name, name, u.Table)
	} else {
		// A check or foreign key constraint of that name fails too, with
		// another message: it has no index.
		fmt.Fprintf(&b, "names no unique or exclusion constraint of %s; PostgreSQL rejects the INSERT at run time: ", u.Table)
	}
	switch {
	case index != nil && index.Where == "" && !hasExprPart(index):
		fmt.Fprintf(&b, "write its columns as the target, ON CONFLICT (%s), or make it a constraint in a migration: ALTER TABLE %s ADD CONSTRAINT %s UNIQUE USING INDEX %s",
			strings.Join(index.Columns(), ", "), u.Table, name, name)
	case index != nil:
		target := strings.Join(index.Columns(), ", ")
		if index.Where != "" {
			target += ") WHERE " + index.Where
		} else {
			target += ")"
		}
		fmt.Fprintf(&b, "write its columns as the target, ON CONFLICT (%s", target)
	case len(constraints) > 0:
		fmt.Fprintf(&b, "name one of its constraints (%s), or a unique key's columns as the target", strings.Join(constraints, ", "))
	default:
		fmt.Fprintf(&b, "add the constraint in a migration, or name a unique key's columns as the target")
	}
	v.reportUpsert(u, CategoryUpsertTarget, b.String())
}

// tablesFor lists what every schema source knows of the table, unmerged:
// the framework's own first, then migrations and the live database.
func (v *Verdict) tablesFor(table string, own []*schema.Table) []*schema.Table {
	tables := append([]*schema.Table(nil), own...)
	for _, cat := range v.src.Catalogs() {
		if t := cat.Table(table); t != nil {
			tables = append(tables, t)
		}
	}
	return tables
}

func hasExprPart(k *schema.Key) bool {
	for _, p := range k.Parts {
		if p.Expr != "" {
			return true
		}
	}
	return false
}
