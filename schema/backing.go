package schema

import (
	"fmt"
	"sort"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// Check decides whether a unique key of t backs lookup l: whether two
// concurrent inserts of rows that l would have found must conflict.
//
// A key K backs l when K has at least one part and every part is pinned by l:
//   - a column part needs an equality term on that column whose value cannot
//     be NULL, unless K is NULLS NOT DISTINCT or the column is NOT NULL
//     (NULLs never conflict in a unique index);
//   - an expression part needs a term on the same expression, or plain
//     terms on every column the expression reads if it is deterministic
//     (a unique lower(email) backs a lookup on email);
//   - a partial key's predicate must be implied by the lookup.
//
// A key on a subset of the lookup's columns backs it; a key on a superset
// does not. A key marked Uncertain still counts: when the schema state is in
// doubt the linter stays silent.
func Check(t *Table, l Lookup) Verdict {
	var v Verdict
	if t == nil {
		return v
	}
	for _, k := range t.Keys {
		if len(k.Parts) == 0 {
			continue
		}
		m := keyBacks(t, k, l)
		if m.Reason == "" {
			v.Backed, v.By = true, k
			v.Misses = nil
			return v
		}
		v.Misses = append(v.Misses, m)
	}
	sort.SliceStable(v.Misses, func(i, j int) bool {
		return missRank(v.Misses[i]) < missRank(v.Misses[j])
	})
	return v
}

// missRank orders misses for messages: a key failing on NULLs or on a
// predicate first (it covers the columns), then keys needing fewest extra
// columns, and keys sharing no column with the lookup last.
func missRank(m Miss) int {
	if !m.NeedsColumns() {
		return 0
	}
	missing := len(m.Key.Parts) - m.Shared
	if m.Shared == 0 {
		return 1000 + missing
	}
	return missing
}

// keyBacks returns a Miss whose Reason is "" when k backs l.
func keyBacks(t *Table, k *Key, l Lookup) Miss {
	m := Miss{Key: k}
	var missing []string
	for _, p := range k.Parts {
		switch reason := partPinned(t, k, p, l); {
		case reason == "":
			m.Shared++
		case strings.HasPrefix(reason, "missing"):
			missing = append(missing, p.String())
		default:
			m.Shared++
			if m.Reason == "" {
				m.Reason = reason
			}
		}
	}
	switch {
	case len(missing) > 0:
		m.Reason = "also needs " + strings.Join(missing, ", ")
		m.Missing = missing
	case m.Reason != "":
	case k.Where != "" && !Implies(l, k.Where):
		m.Reason = fmt.Sprintf("is partial and the lookup does not imply %s", k.Where)
	}
	return m
}

func partPinned(t *Table, k *Key, p KeyPart, l Lookup) string {
	if p.Expr != "" {
		if _, ok := l.exprTerm(p.Expr); ok {
			return ""
		}
		toks := sqlscan.ExprTokens(p.Expr)
		cols := sqlscan.ExprColumns(toks)
		if len(cols) == 0 || !sqlscan.Deterministic(toks) {
			return "missing"
		}
		for _, c := range cols {
			term, ok := l.term(c)
			if !ok || term.IsNull || term.MayBeNull {
				return "missing"
			}
		}
		return ""
	}
	term, ok := l.term(p.Column)
	if !ok {
		return "missing"
	}
	if k.NullsNotDistinct || k.Kind == PrimaryKey {
		return ""
	}
	switch {
	case term.IsNull:
		return fmt.Sprintf("does not help: the lookup requires %s IS NULL and NULLs never conflict", p.Column)
	case term.MayBeNull && !t.ColumnNotNull(p.Column):
		return fmt.Sprintf("does not help when %s is NULL: NULLs never conflict", p.Column)
	}
	return ""
}

// Implies reports whether the lookup guarantees the predicate pred of a
// partial index: every conjunct of pred must be an equality, IS NULL or
// IS NOT NULL that a lookup term (or predicate) establishes.
func Implies(l Lookup, pred string) bool {
	w := sqlscan.ParseWhere(sqlscan.Lex(pred, sqlscan.Generic))
	if len(w.Unsupported) > 0 {
		return false
	}
	for _, c := range w.Conds {
		if !impliesCond(l, c) {
			return false
		}
	}
	return true
}

func impliesCond(l Lookup, c sqlscan.Condition) bool {
	var term Term
	var ok bool
	if c.Expr != "" {
		term, ok = l.exprTerm(c.Expr)
	} else {
		term, ok = l.term(c.Column)
	}
	text := conditionText(c)
	for _, p := range l.Predicates {
		if p == text {
			return true
		}
	}
	if !ok {
		return false
	}
	switch c.Op {
	case sqlscan.IsNull:
		return term.IsNull
	case sqlscan.IsNotNull:
		return !term.IsNull && !term.MayBeNull
	}
	return c.Value.Kind == sqlscan.Literal && term.Value != "" && sameLiteral(term.Value, c.Value.Text)
}

func conditionText(c sqlscan.Condition) string {
	lhs := c.Column
	if c.Expr != "" {
		lhs = c.Expr
	}
	switch c.Op {
	case sqlscan.IsNull:
		return lhs + " is null"
	case sqlscan.IsNotNull:
		return lhs + " is not null"
	}
	return lhs + " = " + c.Value.Text
}

// sameLiteral compares normalised literals, treating the spellings of SQL
// booleans alike.
func sameLiteral(a, b string) bool {
	return canonicalLiteral(a) == canonicalLiteral(b)
}

func canonicalLiteral(s string) string {
	switch strings.ToLower(s) {
	case "true", "'t'", "'true'", "1", "'1'", "'y'", "'yes'":
		return "true"
	case "false", "'f'", "'false'", "0", "'0'", "'n'", "'no'":
		return "false"
	}
	return s
}

// Merge returns a table holding the keys and columns of all the given
// tables (nil entries are skipped); a key declared in any source counts.
func Merge(name string, tables ...*Table) *Table {
	out := NewTable(name)
	for _, t := range tables {
		if t == nil {
			continue
		}
		out.MergeFrom(t)
	}
	return out
}
