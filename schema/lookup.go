package schema

import (
	"fmt"
	"strings"
)

// Term is one thing a lookup pins down: a column (or an expression over
// columns) equal to a value, or a column that must be NULL.
type Term struct {
	Column    string // the column compared; "" when Expr is set
	Expr      string // normalised expression compared, e.g. lower(email)
	Value     string // normalised literal when the value is a known constant
	IsNull    bool   // the lookup requires Column IS NULL
	MayBeNull bool   // the value may be NULL at run time (pointer, sql.Null*, nil)
}

// String renders the term as it appears in messages.
func (t Term) String() string {
	if t.Expr != "" {
		return t.Expr
	}
	return t.Column
}

// Lookup is the WHERE clause of a get-or-create lookup, reduced to what the
// backing rule needs.
type Lookup struct {
	Terms []Term
	// Predicates are further conjuncts the lookup implies that are not
	// equalities, normalised (sqlscan.Normalize), such as "email is not null".
	Predicates []string
}

// Columns lists the terms' columns and expressions for messages, without
// the terms that only require NULL (such as the soft-delete filter).
func (l Lookup) Columns() []string {
	var out []string
	for _, t := range l.Terms {
		if t.IsNull {
			continue
		}
		out = append(out, t.String())
	}
	return out
}

// ColumnList renders Columns as "(a, b)".
func (l Lookup) ColumnList() string {
	return "(" + strings.Join(l.Columns(), ", ") + ")"
}

func (l Lookup) term(column string) (Term, bool) {
	for _, t := range l.Terms {
		if t.Expr == "" && t.Column == column {
			return t, true
		}
	}
	return Term{}, false
}

func (l Lookup) exprTerm(expr string) (Term, bool) {
	for _, t := range l.Terms {
		if t.Expr == expr {
			return t, true
		}
	}
	return Term{}, false
}

// Miss is a key that does not back a lookup, and why.
type Miss struct {
	Key     *Key
	Reason  string
	Shared  int      // parts of the key the lookup does pin
	Missing []string // parts of the key the lookup does not pin, when that is why it fails
}

// NeedsColumns reports whether the key fails only because the lookup does
// not pin all of its columns.
func (m Miss) NeedsColumns() bool { return len(m.Missing) > 0 }

func (m Miss) String() string {
	return fmt.Sprintf("%s %s %s", m.Key.Kind, m.Key.Describe(), m.Reason)
}

// Verdict is the outcome of checking a lookup against a table's keys.
type Verdict struct {
	Backed bool
	By     *Key   // the first key that backs the lookup
	Misses []Miss // keys that do not, most relevant first
}
