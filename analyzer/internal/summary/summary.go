// Package summary carries what a function of the user's module does to
// the database across function and package boundaries: a lookup (table,
// columns, and how its caller learns that nothing was found), an insert,
// or a test of an error for "not found". Summaries are made from the
// recognisers' own lookups and inserts and the flow analysis of the
// function's body; a call to a summarised function then counts as that
// lookup or insert at the call site, so that the not-found path analysis
// connects a repository's FindByEmail with its Create in the service that
// calls both.
package summary

import (
	"go/ast"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/site"
	"github.com/getorcreatelint/getorcreatelint/schema"
)

// Summary is what one function does to the database, in terms its
// callers can use. Slices only, so that its encoding is deterministic.
type Summary struct {
	Lookups []Lookup
	Inserts []Insert
	// Predicate is set for func(err error) bool that is true exactly when
	// err is a "not found" error.
	Predicate bool
}

// Empty reports whether the summary says nothing.
func (s *Summary) Empty() bool {
	return s == nil || (len(s.Lookups) == 0 && len(s.Inserts) == 0 && !s.Predicate)
}

// Lookup is a lookup a function makes on every call that reaches it, and
// the result through which its caller learns that nothing was found.
type Lookup struct {
	Table       string
	Model       string
	Terms       []schema.Term
	Predicates  []string
	Unsupported []string
	Dropped     []string
	Why         string // why the lookup's columns are unknown; "" when known
	SoftDelete  string
	LiveOnly    string
	OwnKeys     []*schema.Table // keys the framework's schema declares for the table
	Signals     []Signal
	At          Step // the primitive lookup inside the helpers
	// Params are the conditions the caller's arguments give; nil when
	// the helper fixes them all.
	Params *Params
	// Fix is what the recogniser needs to word the fix in the model's
	// terms in a caller's pass; nil when it words none of its own.
	Fix *CarriedFix
}

// CarriedFix is a recogniser's fix wording reduced to data, so that it
// crosses to the callers of a helper in other packages' passes: the
// model's name (its Go type, or its ent schema) and the fields that hold
// the lookup's columns.
type CarriedFix struct {
	Framework string // the recogniser that words it
	Model     string
	Fields    []FieldColumn
}

// Carries reports whether the fix already holds a field for column.
func (c *CarriedFix) Carries(column string) bool {
	for _, f := range c.Fields {
		if f.Column == column {
			return true
		}
	}
	return false
}

// FieldColumn is a field of a model and the column it maps to.
type FieldColumn struct {
	Column string
	// Path is the field's path from the model's Go type (GORM, bun), or
	// the name of the ent schema's field or edge.
	Path []string
	// Edge: Path names the edge whose foreign key the column holds, not
	// a field (ent).
	Edge bool
	// Const is the generated constant that names the column in code,
	// user.FieldEmail (ent); "" when the framework has none.
	Const string
}

// Carrier is a site.Fixer whose wording can be carried to a helper's
// callers.
type Carrier interface {
	Carry(s *site.Site) *CarriedFix
}

// FixProvider is a Provider that turns the fixes its fixers carried back
// into a fixer, in a caller's pass.
type FixProvider interface {
	FixerOf(c *CarriedFix) site.Fixer // nil when c is not its own
}

// Insert is an insert a function makes on every path that returns.
type Insert struct {
	Table string   // "" when Model is set
	Model ModelRef // the caller decides the model: Create(t *T)
	At    Step     // the primitive insert inside the helpers
}

// SignalKind says how a caller learns that a lookup found nothing.
type SignalKind uint8

const (
	// ErrResult: the result is the lookup's own error (returned as is or
	// wrapped with %w), a framework's "no rows" sentinel when nothing was
	// found, nil when a row was.
	ErrResult SignalKind = iota + 1
	// SentinelResult: the result is the package's own sentinel (Sentinel)
	// when nothing was found, nil when a row was.
	SentinelResult
	// BoolResult: the result is false when nothing was found, true when a
	// row was (found, exists, count > 0).
	BoolResult
	// NilResult: the result is nil when nothing was found, non-nil when a
	// row was.
	NilResult
)

// Signal is one result of a lookup helper that tells a miss.
type Signal struct {
	Kind     SignalKind
	Result   int
	Sentinel flow.Var // for SentinelResult
}

// Step is where a primitive lookup or insert is, for messages.
type Step struct {
	Func string // the helper called, "FindTagByName"
	File string // the file's name as the helper's pass knows it
	Line int
	Col  int
}

// LookupCall is a lookup found in a function: a recogniser's own call or
// a call of a summarised helper.
type LookupCall struct {
	Call   *ast.CallExpr
	Handle *flow.Handle
	Site   *site.Site // table, lookup terms, why unknown, keys; Node and Stmt set
	At     Step       // for a helper call: the primitive inside it
	Helper string     // the helper's name; "" for a recogniser's own call
	// Signals are a helper's results that tell a miss, for a caller that
	// returns the helper's results as they are (return find(x)).
	Signals []Signal
	// Complete, when set, fills in the parts of Site that take reading
	// files (lookup terms, why unknown, keys): it is called only for a
	// lookup that goes into a summary or a site, so that a package with
	// neither reads nothing.
	Complete func(*site.Site)
	// Params are the conditions a recogniser's own lookup takes from the
	// function's parameters (see Template); Base is then the lookup
	// without them, for the summary. Site stays the lookup as the
	// function itself reads it.
	Params *Params
	Base   *site.Site
}

// InsertCall is an insert found in a function.
type InsertCall struct {
	Call   *ast.CallExpr
	Table  string
	What   string // the call's name: "Create", "INSERT"
	At     Step
	Helper string
	// Model: the function's caller decides the model (Table is "").
	Model ModelRef
}

// Provider is a recogniser that lists the lookups and inserts of a
// function one by one, for summaries and for pairing with helpers.
type Provider interface {
	Lookups(fn *flow.Func, calls []flow.Call) []LookupCall
	Inserts(fn *flow.Func, calls []flow.Call) []InsertCall
}
