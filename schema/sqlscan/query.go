package sqlscan

import (
	"strconv"
	"strings"
)

// QueryKind is the kind of statement a query string holds.
type QueryKind uint8

const (
	OtherQuery QueryKind = iota // anything but SELECT and INSERT, or several statements
	SelectQuery
	InsertQuery
)

// Upsert says how an INSERT treats a row that conflicts with a unique key.
type Upsert uint8

const (
	NoUpsert       Upsert = iota
	OnConflict            // PostgreSQL, SQLite: ON CONFLICT ... DO NOTHING | DO UPDATE
	InsertIgnore          // MySQL: INSERT IGNORE
	OnDuplicateKey        // MySQL: ON DUPLICATE KEY UPDATE
	OrIgnore              // SQLite: INSERT OR IGNORE
	OrReplace             // SQLite INSERT OR REPLACE, and REPLACE INTO
)

func (u Upsert) String() string {
	switch u {
	case OnConflict:
		return "ON CONFLICT"
	case InsertIgnore:
		return "INSERT IGNORE"
	case OnDuplicateKey:
		return "ON DUPLICATE KEY UPDATE"
	case OrIgnore:
		return "INSERT OR IGNORE"
	case OrReplace:
		return "REPLACE"
	}
	return ""
}

// Conflict is one ON CONFLICT clause of an INSERT.
type Conflict struct {
	// Target lists the conflict target's items, normalised: column names,
	// or expressions such as lower(email). Empty when the clause has no
	// target (ON CONFLICT DO NOTHING) or names a constraint.
	Target []string
	// Where is the target's normalised predicate, which lets PostgreSQL and
	// SQLite pick a partial unique index; "" when absent.
	Where      string
	WhereToks  []Token // the predicate's tokens, for reading its conjuncts
	Constraint string  // ON CONFLICT ON CONSTRAINT name
	DoNothing  bool    // DO NOTHING rather than DO UPDATE
}

// Query is the shape of a SELECT or INSERT statement, as far as a
// get-or-create check needs it. Shapes it cannot read safely (joins,
// subqueries in FROM, CTEs, set operations, several statements) have
// Unknown set; Kind and Table are still filled in when they can be told.
type Query struct {
	Kind    QueryKind
	Table   string // the (first) table, normalised; schema.table when qualified
	Alias   string // the table's alias in a SELECT, normalised
	Unknown string // why the shape cannot be read; "" when it can

	// SELECT: the WHERE clause (conditions qualified by another name than
	// the table or its alias make the shape unknown).
	Where    Where
	HasWhere bool
	// Count is set for SELECT COUNT(...) FROM ...: zero means no row
	// matched. Exists is set for SELECT EXISTS (SELECT ... FROM t WHERE
	// ...), whose Table and Where are the subquery's: false means no row.
	Count  bool
	Exists bool
	// Constant is set for a select list of one constant that is true or
	// a non-zero number (SELECT 1 FROM t WHERE ..., SELECT true ...): a
	// row found scans it, none leaves the destination as it was.
	Constant bool

	// INSERT: the column list (nil when none is written: every column is
	// set), how conflicts are handled, and the ON CONFLICT clauses.
	Columns   []string
	Upsert    Upsert
	Conflicts []Conflict
	Returning bool
	// Guard is the lookup of INSERT ... SELECT ... WHERE NOT EXISTS
	// (SELECT ... FROM t WHERE ...): the insert runs when it finds nothing.
	// nil when the INSERT has no such guard.
	Guard *Query
}

// ParseQuery reads the shape of one SQL statement. Like Lex it never
// fails: what it cannot read is described by Query.Unknown.
func ParseQuery(src string, d Dialect) Query {
	toks := trimEOF(Lex(src, d))
	for len(toks) > 0 && toks[len(toks)-1].IsPunct(";") {
		toks = toks[:len(toks)-1]
	}
	if len(toks) == 0 {
		return Query{Unknown: "empty query"}
	}
	if len(SplitTopLevelPunct(toks, ";")) > 1 {
		return Query{Kind: mainVerb(toks), Unknown: "several statements"}
	}
	switch {
	case toks[0].Is("with"):
		return Query{Kind: mainVerb(toks), Unknown: "a CTE (WITH)"}
	case toks[0].Is("select"):
		return parseSelect(toks)
	case toks[0].Is("insert") || toks[0].Is("replace"):
		return parseInsert(toks)
	}
	return Query{Kind: OtherQuery}
}

// mainVerb finds the kind of a statement from its first top-level SELECT
// or INSERT keyword (after a CTE's definitions, which are parenthesised).
func mainVerb(toks []Token) QueryKind {
	depth := 0
	for _, t := range toks {
		switch {
		case t.IsPunct("("):
			depth++
		case t.IsPunct(")"):
			depth--
		case depth == 0 && t.Is("select"):
			return SelectQuery
		case depth == 0 && (t.Is("insert") || t.Is("replace")):
			return InsertQuery
		case depth == 0 && (t.Is("update") || t.Is("delete") || t.Is("merge")):
			return OtherQuery
		}
	}
	return OtherQuery
}

// selectEnd are keywords that end a SELECT's WHERE clause; the value says
// why a clause starting with it makes the shape unknown, "" if it does not.
var selectEnd = map[string]string{
	"order": "", "limit": "", "offset": "", "fetch": "", "for": "", "lock": "",
	"group": "GROUP BY", "having": "HAVING", "window": "WINDOW",
	"union": "UNION", "intersect": "INTERSECT", "except": "EXCEPT", "into": "SELECT INTO",
}

// joinWords follow a table in FROM when the query joins tables.
var joinWords = map[string]bool{
	"join": true, "inner": true, "left": true, "right": true, "full": true, "cross": true,
	"natural": true, "straight_join": true, "outer": true, "lateral": true, "using": true,
}

func parseSelect(toks []Token) Query {
	q := Query{Kind: SelectQuery}
	from := indexTopLevel(toks, "from")
	if from < 0 {
		return existsSelect(toks)
	}
	q.Count = isCountList(toks[1:from])
	q.Constant = isTruthyConstantList(toks[1:from])
	rest := toks[from+1:]
	table, n := tableName(rest)
	if n == 0 {
		if len(rest) > 0 && (rest[0].IsPunct("(") || rest[0].Is("lateral")) {
			q.Unknown = "a subquery in FROM"
		} else {
			q.Unknown = "no table after FROM"
		}
		return q
	}
	q.Table = table
	rest = rest[n:]
	// [AS] alias
	if len(rest) > 1 && rest[0].Is("as") && rest[1].IsName() {
		q.Alias, rest = rest[1].Name(), rest[2:]
	} else if len(rest) > 0 && rest[0].IsName() && !isClauseWord(rest[0]) {
		q.Alias, rest = rest[0].Name(), rest[1:]
	}
	if len(rest) > 0 && (rest[0].IsPunct(",") || (rest[0].Kind == Ident && joinWords[strings.ToLower(rest[0].Text)])) {
		q.Unknown = "a JOIN"
		return q
	}
	// The clauses after FROM: WHERE, then what ends it.
	end, depth := len(rest), 0
	for i, t := range rest {
		depth += parenDelta(t)
		if t.Kind != Ident || depth != 0 {
			continue
		}
		why, ok := selectEnd[strings.ToLower(t.Text)]
		if !ok {
			continue
		}
		if why != "" {
			q.Unknown = why
			return q
		}
		if end == len(rest) {
			end = i
		}
	}
	if len(rest) > 0 && !rest[0].Is("where") && end != 0 {
		q.Unknown = "unexpected " + rest[0].Text + " after the table"
		return q
	}
	if len(rest) == 0 || end == 0 {
		return q // no WHERE clause
	}
	q.HasWhere = true
	where := rest[1:end]
	q.Where = ParseWhere(where)
	// Unnumbered ? placeholders before WHERE shift the WHERE's positions.
	if shift := countUnnumbered(toks[:len(toks)-len(rest)]); shift > 0 {
		for i := range q.Where.Conds {
			for j, p := range q.Where.Conds[i].Value.Params {
				if p.Index >= 0 {
					q.Where.Conds[i].Value.Params[j].Index += shift
				}
			}
		}
	}
	for _, c := range q.Where.Conds {
		if c.Qualifier != "" && c.Qualifier != q.Alias && c.Qualifier != q.Table && c.Qualifier != lastPart(q.Table) {
			q.Unknown = "a condition names another table (" + c.Qualifier + ")"
			return q
		}
	}
	return q
}

// existsSelect reads SELECT EXISTS (SELECT ... FROM t WHERE ...) [AS x].
func existsSelect(toks []Token) Query {
	q := Query{Kind: SelectQuery}
	if len(toks) < 4 || !toks[1].Is("exists") || !toks[2].IsPunct("(") {
		q.Unknown = "no FROM"
		return q
	}
	inner, next := group(toks, 2)
	rest := toks[next:]
	if !onlyAlias(rest) {
		q.Unknown = "EXISTS is part of a larger expression"
		return q
	}
	if len(inner) == 0 || !inner[0].Is("select") {
		q.Unknown = "EXISTS without a SELECT"
		return q
	}
	sub := parseSelect(inner)
	if sub.Exists || sub.Count {
		sub.Unknown = "a nested EXISTS or COUNT"
	}
	sub.Exists, sub.Count, sub.Constant = true, false, false
	return sub
}

// isCountList reports whether a select list is a single COUNT(...) call,
// possibly aliased.
func isCountList(list []Token) bool {
	if len(list) < 3 || !list[0].Is("count") || !list[1].IsPunct("(") {
		return false
	}
	_, next := group(list, 1)
	return onlyAlias(list[next:])
}

// onlyAlias reports whether what follows a select item is at most its
// alias: nothing, a name, or AS and a name.
func onlyAlias(rest []Token) bool {
	return len(rest) == 0 || (len(rest) == 1 && rest[0].IsName()) || (len(rest) == 2 && rest[0].Is("as"))
}

// isTruthyConstantList reports whether a select list is one literal that
// is true or a non-zero number, with an optional alias.
func isTruthyConstantList(list []Token) bool {
	if len(list) == 0 {
		return false
	}
	if !onlyAlias(list[1:]) {
		return false
	}
	switch t := list[0]; t.Kind {
	case Number:
		v, err := strconv.ParseFloat(t.Text, 64)
		return err == nil && v != 0
	case Ident:
		return t.Is("true")
	}
	return false
}

// clauseWords cannot be a table alias.
var clauseWords = map[string]bool{
	"where": true, "order": true, "group": true, "having": true, "limit": true, "offset": true,
	"fetch": true, "for": true, "lock": true, "union": true, "intersect": true, "except": true,
	"window": true, "into": true, "on": true, "values": true, "set": true, "default": true,
	"returning": true, "select": true,
}

func isClauseWord(t Token) bool {
	return t.Kind == Ident && (clauseWords[strings.ToLower(t.Text)] || joinWords[strings.ToLower(t.Text)])
}

// tableName reads name or schema.name at the start of toks and returns it
// normalised with the number of tokens used (0 when toks does not start
// with a name).
func tableName(toks []Token) (string, int) {
	if len(toks) == 0 || !toks[0].IsName() || isClauseWord(toks[0]) {
		return "", 0
	}
	name, n := toks[0].Name(), 1
	for n+1 < len(toks) && toks[n].IsPunct(".") && toks[n+1].IsName() {
		name += "." + toks[n+1].Name()
		n += 2
	}
	return name, n
}

func lastPart(name string) string {
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		return name[i+1:]
	}
	return name
}

// indexTopLevel returns the index of the first unparenthesised keyword kw.
func indexTopLevel(toks []Token, kw string) int {
	depth := 0
	for i, t := range toks {
		switch {
		case t.IsPunct("("):
			depth++
		case t.IsPunct(")"):
			depth--
		case depth == 0 && t.Is(kw):
			return i
		}
	}
	return -1
}

// group returns the tokens inside the parenthesis at toks[open] and the
// index after its closing one; an unclosed group runs to the end.
func group(toks []Token, open int) (inner []Token, next int) {
	closing := matchParen(toks, open)
	if closing <= open || !toks[closing].IsPunct(")") {
		return toks[open+1:], len(toks)
	}
	return toks[open+1 : closing], closing + 1
}

// parenDelta is how a token changes the parenthesis depth.
func parenDelta(t Token) int {
	switch {
	case t.IsPunct("("):
		return 1
	case t.IsPunct(")"):
		return -1
	}
	return 0
}

func countUnnumbered(toks []Token) int {
	n := 0
	for _, t := range toks {
		if t.Kind == Param && t.Text == "?" {
			n++
		}
	}
	return n
}

// insertModifiers are MySQL's words between INSERT/REPLACE and INTO.
var insertModifiers = map[string]bool{"low_priority": true, "delayed": true, "high_priority": true}

func parseInsert(toks []Token) Query {
	q := Query{Kind: InsertQuery}
	i := 1
	if toks[0].Is("replace") {
		q.Upsert = OrReplace
	}
	for i < len(toks) {
		t := toks[i]
		switch {
		case t.Kind == Ident && insertModifiers[strings.ToLower(t.Text)]:
			i++
			continue
		case t.Is("ignore"):
			q.Upsert = InsertIgnore
			i++
			continue
		case t.Is("or") && i+1 < len(toks):
			switch {
			case toks[i+1].Is("ignore"):
				q.Upsert = OrIgnore
			case toks[i+1].Is("replace"):
				q.Upsert = OrReplace
			}
			i += 2
			continue
		}
		break
	}
	if i < len(toks) && toks[i].Is("into") {
		i++
	}
	table, n := tableName(toks[i:])
	if n == 0 {
		q.Unknown = "no table after INTO"
		return q
	}
	q.Table = table
	i += n
	if i+1 < len(toks) && toks[i].Is("as") && toks[i+1].IsName() {
		i += 2 // PostgreSQL: INSERT INTO t AS alias
	}
	if i < len(toks) && toks[i].IsPunct("(") && !(i+1 < len(toks) && toks[i+1].Is("select")) {
		var list []Token
		list, i = group(toks, i)
		for _, item := range SplitTopLevelPunct(list, ",") {
			if col, _, ok := plainColumn(item); ok {
				q.Columns = append(q.Columns, col)
			}
		}
	} else if i < len(toks) && toks[i].Is("set") {
		// MySQL: INSERT INTO t SET a = ?, b = ?
		q.Columns = []string{}
		for _, a := range SplitTopLevelPunct(toks[i+1:], ",") {
			if len(a) >= 2 && a[0].IsName() && a[1].IsPunct("=") {
				q.Columns = append(q.Columns, a[0].Name())
			}
		}
	}
	q.readTail(toks[i:])
	q.Guard = notExistsGuard(toks, i)
	return q
}

// notExistsGuard reads the check-then-insert written as one statement,
// INSERT INTO t (...) SELECT ... WHERE [... AND] NOT EXISTS (SELECT ...
// FROM t WHERE ...) [ON CONFLICT ... | RETURNING ...]: the subquery is a
// lookup, and the source SELECT yields its row only when that finds
// nothing. start indexes the token after the column list.
func notExistsGuard(toks []Token, start int) *Query {
	if start >= len(toks) || !toks[start].Is("select") {
		return nil
	}
	where := -1
	end, depth := len(toks), 0
	for i := start; i < len(toks); i++ {
		if depth += parenDelta(toks[i]); depth != 0 {
			continue
		}
		switch {
		case toks[i].Is("where") && where < 0:
			where = i
		case toks[i].Is("returning") || (toks[i].Is("on") && i+1 < len(toks) && toks[i+1].Is("conflict")):
			end = i
		case toks[i].Is("union") || toks[i].Is("intersect") || toks[i].Is("except"):
			return nil
		}
		if end != len(toks) {
			break
		}
	}
	if where < 0 || where > end {
		return nil
	}
	var guard *Query
	offset := where + 1
	for _, conj := range splitTopLevelWord(toks[where+1:end], "and") {
		start := offset
		offset += len(conj) + 1
		if len(conj) < 4 || !conj[0].Is("not") || !conj[1].Is("exists") || !conj[2].IsPunct("(") {
			continue
		}
		inner, next := group(conj, 2)
		if next != len(conj) || len(inner) == 0 || !inner[0].Is("select") || guard != nil {
			return nil // part of a larger expression, or several guards
		}
		sub := parseSelect(inner)
		if shift := countUnnumbered(toks[:start+3]); shift > 0 {
			for i := range sub.Where.Conds {
				for j, p := range sub.Where.Conds[i].Value.Params {
					if p.Index >= 0 {
						sub.Where.Conds[i].Value.Params[j].Index += shift
					}
				}
			}
		}
		guard = &sub
	}
	return guard
}

// splitTopLevelWord splits toks at the unparenthesised keyword kw.
func splitTopLevelWord(toks []Token, kw string) [][]Token {
	var out [][]Token
	depth, from := 0, 0
	for i, t := range toks {
		depth += parenDelta(t)
		if depth == 0 && t.Is(kw) {
			out = append(out, toks[from:i])
			from = i + 1
		}
	}
	return append(out, toks[from:])
}

// readTail reads the clauses after an INSERT's column list: ON CONFLICT,
// ON DUPLICATE KEY UPDATE and RETURNING.
func (q *Query) readTail(toks []Token) {
	depth := 0
	for i := 0; i < len(toks); i++ {
		if depth += parenDelta(toks[i]); depth != 0 {
			continue
		}
		switch {
		case toks[i].Is("returning"):
			q.Returning = true
		case toks[i].Is("on") && i+1 < len(toks) && toks[i+1].Is("conflict"):
			c, next := readConflict(toks, i+2)
			q.Conflicts = append(q.Conflicts, c)
			if q.Upsert == NoUpsert {
				q.Upsert = OnConflict
			}
			i = next - 1
		case toks[i].Is("on") && i+2 < len(toks) && toks[i+1].Is("duplicate") && toks[i+2].Is("key"):
			q.Upsert = OnDuplicateKey
		}
	}
}

// readConflict reads an ON CONFLICT clause from toks[i] (just after the
// two keywords) and returns it with the index after it.
func readConflict(toks []Token, i int) (Conflict, int) {
	var c Conflict
	switch {
	case i < len(toks) && toks[i].IsPunct("("):
		var list []Token
		list, i = group(toks, i)
		for _, item := range SplitTopLevelPunct(list, ",") {
			if s := indexItem(item); s != "" {
				c.Target = append(c.Target, s)
			}
		}
		if i < len(toks) && toks[i].Is("where") {
			start, depth := i+1, 0
			for i++; i < len(toks); i++ {
				if depth += parenDelta(toks[i]); depth == 0 && toks[i].Is("do") {
					break
				}
			}
			c.WhereToks = toks[start:i]
			c.Where = Render(NormalizeTokens(c.WhereToks))
		}
	case i+2 < len(toks) && toks[i].Is("on") && toks[i+1].Is("constraint"):
		c.Constraint = toks[i+2].Name()
		i += 3
	}
	if i+1 < len(toks) && toks[i].Is("do") {
		c.DoNothing = toks[i+1].Is("nothing")
		i += 2
	}
	return c, i
}

// indexItem normalises one item of a conflict target the way index items
// are read from migrations: a column (dropping COLLATE and an operator
// class) or an expression.
func indexItem(item []Token) string {
	if len(item) == 0 {
		return ""
	}
	first := item[0]
	if first.IsName() && (len(item) == 1 || item[1].IsName()) {
		return first.Name() // col [COLLATE x] [opclass]
	}
	expr := item
	switch {
	case first.IsName() && len(item) > 1 && item[1].IsPunct("("):
		_, next := group(item, 1)
		expr = item[:next]
	case first.IsPunct("("):
		_, next := group(item, 0)
		expr = item[:next]
	}
	norm := NormalizeTokens(expr)
	if len(norm) == 1 && norm[0].IsName() {
		return norm[0].Name()
	}
	return Render(norm)
}
