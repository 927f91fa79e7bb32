package verdict

import (
	"fmt"
	"sort"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/site"
	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// DecideUpsert reports an upsert whose conflict target no unique key
// matches (PostgreSQL and SQLite reject it), and one that relies on a
// conflict the table cannot raise. Tables no schema source describes are
// not checked.
func (v *Verdict) DecideUpsert(u *site.Upsert) {
	table := v.keysFor(u.Table, u.OwnKeys)
	if table == nil || table.Uncertain {
		return // no schema source, or SQL the reader could not follow changed the table
	}
	migrated := v.inCatalogs(u.Table)
	anyKey := u.Kind != sqlscan.NoUpsert && u.Kind != sqlscan.OnConflict
	for _, cf := range u.Conflicts {
		switch {
		case cf.Constraint != "":
			// Migrations are checked for the constraint by name; a table
			// only the framework's own schema describes, against its keys.
			v.checkConstraintTarget(u, cf)
			v.checkConstraintName(u, table, migrated, cf.Constraint)
		case len(cf.Target) == 0 && !cf.DoNothing && u.Dialect == sqlscan.Postgres:
			v.reportUpsert(u, CategoryUpsertTarget, missingTargetMessage(u, table))
		case len(cf.Target) == 0:
			anyKey = true
		default:
			k, misses := arbiter(table, cf, u.TargetWhereUnread)
			switch {
			case k == nil:
				v.reportUpsert(u, CategoryUpsertTarget, targetMessage(u, migrated, cf, misses))
			case k.Kind == schema.PrimaryKey:
				v.checkNeverConflicts(u, k, true)
			}
		}
	}
	if pk := site.PrimaryKey(table); anyKey && !hasKeyBeyond(table, pk) {
		v.checkNeverConflicts(u, pk, false)
	}
}

// checkNeverConflicts reports an upsert whose only possible conflict is
// on the primary key pk (nil when the table has no key at all) when the
// INSERT does not set it: a generated key never conflicts, so every call
// inserts a row. targeted says the conflict target names pk.
func (v *Verdict) checkNeverConflicts(u *site.Upsert, pk *schema.Key, targeted bool) {
	var cols string
	if pk != nil {
		if set, known := u.SetsPK(pk.Columns()); set || !known {
			return
		}
		cols = strings.Join(pk.Columns(), ", ")
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s on %s: %s ", u.Call, u.Table, u.What)
	switch {
	case targeted:
		fmt.Fprintf(&b, "targets the primary key (%s), which the insert does not set, so it never conflicts", cols)
	case pk == nil:
		fmt.Fprintf(&b, "only skips rows that conflict with a unique key, and %s has none", u.Table)
	default:
		fmt.Fprintf(&b, "only skips rows that conflict with a unique key, and %s has none but its primary key (%s), which the insert does not set",
			u.Table, cols)
	}
	b.WriteString("; every call inserts a row, duplicates included: add a unique index on the columns that identify a row")
	if len(u.Inserted) > 0 {
		fmt.Fprintf(&b, " (the insert sets %s)", strings.Join(u.Inserted, ", "))
	}
	if u.Kind == sqlscan.OnConflict {
		b.WriteString(" and name them as the conflict target")
	}
	v.reportUpsert(u, CategoryUpsertNoKey, b.String())
}

// arbiter returns the unique key that PostgreSQL and SQLite would infer
// from a conflict target: one whose parts are exactly the target's items
// (as sets), and, for a partial index, whose predicate the target's WHERE
// implies. Otherwise it returns the keys that come close.
func arbiter(t *schema.Table, cf sqlscan.Conflict, whereUnread bool) (*schema.Key, []string) {
	target := map[string]bool{}
	for _, item := range cf.Target {
		target[item] = true
	}
	var misses []string
	for _, k := range t.Keys {
		if len(k.Parts) == 0 {
			continue
		}
		shared := 0
		for _, p := range k.Columns() {
			if target[p] {
				shared++
			}
		}
		switch {
		case shared == len(k.Parts) && shared == len(target):
			if k.Where == "" || whereUnread || k.Uncertain || targetImplies(cf, k.Where) {
				return k, nil
			}
			misses = append(misses, fmt.Sprintf("%s %s is partial: repeat its predicate in the target, ON CONFLICT (%s) WHERE %s",
				k.Kind, k.Describe(), strings.Join(cf.Target, ", "), k.Where))
		case shared > 0:
			misses = append(misses, fmt.Sprintf("%s %s has other columns", k.Kind, k.Describe()))
		}
	}
	return nil, misses
}

// targetImplies reports whether a conflict target's WHERE implies a
// partial index's predicate.
func targetImplies(cf sqlscan.Conflict, pred string) bool {
	if cf.Where == "" {
		return false
	}
	if cf.Where == pred {
		return true
	}
	w := sqlscan.ParseWhere(cf.WhereToks)
	var l schema.Lookup
	for _, cond := range w.Conds {
		t := schema.Term{Column: cond.Column, Expr: cond.Expr}
		switch {
		case cond.Op == sqlscan.IsNull:
			t.IsNull = true
		case cond.Op == sqlscan.IsNotNull:
			l.Predicates = append(l.Predicates, t.String()+" is not null")
			continue
		case cond.Value.Kind == sqlscan.Literal:
			t.Value = cond.Value.Text
		default:
			continue
		}
		l.Terms = append(l.Terms, t)
	}
	return schema.Implies(l, pred)
}

// hasKeyBeyond reports whether the table has a unique key other than k.
func hasKeyBeyond(t *schema.Table, k *schema.Key) bool {
	for _, other := range t.Keys {
		if other != k && len(other.Parts) > 0 && (k == nil || !sameParts(other, k)) {
			return true
		}
	}
	return false
}

func sameParts(a, b *schema.Key) bool {
	x, y := a.Columns(), b.Columns()
	sort.Strings(x)
	sort.Strings(y)
	return strings.Join(x, "\x00") == strings.Join(y, "\x00")
}

// rejects names the databases that reject an unmatched conflict target.
func rejects(d sqlscan.Dialect) (who, why string) {
	switch d {
	case sqlscan.Postgres:
		return "PostgreSQL rejects", `"there is no unique or exclusion constraint matching the ON CONFLICT specification"`
	case sqlscan.SQLite:
		return "SQLite rejects", `"ON CONFLICT clause does not match any PRIMARY KEY or UNIQUE constraint"`
	}
	return "PostgreSQL and SQLite reject", ""
}

// targetMessage writes the diagnostic for a conflict target no key matches.
func targetMessage(u *site.Upsert, migrated bool, cf sqlscan.Conflict, misses []string) string {
	var b strings.Builder
	target := strings.Join(cf.Target, ", ")
	fmt.Fprintf(&b, "%s on %s: the conflict target (%s) matches no unique key", u.Call, u.Table, target)
	if len(misses) > 0 {
		fmt.Fprintf(&b, " (%s)", misses[0])
	}
	who, why := rejects(u.Dialect)
	fmt.Fprintf(&b, "; %s the INSERT at run time", who)
	if why != "" {
		fmt.Fprintf(&b, " with %s", why)
	}
	b.WriteString(": ")
	if len(misses) > 0 && strings.Contains(misses[0], " is partial: ") {
		b.WriteString("write the predicate, or ")
	}
	spec := site.IndexSpec{Table: u.Table, Dialect: u.Dialect}
	for _, item := range cf.Target {
		if isPlainName(item) {
			spec.Key = append(spec.Key, schema.Term{Column: item})
		} else {
			spec.Key = append(spec.Key, schema.Term{Expr: item})
		}
	}
	if cf.Where != "" {
		spec.Where = []string{cf.Where}
	}
	b.WriteString(upsertIndexFix(u, spec, migrated))
	return b.String()
}

// missingTargetMessage writes the diagnostic for ON CONFLICT DO UPDATE
// without a target, which PostgreSQL rejects.
func missingTargetMessage(u *site.Upsert, t *schema.Table) string {
	msg := fmt.Sprintf("%s on %s: %s has no conflict target; PostgreSQL rejects the INSERT at run time with "+
		`"ON CONFLICT DO UPDATE requires inference specification or constraint name"`+": name the columns of a unique key",
		u.Call, u.Table, u.What)
	var keys []string
	for _, k := range t.Keys {
		if len(k.Parts) > 0 && k.Where == "" {
			keys = append(keys, "("+strings.Join(k.Columns(), ", ")+")")
		}
	}
	if len(keys) > 0 {
		msg += " such as " + strings.Join(keys, " or ")
	}
	return msg
}

// upsertIndexFix says how to add the index a conflict target needs, in
// the terms of the code's API.
func upsertIndexFix(u *site.Upsert, spec site.IndexSpec, migrated bool) string {
	if advice := u.Fix.IndexAdvice(spec, migrated); advice != "" {
		return advice
	}
	return site.DefaultIndexAdvice(spec, migrated)
}

func isPlainName(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c == '_' || c == '.' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return s != ""
}
