package verdict

import (
	"fmt"
	"go/ast"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/site"
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

func (v *Verdict) reportUnknown(s *site.Site, reason string) {
	if !v.cfg.Enabled(CategoryUnknownLookup) {
		return
	}
	on := ""
	if s.Table != "" && !s.Chain {
		on = " on " + s.Table
	}
	v.reportSite(s, CategoryUnknownLookup, fmt.Sprintf(
		"%s%s: lookup columns unknown (%s); cannot tell whether a unique constraint covers it",
		s.What, on, reason), site.Fix{})
}

// message writes the diagnostic for an unbacked lookup.
func (v *Verdict) message(s *site.Site, verdict schema.Verdict, fix site.Fix) string {
	var b strings.Builder
	b.WriteString(s.What)
	terms := s.KeyTerms()
	switch {
	case s.Chain:
		// What names the lookup and the insert, with their places.
		if len(terms) == 0 {
			b.WriteString(": the lookup has no conditions, so it matches any row; concurrent calls can insert duplicates: ")
			b.WriteString("pass the lookup columns as conditions")
			return b.String()
		}
		fmt.Fprintf(&b, ": no unique constraint covers (%s) on %s", strings.Join(site.TermList(terms, true), ", "), s.Table)
		if s.Model != "" {
			fmt.Fprintf(&b, " (model %s)", s.Model)
		}
	default:
		if s.Insert != nil {
			fmt.Fprintf(&b, " (line %d)", v.pass.Fset.Position(s.Insert.Pos()).Line)
		}
		fmt.Fprintf(&b, " on %s", s.Table)
		if len(terms) == 0 {
			b.WriteString(" has no lookup conditions, so it matches any row; concurrent calls can insert duplicates: ")
			b.WriteString("pass the lookup columns as conditions (fields set on the destination are not conditions)")
			return b.String()
		}
		fmt.Fprintf(&b, " looks up (%s) but no unique constraint covers it", strings.Join(site.TermList(terms, true), ", "))
	}
	if len(verdict.Misses) > 0 && missWorthSaying(verdict.Misses[0]) {
		fmt.Fprintf(&b, " (%s)", verdict.Misses[0])
	}
	if len(s.Dropped) > 0 {
		fmt.Fprintf(&b, " (GORM drops zero-valued %s from struct conditions; use a map condition to match zero)",
			strings.Join(s.Dropped, ", "))
	}
	b.WriteString("; concurrent calls can insert duplicates: ")
	if len(verdict.Misses) > 0 && verdict.Misses[0].NeedsColumns() && verdict.Misses[0].Shared > 0 {
		// A wider key exists: looking up by all its columns may be the fix.
		fmt.Fprintf(&b, "include %s in the lookup, or ", strings.Join(verdict.Misses[0].Missing, ", "))
	}
	b.WriteString(fixText(s, fix))
	return b.String()
}

// missWorthSaying keeps near misses that explain something: keys sharing a
// column with the lookup, or failing on NULLs or a partial predicate.
func missWorthSaying(m schema.Miss) bool { return !m.NeedsColumns() || m.Shared > 0 }

// fixText says what would make the lookup atomic: a unique index on the
// lookup's columns (partial on live rows for soft-deleted models), written
// in the terms of the code's API when it has its own way to declare one.
func fixText(s *site.Site, fix site.Fix) string {
	if advice := s.Fix.Advice(s, fix); advice != "" {
		return advice
	}
	return site.DefaultIndexAdvice(fix.Index, fix.Migrated)
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

// reportSite emits a diagnostic on a get-or-create site unless a
// //getorcreatelint:ignore directive covers it; an unbacked one carries
// the framework's suggested fixes.
func (v *Verdict) reportSite(s *site.Site, category, msg string, fix site.Fix) {
	if !v.reportable(s.Node, s.Stmt, category) {
		return
	}
	d := analysis.Diagnostic{Pos: s.Node.Pos(), End: s.Node.End(), Category: category, Message: msg}
	if s.Insert != nil {
		d.Related = []analysis.RelatedInformation{{Pos: s.Insert.Pos(), End: s.Insert.End(), Message: "the insert that completes the get-or-create"}}
	}
	d.Related = append(d.Related, s.Related...)
	h := heldReport{d: d}
	if category == CategoryGetOrCreate {
		h.fix = &site.Planned{Site: s, Fix: fix}
	}
	v.held = append(v.held, h)
}

// reportUpsert emits a diagnostic on an upsert unless a directive covers it.
func (v *Verdict) reportUpsert(u *site.Upsert, category, msg string) {
	if !v.reportable(u.Node, u.Stmt, category) {
		return
	}
	v.held = append(v.held, heldReport{d: analysis.Diagnostic{Pos: u.Node.Pos(), End: u.Node.End(), Category: category, Message: msg}})
}

// heldReport is a diagnostic waiting for Finish, with the site whose fix
// it offers (nil when it offers none).
type heldReport struct {
	d   analysis.Diagnostic
	fix *site.Planned
}

// Finish reports the pass's diagnostics in the order they were decided,
// with their suggested fixes: a PlannedFixer words the fixes of all its
// sites at once, other fixers one site at a time.
func (v *Verdict) Finish() {
	var sites []site.Planned
	for _, h := range v.held {
		if h.fix != nil {
			sites = append(sites, *h.fix)
		}
	}
	planned := map[*site.Site][]analysis.SuggestedFix{}
	for i := range v.held {
		h := &v.held[i]
		if h.fix == nil {
			continue
		}
		s := h.fix.Site
		if _, done := planned[s]; !done {
			if p, ok := s.Fix.(site.PlannedFixer); ok {
				for ps, fixes := range p.PlanEdits(v.pass.Fset, sites) {
					planned[ps] = fixes
				}
			}
		}
		if fixes, done := planned[s]; done {
			h.d.SuggestedFixes = fixes
		} else {
			h.d.SuggestedFixes = s.Fix.Edits(s, h.fix.Fix)
		}
	}
	for _, h := range v.held {
		v.pass.Report(h.d)
	}
	v.held = nil
}

func (v *Verdict) reportable(node, stmt ast.Node, category string) bool {
	return v.cfg.Enabled(category) && !v.excluded(node) && !v.dirs.suppresses(node, stmt)
}
