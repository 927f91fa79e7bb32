package verdict

import (
	"fmt"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/site"
	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// checkConstraintName reports ON CONFLICT ON CONSTRAINT with a name that
// none of the table's keys has. It is decided only from the framework's
// own schema, and only when it names every key: migrations and the live
// database may hold exclusion constraints, which the catalog leaves out
// and which are valid arbiters too. Only PostgreSQL has the clause.
func (v *Verdict) checkConstraintName(u *site.Upsert, table *schema.Table, migrated bool, name string) {
	if migrated || (u.Dialect != sqlscan.Postgres && u.Dialect != sqlscan.Generic) || len(u.OwnKeys) == 0 {
		return
	}
	var keys []string
	for _, k := range table.Keys {
		if k.Name == "" {
			return // an unnamed key may be the one meant
		}
		keys = append(keys, k.Describe())
	}
	for _, t := range u.OwnKeys {
		for _, k := range t.Keys {
			if strings.EqualFold(k.Name, name) {
				return
			}
		}
	}
	msg := fmt.Sprintf("%s on %s: %s names no constraint of %s", u.Call, u.Table, u.What, u.Table)
	if len(keys) > 0 {
		msg += " (its keys: " + strings.Join(keys, ", ") + ")"
	}
	msg += fmt.Sprintf(`; PostgreSQL rejects the INSERT at run time with "constraint \"%s\" for table \"%s\" does not exist": `+
		"name the columns of a unique key as the conflict target", name, u.Table)
	v.reportUpsert(u, CategoryUpsertTarget, msg)
}
