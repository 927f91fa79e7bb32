// Package verdict decides sites against the schema and reports them: a
// lookup no unique key backs, a backing key that also holds soft-deleted
// rows, an upsert whose conflict target no key matches or that relies on
// a conflict no key can raise. It knows no framework: the sites carry
// their own fix wording (site.Fixer).
package verdict

import (
	"golang.org/x/tools/go/analysis"

	"strings"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/sources"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/site"
	"github.com/getorcreatelint/getorcreatelint/schema"
)

// Config is what the verdict needs of the analyzer's options.
type Config struct {
	Enabled func(category string) bool // whether findings of a category are reported
	Exclude []string                   // path patterns whose findings are not reported
	// Unbacked, when set, hears of each reported lookup no unique key
	// backs, and returns evidence to append to its message ("" for none).
	// Passes run concurrently: it must be safe for that.
	Unbacked func(Unbacked) string
	// TableKeys returns keys a recogniser knows a table has though no
	// site's own schema declares them (GORM's many2many join tables);
	// nil when none does.
	TableKeys func(table string) []*schema.Table
}

// Verdict decides the sites of one package.
type Verdict struct {
	pass *analysis.Pass
	cfg  Config
	src  *sources.Pass
	dirs *directiveSet
	// held are the diagnostics of the pass, in the order decided: they
	// are reported by Finish, once every fix can be planned.
	held []heldReport
}

// New returns the verdict for a pass. It reads the package's ignore
// directives and reports those without a reason.
func New(pass *analysis.Pass, cfg Config, src *sources.Pass) *Verdict {
	return &Verdict{pass: pass, cfg: cfg, src: src, dirs: parseDirectives(pass, cfg.Enabled)}
}

// Decide reports a site when no unique key backs it.
func (v *Verdict) Decide(s *site.Site) {
	if s.Why.Unknown() {
		v.reportUnknown(s, string(s.Why))
		return
	}
	table := v.keysFor(s.Table, s.OwnKeys)
	migrated := v.inCatalogs(s.Table)
	if table == nil {
		v.reportUnknown(s, "no schema source describes table "+s.Table)
		return
	}
	verdict := schema.Check(table, s.Lookup)
	if verdict.Backed {
		v.checkSoftDeleteConflict(s, verdict.By)
		return
	}
	if table.Uncertain {
		// A migration changed the table in SQL the reader cannot follow
		// (DDL inside a DO block): prefer silence to a guess.
		v.reportUnknown(s, "migrations change table "+s.Table+" in a DO block the linter cannot follow")
		return
	}
	if len(s.Unsupported) > 0 {
		// The equality part alone is not backed, and the rest of the
		// condition (OR, IN, LIKE, ...) cannot be matched to a key.
		v.reportUnknown(s, "the condition uses "+strings.Join(dedupe(s.Unsupported), ", "))
		return
	}
	fix := site.Fix{Index: site.IndexFor(s, v.src.Dialect()), Keys: table, Migrated: migrated}
	msg := v.message(s, verdict, fix)
	if u, ok := v.unbacked(s, fix); ok && v.reportable(s.Node, s.Stmt, CategoryGetOrCreate) {
		if evidence := v.cfg.Unbacked(u); evidence != "" {
			msg += "; " + evidence
		}
	}
	v.reportSite(s, CategoryGetOrCreate, msg, fix)
}

// inCatalogs reports whether a migration or the live database describes
// the table.
func (v *Verdict) inCatalogs(table string) bool {
	for _, cat := range v.src.Catalogs() {
		if cat.Table(table) != nil {
			return true
		}
	}
	return false
}

// keysFor gathers the unique keys every schema source knows for the table:
// the framework's own first, then migrations and the live database.
func (v *Verdict) keysFor(table string, own []*schema.Table) *schema.Table {
	var tables []*schema.Table
	tables = append(tables, own...)
	if v.cfg.TableKeys != nil {
		tables = append(tables, v.cfg.TableKeys(table)...)
	}
	for _, cat := range v.src.Catalogs() {
		if t := cat.Table(table); t != nil {
			tables = append(tables, t)
		}
	}
	if len(tables) == 0 {
		return nil
	}
	return schema.Merge(table, tables...)
}
