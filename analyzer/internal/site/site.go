// Package site is the typed form a get-or-create takes between the
// recognisers, which find it in one framework's calls, and the verdict,
// which decides it against the schema: a Site (a lookup, maybe the insert
// that completes it, and what the lookup pins) or an Upsert (an INSERT
// that resolves conflicts with a unique key). Nothing here knows a
// framework: each recogniser attaches a Fixer for its own fix wording.
package site

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"

	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// Site is a get-or-create with its lookup resolved, in terms common to
// every framework.
type Site struct {
	Node   ast.Node      // where to report: the lookup call
	Stmt   ast.Node      // the statement holding it, for ignore directives
	What   string        // "FirstOrCreate", "First then Create", ...
	Insert *ast.CallExpr // the insert, when separate from the lookup
	Table  string
	Model  string // Go type name of the model, "" if none

	Lookup      schema.Lookup
	Why         Reason   // why the lookup cannot be checked; empty when it can
	Unsupported []string // conjuncts that are not equalities
	Dropped     []string // zero-valued struct-condition fields GORM ignores
	SoftDelete  string   // the soft-delete column whose IS NULL the lookup adds
	LiveOnly    string   // the soft-delete column when the lookup skips deleted rows (any soft-delete kind)

	// OwnKeys are the keys the framework's own schema declares for the
	// table: GORM struct tags, ent's generated migrate package and schema.
	OwnKeys []*schema.Table

	Fix Fixer // words the fix in the terms of the code's API

	// Related are further locations the diagnostic names: a helper's own
	// lookup and insert when the get-or-create spans functions.
	Related []analysis.RelatedInformation
	// Chain is set when What names the lookup and the insert with where
	// each is (a get-or-create through helpers): the message then states
	// only what is missing, after a colon.
	Chain bool
}

// KeyTerms are the terms a unique index must cover: all of the lookup's
// but the soft-delete filter, which belongs in a partial index's WHERE.
func (s *Site) KeyTerms() []schema.Term {
	var out []schema.Term
	for _, t := range s.Lookup.Terms {
		if t.IsNull && t.Column == s.SoftDelete && s.SoftDelete != "" {
			continue
		}
		out = append(out, t)
	}
	return out
}

// Upsert is an INSERT that resolves conflicts with a unique key, in terms
// common to raw SQL and GORM's clause.OnConflict.
type Upsert struct {
	Node  ast.Node // where to report: the call
	Stmt  ast.Node // the statement holding it, for ignore directives
	Call  string   // the call, "ExecContext", "Create"
	What  string   // the conflict handling as written, "ON CONFLICT DO NOTHING"
	Table string

	Kind      sqlscan.Upsert
	Conflicts []sqlscan.Conflict
	// TargetWhereUnread is set when a target's WHERE could not be read
	// (GORM's TargetWhere): then any key on the target's columns counts.
	TargetWhereUnread bool
	// SetsPK reports whether the INSERT sets every column of pk; known is
	// false when that cannot be told.
	SetsPK func(pk []string) (set, known bool)
	// Inserted lists the columns the INSERT sets, for the fix; nil if unknown.
	Inserted []string

	Dialect sqlscan.Dialect // the database the SQL runs on; Generic when unknown
	OwnKeys []*schema.Table // keys the framework's own schema declares
	Fix     Fixer
}

// Fix is what the verdict knows when it asks for a fix: the index that
// would back the lookup, every key the table has, and whether a migration
// or the live database describes the table (the schema is managed there,
// so a struct tag would not change the database).
type Fix struct {
	Index    IndexSpec
	Keys     *schema.Table
	Migrated bool
}

// Fixer words fixes in one framework's terms. Empty advice leaves the
// verdict's default: a migration when the table is migrated, else the
// index in words.
type Fixer interface {
	// Advice is the whole fix of an unbacked get-or-create.
	Advice(s *Site, fix Fix) string
	// IndexAdvice says how to add just the index (an upsert's target).
	IndexAdvice(spec IndexSpec, migrated bool) string
	// Edits are the suggested fixes that declare the key in the code.
	Edits(s *Site, fix Fix) []analysis.SuggestedFix
}

// Reason says why a site's lookup cannot be checked; the empty Reason
// means it can. The first reason set is kept: it is the one nearest the
// cause.
type Reason string

// Set records why unless a reason is already known.
func (r *Reason) Set(why string) {
	if *r == "" {
		*r = Reason(why)
	}
}

// Unknown reports whether a reason has been set.
func (r Reason) Unknown() bool { return r != "" }

// ReportNode is the part of a call a diagnostic points at: from the method
// name to the closing parenthesis.
func ReportNode(call *ast.CallExpr) ast.Node {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		return rangeNode{sel.Sel.Pos(), call.End()}
	}
	return call
}

type rangeNode struct{ pos, end token.Pos }

func (r rangeNode) Pos() token.Pos { return r.pos }
func (r rangeNode) End() token.Pos { return r.end }

// PlannedFixer is a Fixer whose edits for one site depend on the fixes
// of the package's other sites (GORM merges the struct-tag settings of
// all of them into one edit per field). The verdict collects the sites it
// reports for a pass and asks a PlannedFixer for all their edits at once;
// Edits is then not called for the sites it plans.
type PlannedFixer interface {
	Fixer
	// PlanEdits returns the suggested fixes of each site of sites whose
	// fix it words (an entry, maybe empty, for every one of them), computed
	// from all of them; sites of other fixers are skipped.
	PlanEdits(fset *token.FileSet, sites []Planned) map[*Site][]analysis.SuggestedFix
}

// Planned is a site whose fix the verdict asks for, with what it knows.
type Planned struct {
	Site *Site
	Fix  Fix
}
