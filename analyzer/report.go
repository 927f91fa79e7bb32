package analyzer

import (
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/getorcreatelint/getorcreatelint/schema"
)

// Diagnostic categories: one per check, so that users can tell findings
// apart and filter them (SARIF rule IDs, -categories).
const (
	CategoryGetOrCreate   = "get-or-create"  // lookup no unique key backs
	CategoryUnknownLookup = "unknown-lookup" // -strict: lookup could not be resolved
	CategoryDirective     = "directive"      // malformed //getorcreatelint:ignore
	// CategoryUpsertTarget: an INSERT ... ON CONFLICT (cols) (raw SQL or
	// GORM's clause.OnConflict) whose target no unique key matches exactly,
	// or a PostgreSQL ON CONFLICT DO UPDATE without a target: PostgreSQL and
	// SQLite reject the statement at run time.
	CategoryUpsertTarget = "upsert-target"
	// CategoryUpsertNoKey: an upsert that relies on a conflict (DO NOTHING
	// without a target, INSERT IGNORE, INSERT OR IGNORE, REPLACE, ON
	// DUPLICATE KEY UPDATE, GORM's OnConflict) on a table with no unique key
	// but a primary key the INSERT does not set, or whose target is such a
	// key: it never conflicts, so it inserts duplicates.
	CategoryUpsertNoKey = "upsert-no-key"
	// CategorySoftDeleteConflict: a lookup that skips soft-deleted rows is
	// backed by a unique key that also holds them, so re-creating a
	// soft-deleted row fails with a duplicate-key error.
	CategorySoftDeleteConflict = "soft-delete-conflict"
)

func (c *checker) reportUnknown(f finding, reason string) {
	if !c.opts.enabled(CategoryUnknownLookup) {
		return
	}
	on := ""
	if f.table != "" {
		on = " on " + f.table
	}
	c.report(f, CategoryUnknownLookup, fmt.Sprintf(
		"%s%s: lookup columns unknown (%s); cannot tell whether a unique constraint covers it",
		f.what, on, reason))
}

// message writes the diagnostic for an unbacked lookup.
func (c *checker) message(f finding, v schema.Verdict) string {
	var b strings.Builder
	b.WriteString(f.what)
	if f.create != nil {
		fmt.Fprintf(&b, " (line %d)", c.pass.Fset.Position(f.create.Pos()).Line)
	}
	fmt.Fprintf(&b, " on %s", f.table)
	terms := f.keyTerms()
	if len(terms) == 0 {
		b.WriteString(" has no lookup conditions, so it matches any row; concurrent calls can insert duplicates: ")
		b.WriteString("pass the lookup columns as conditions (fields set on the destination are not conditions)")
		return b.String()
	}
	fmt.Fprintf(&b, " looks up (%s) but no unique constraint covers it", strings.Join(termList(terms, true), ", "))
	if len(v.Misses) > 0 && missWorthSaying(v.Misses[0]) {
		fmt.Fprintf(&b, " (%s)", v.Misses[0])
	}
	if len(f.dropped) > 0 {
		fmt.Fprintf(&b, " (GORM drops zero-valued %s from struct conditions; use a map condition to match zero)",
			strings.Join(f.dropped, ", "))
	}
	b.WriteString("; concurrent calls can insert duplicates: ")
	if len(v.Misses) > 0 && v.Misses[0].NeedsColumns() && v.Misses[0].Shared > 0 {
		// A wider key exists: looking up by all its columns may be the fix.
		fmt.Fprintf(&b, "include %s in the lookup, or ", strings.TrimPrefix(v.Misses[0].Reason, "also needs "))
	}
	b.WriteString(c.fixText(f))
	return b.String()
}

// missWorthSaying keeps near misses that explain something: keys sharing a
// column with the lookup, or failing on NULLs or a partial predicate.
func missWorthSaying(m schema.Miss) bool { return !m.NeedsColumns() || m.Shared > 0 }

// fixText says what would make the lookup atomic: a unique index on the
// lookup's columns (partial on live rows for soft-deleted models), written
// in the terms of the code's API when it has its own way to declare one.
func (c *checker) fixText(f finding) string {
	terms := f.keyTerms()
	spec := c.indexFor(f)
	switch {
	case f.orm == ormGORM && !f.migrated:
		if tag := gormTagFix(f, spec); tag != "" {
			return "add " + tag + " or " + spec.text()
		}
	case f.orm == ormEnt:
		if fix := entFix(f, terms, spec.text()); fix != "" {
			return fix
		}
	case f.orm == ormSQL:
		return "add a unique index in a migration: " + spec.ddl() + c.sqlAtomicInsert(f, spec)
	}
	if f.migrated || f.orm == ormSQL {
		return "add a unique index in a migration: " + spec.ddl()
	}
	return "add " + spec.text()
}

// keyTerms are the terms a unique index must cover: all of the lookup's
// but the soft-delete filter, which belongs in a partial index's WHERE.
func (f finding) keyTerms() []schema.Term {
	var out []schema.Term
	for _, t := range f.lookup.Terms {
		if t.IsNull && t.Column == f.softDelete && f.softDelete != "" {
			continue
		}
		out = append(out, t)
	}
	return out
}

// termList renders terms as column names, with "IS NULL" for the NULL
// tests when showNull is set.
func termList(terms []schema.Term, showNull bool) []string {
	out := make([]string, len(terms))
	for i, t := range terms {
		out[i] = t.String()
		if showNull && t.IsNull {
			out[i] += " IS NULL"
		}
	}
	return out
}

func nullableTerms(terms []schema.Term) []string {
	var out []string
	for _, t := range terms {
		if t.MayBeNull || t.IsNull {
			out = append(out, t.String())
		}
	}
	return out
}

func dedupe(xs []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// report emits a diagnostic unless a //getorcreatelint:ignore directive
// covers it.
func (c *checker) report(f finding, category, msg string) {
	if !c.opts.enabled(category) || c.excluded(f.node) || c.directives().suppresses(f.node, f.stmt) {
		return
	}
	d := analysis.Diagnostic{Pos: f.node.Pos(), End: f.node.End(), Category: category, Message: msg}
	if category == CategoryGetOrCreate {
		d.SuggestedFixes = c.suggestedFixes(f)
	}
	if f.create != nil {
		d.Related = []analysis.RelatedInformation{{Pos: f.create.Pos(), End: f.create.End(), Message: "the insert that completes the get-or-create"}}
	}
	c.pass.Report(d)
}
