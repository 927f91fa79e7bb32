package sqlscan

import (
	"strconv"
	"strings"
)

// CondOp is the comparison of a Condition.
type CondOp uint8

const (
	Eq        CondOp = iota // column = value (also ==, <=>, IS TRUE, a bare boolean column)
	IsNull                  // column IS NULL
	IsNotNull               // column IS NOT NULL
)

// OperandKind classifies the value side of an equality.
type OperandKind uint8

const (
	Placeholder OperandKind = iota // a single bind parameter
	Literal                        // a constant: 'x', 42, true
	Expression                     // an expression over parameters and constants, e.g. lower(?)
)

// ParamRef identifies a bind parameter: Index is its 0-based position for
// ?, ?N and $N; Name is set (and Index is -1) for :name and @name.
type ParamRef struct {
	Index int
	Name  string
}

// Operand is the value a column is compared with.
type Operand struct {
	Kind   OperandKind
	Text   string     // normalised text of a literal or expression
	Params []ParamRef // the parameters the operand reads
}

// Condition is one conjunct of a WHERE clause that pins a column, or an
// expression over columns, to a value or to NULL.
type Condition struct {
	Qualifier string   // table or alias written before the column, "" if none
	Column    string   // the column when the left side is a plain column
	Expr      string   // normalised left side when it is an expression
	Columns   []string // columns the left side reads
	Op        CondOp
	Value     Operand // the right side of an Eq
}

// Where is a WHERE clause read as a conjunction. Conjuncts that do not pin a
// column (OR, IN, LIKE, ranges, subqueries, column-to-column comparisons)
// are listed in Unsupported by the operator that made them so.
type Where struct {
	Conds       []Condition
	Unsupported []string
	Positional  int // number of positional placeholders
}

// ParseWhere reads tokens (without EOF) of a WHERE clause body.
func ParseWhere(toks []Token) Where {
	toks = trimEOF(toks)
	var w Where
	params := numberParams(toks, &w.Positional)
	w.addConjunction(toks, params)
	return w
}

// addConjunction adds the conjuncts of toks; a parenthesised conjunction
// nested in the clause, (a = ? AND b = ?), is flattened into it.
func (w *Where) addConjunction(toks []Token, params map[int]ParamRef) {
	for _, conj := range SplitTopLevel(toks, "and") {
		conj = stripOuterParens(conj)
		if len(conj) == 0 {
			continue
		}
		if len(SplitTopLevel(conj, "and")) > 1 {
			w.addConjunction(conj, params)
			continue
		}
		c, reason, skip := parseConjunct(conj, params)
		switch {
		case skip:
		case reason != "":
			w.Unsupported = append(w.Unsupported, reason)
		default:
			w.Conds = append(w.Conds, c)
		}
	}
}

// numberParams maps each placeholder token (by offset) to its ParamRef.
func numberParams(toks []Token, positional *int) map[int]ParamRef {
	refs := map[int]ParamRef{}
	next := 0
	for _, t := range toks {
		if t.Kind != Param {
			continue
		}
		switch {
		case t.Text == "?":
			refs[t.Off] = ParamRef{Index: next}
			next++
		case t.Text[0] == '?' || t.Text[0] == '$':
			// $N and ?N number from 1; drivers allow at most 65535. A
			// number outside that binds no known argument (Index -1).
			n, err := strconv.Atoi(t.Text[1:])
			if err != nil || n < 1 || n > 65535 {
				refs[t.Off] = ParamRef{Index: -1}
				continue
			}
			refs[t.Off] = ParamRef{Index: n - 1}
			if n > next {
				next = n
			}
		default:
			refs[t.Off] = ParamRef{Index: -1, Name: t.Text[1:]}
		}
	}
	*positional = next
	return refs
}

// stripOuterParens removes parentheses around the whole of toks. An
// unclosed one stays (matchParen runs it to the end): dropping it, and the
// last token with it, would make "(a" or "((" read as no condition at all.
func stripOuterParens(toks []Token) []Token {
	for len(toks) >= 2 && toks[0].IsPunct("(") && toks[len(toks)-1].IsPunct(")") && matchParen(toks, 0) == len(toks)-1 {
		toks = toks[1 : len(toks)-1]
	}
	return toks
}

// parseConjunct reads one conjunct. It returns skip for a tautology such as
// 1 = 1 or TRUE, and a non-empty reason when the conjunct does not pin a
// column.
func parseConjunct(toks []Token, params map[int]ParamRef) (c Condition, reason string, skip bool) {
	if len(SplitTopLevel(toks, "or")) > 1 {
		return c, "OR", false
	}
	if len(toks) > 0 && (toks[0].IsPunct("(") || toks[0].Is("exists")) && len(toks) > 1 && (toks[1].Is("select") || toks[0].Is("exists")) {
		return c, "subquery", false
	}
	op, at := findComparison(toks)
	switch op {
	case "":
		return boolConjunct(toks)
	case "=", "==", "<=>":
		return equality(toks[:at], toks[at+1:], params)
	case "is":
		return isConjunct(toks, at)
	}
	return c, strings.ToUpper(op), false
}

// comparisonKeywords are word operators that end a conjunct's left side.
var comparisonKeywords = map[string]bool{
	"is": true, "in": true, "like": true, "ilike": true, "between": true, "similar": true,
	"regexp": true, "rlike": true, "glob": true, "match": true, "not": true, "overlaps": true,
}

// findComparison returns the first top-level comparison operator and its
// index. A leading NOT (NOT active) is not a comparison.
func findComparison(toks []Token) (string, int) {
	depth := 0
	for i, t := range toks {
		switch {
		case t.IsPunct("(") || t.IsPunct("["):
			depth++
			continue
		case t.IsPunct(")") || t.IsPunct("]"):
			depth--
			continue
		}
		if depth != 0 {
			continue
		}
		if t.Kind == Op {
			switch t.Text {
			case "=", "==", "<=>", "<>", "!=", "<", ">", "<=", ">=", "~", "~*", "!~", "!~*", "~~", "@>", "<@", "&&":
				return t.Text, i
			}
		}
		if t.Kind == Ident && comparisonKeywords[strings.ToLower(t.Text)] {
			if t.Is("not") && i == 0 {
				continue
			}
			if t.Is("not") && i+1 < len(toks) {
				return "not " + strings.ToLower(toks[i+1].Text), i
			}
			return strings.ToLower(t.Text), i
		}
	}
	return "", -1
}

func boolConjunct(toks []Token) (c Condition, reason string, skip bool) {
	value := "true"
	if len(toks) > 0 && toks[0].Is("not") {
		value, toks = "false", toks[1:]
	}
	toks = stripOuterParens(toks)
	if len(toks) == 1 && (toks[0].Is("true") || (toks[0].Kind == Number && toks[0].Text != "0")) {
		if value == "true" {
			return c, "", true // TRUE: no condition
		}
		return c, "constant false", false // NOT TRUE: matches no row
	}
	if col, qual, ok := plainColumn(toks); ok {
		c = Condition{Qualifier: qual, Column: col, Columns: []string{col}, Op: Eq,
			Value: Operand{Kind: Literal, Text: value}}
		return c, "", false
	}
	return c, "expression", false
}

func isConjunct(toks []Token, at int) (c Condition, reason string, skip bool) {
	lhs, rest := toks[:at], toks[at+1:]
	col, qual, ok := plainColumn(stripOuterParens(lhs))
	var expr string
	var cols []string
	if !ok {
		norm := NormalizeTokens(lhs)
		cols = ExprColumns(norm)
		if len(cols) == 0 {
			return c, "expression", false
		}
		expr = Render(norm)
	} else {
		cols = []string{col}
	}
	c = Condition{Qualifier: qual, Column: col, Expr: expr, Columns: cols}
	switch {
	case len(rest) == 1 && rest[0].Is("null"):
		c.Op = IsNull
	case len(rest) == 2 && rest[0].Is("not") && rest[1].Is("null"):
		c.Op = IsNotNull
	case len(rest) == 1 && (rest[0].Is("true") || rest[0].Is("false")):
		c.Op = Eq
		c.Value = Operand{Kind: Literal, Text: strings.ToLower(rest[0].Text)}
	default:
		return Condition{}, "IS " + strings.ToUpper(Render(rest)), false
	}
	return c, "", false
}

func equality(lhs, rhs []Token, params map[int]ParamRef) (c Condition, reason string, skip bool) {
	lhs, rhs = stripOuterParens(lhs), stripOuterParens(rhs)
	lcols, rcols := ExprColumns(NormalizeTokens(lhs)), ExprColumns(NormalizeTokens(rhs))
	switch {
	case len(lcols) > 0 && len(rcols) > 0:
		return c, "column comparison", false
	case len(lcols) == 0 && len(rcols) == 0:
		if hasParam(lhs) || hasParam(rhs) {
			return c, "expression", false
		}
		return c, "", true // constant comparison such as 1 = 1
	case len(lcols) == 0:
		lhs, rhs = rhs, lhs
	}
	value, ok := operand(rhs, params)
	if !ok {
		return c, "= NULL", false
	}
	if col, qual, ok := plainColumn(lhs); ok {
		return Condition{Qualifier: qual, Column: col, Columns: []string{col}, Op: Eq, Value: value}, "", false
	}
	norm := NormalizeTokens(lhs)
	if !Deterministic(norm) {
		return c, "volatile expression", false
	}
	return Condition{Expr: Render(norm), Columns: ExprColumns(norm), Op: Eq, Value: value}, "", false
}

func hasParam(toks []Token) bool {
	for _, t := range toks {
		if t.Kind == Param {
			return true
		}
	}
	return false
}

// operand classifies the value side of an equality. It reports false for
// NULL: "col = NULL" is never true in SQL.
func operand(toks []Token, params map[int]ParamRef) (Operand, bool) {
	var refs []ParamRef
	for _, t := range toks {
		if t.Kind == Param {
			refs = append(refs, params[t.Off])
		}
	}
	norm := NormalizeTokens(toks)
	switch {
	case len(norm) == 1 && norm[0].Kind == Param:
		return Operand{Kind: Placeholder, Text: "?", Params: refs}, true
	case len(norm) == 1 && norm[0].Is("null"):
		return Operand{}, false
	case len(norm) == 1 && (norm[0].Kind == String || norm[0].Kind == Number || norm[0].Is("true") || norm[0].Is("false")):
		return Operand{Kind: Literal, Text: Render(norm)}, true
	case len(norm) == 2 && norm[0].IsPunct("-") && norm[1].Kind == Number:
		return Operand{Kind: Literal, Text: "-" + norm[1].Text}, true
	}
	return Operand{Kind: Expression, Text: Render(norm), Params: refs}, true
}

// plainColumn recognises name or qualifier.name (each possibly quoted).
// An empty quoted identifier ("") is no column: servers reject it.
func plainColumn(toks []Token) (col, qualifier string, ok bool) {
	if len(toks) == 0 || toks[len(toks)-1].Name() == "" {
		return "", "", false
	}
	switch {
	case len(toks) == 1 && toks[0].IsName() && !isKeywordValue(toks[0]):
		return toks[0].Name(), "", true
	case len(toks) == 3 && (toks[0].IsName() || toks[0].Kind == Template) && toks[1].IsPunct(".") && toks[2].IsName():
		return toks[2].Name(), toks[0].Name(), true
	case len(toks) == 5 && toks[1].IsPunct(".") && toks[3].IsPunct(".") && toks[4].IsName():
		return toks[4].Name(), toks[2].Name(), true // schema.table.column
	}
	return "", "", false
}

func isKeywordValue(t Token) bool {
	return t.Is("null") || t.Is("true") || t.Is("false") || t.Is("current_timestamp") ||
		t.Is("current_date") || t.Is("current_time")
}
