package migrations

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// keyParts reads the items of an index or key column list: columns (with
// ASC/DESC, COLLATE, an operator class or a MySQL prefix length) and
// expressions. It also returns, per part, the name PostgreSQL would use for
// it in an implicit index name.
func keyParts(list []sqlscan.Token) (parts []schema.KeyPart, colNames []string) {
	for _, item := range sqlscan.SplitTopLevelPunct(list, ",") {
		if len(item) == 0 {
			continue
		}
		p, name := keyPart(item)
		if p.Column == "" && p.Expr == "" {
			continue
		}
		parts = append(parts, p)
		colNames = append(colNames, name)
	}
	return parts, colNames
}

func keyPart(item []sqlscan.Token) (schema.KeyPart, string) {
	first := item[0]
	var expr []sqlscan.Token
	switch {
	case first.IsName() && (len(item) == 1 || item[1].Kind == sqlscan.Ident || item[1].Kind == sqlscan.QIdent || item[1].Kind == sqlscan.String):
		// col [ASC|DESC] [COLLATE x] [opclass] [NULLS FIRST]
		return schema.KeyPart{Column: first.Name()}, first.Name()
	case first.IsName() && len(item) >= 4 && item[1].IsPunct("(") && item[2].Kind == sqlscan.Number && item[3].IsPunct(")"):
		// MySQL prefix: col(191)
		n, _ := strconv.Atoi(item[2].Text)
		return schema.KeyPart{Column: first.Name(), PrefixLen: n}, first.Name()
	case first.IsName() && len(item) > 1 && item[1].IsPunct("("):
		// a function call, then modifiers
		expr = item[:min(matchParen(item, 1)+1, len(item))]
	case first.IsPunct("("):
		expr = item[:min(matchParen(item, 0)+1, len(item))]
	default:
		expr = item
	}
	norm := sqlscan.NormalizeTokens(expr)
	if len(norm) == 1 && norm[0].IsName() {
		return schema.KeyPart{Column: norm[0].Name()}, norm[0].Name()
	}
	if len(norm) == 0 {
		return schema.KeyPart{}, ""
	}
	return schema.KeyPart{Expr: sqlscan.Render(norm)}, pgExprColname(norm)
}

// pgExprColname mirrors FigureIndexColname for the implicit name of an
// index on an expression: a function's name, the column of a CAST, else
// "expr".
func pgExprColname(norm []sqlscan.Token) string {
	if len(norm) > 1 && norm[0].IsName() && norm[1].IsPunct("(") {
		if norm[0].Is("cast") && len(norm) > 3 && norm[2].IsName() && norm[3].Is("as") {
			return norm[2].Name()
		}
		return norm[0].Name()
	}
	return "expr"
}

// elemKind classifies a CREATE TABLE element or an ALTER TABLE ADD target.
type elemKind uint8

const (
	elemOther     elemKind = iota // foreign key, check, exclude ...: no key
	elemColumn                    // a column definition, possibly with inline keys
	elemKey                       // a PRIMARY KEY or UNIQUE constraint
	elemIndex                     // a non-unique MySQL KEY/INDEX/FULLTEXT/SPATIAL
	elemLike                      // LIKE other_table
	elemExclusion                 // a PostgreSQL EXCLUDE constraint
)

type element struct {
	kind       elemKind
	column     string
	notNull    bool
	keys       []keySpec // elemKey: one; elemColumn: inline keys
	indexName  string    // elemIndex; elemExclusion: the constraint's name, "" when unnamed
	firstCol   string    // elemIndex: for MySQL's implicit name
	usingIndex string    // PostgreSQL ADD CONSTRAINT ... USING INDEX i
}

// tableElement reads one element of a CREATE TABLE list, or the target of
// ALTER TABLE ADD. line is the line of the statement.
func tableElement(toks []sqlscan.Token, d sqlscan.Dialect) element {
	if len(toks) == 0 {
		return element{}
	}
	c := &cursor{toks: toks}
	conName := ""
	if c.peek(0).Is("constraint") {
		c.next()
		if !c.is("primary") && !c.is("unique") && !c.is("foreign") && !c.is("check") && !c.is("exclude") {
			conName = c.next().Name()
		}
	}
	line := toks[0].Line
	switch {
	case c.is("primary", "key"):
		c.i += 2
		return constraintElement(c, keySpec{name: conName, kind: schema.PrimaryKey, line: line})
	case c.is("unique"):
		c.next()
		return uniqueElement(c, conName, line)
	case c.is("exclude"):
		return element{kind: elemExclusion, indexName: conName}
	case conName != "" || c.is("foreign") || c.is("check") || c.is("period"):
		return element{}
	case c.is("like"):
		return element{kind: elemLike}
	case c.is("fulltext") || c.is("spatial"):
		c.next()
		c.acceptAny("key", "index")
		return indexElement(c)
	case (c.is("key") || c.is("index")) && looksLikeIndex(toks):
		c.next()
		return indexElement(c)
	}
	return columnElement(toks, d)
}

// looksLikeIndex tells "KEY name (col)" and "INDEX (col)" from a column
// named key or index: an index's list starts with a column name, a type's
// parameters with a number.
func looksLikeIndex(toks []sqlscan.Token) bool {
	i := 1
	if i < len(toks) && toks[i].IsName() && !toks[i].Is("using") {
		i++
	}
	for i+1 < len(toks) && toks[i].Is("using") {
		i += 2
	}
	if i >= len(toks) || !toks[i].IsPunct("(") {
		return false
	}
	return i+1 < len(toks) && (toks[i+1].IsName() || toks[i+1].IsPunct("("))
}

// uniqueElement reads what follows UNIQUE: [KEY|INDEX] [name]
// [NULLS [NOT] DISTINCT] [USING m] (items) [USING m] ..., or PostgreSQL's
// UNIQUE USING INDEX i.
func uniqueElement(c *cursor, conName string, line int) element {
	ks := keySpec{name: conName, kind: schema.UniqueConstraint, line: line}
	c.acceptAny("key", "index")
	if c.peek(0).IsName() && !c.is("nulls") && !c.is("using") {
		// MySQL: the index name wins over the constraint symbol.
		ks.name = c.next().Name()
	}
	return constraintElement(c, ks)
}

// constraintElement reads the rest of a PRIMARY KEY or UNIQUE constraint.
func constraintElement(c *cursor, ks keySpec) element {
	el := element{kind: elemKey}
	for !c.done() && !c.isPunct("(") {
		switch {
		case c.accept("nulls", "not", "distinct"):
			ks.nnd = true
		case c.accept("using", "index"):
			if q, ok := c.qualified(); ok {
				el.usingIndex = q.name
			}
			el.keys = []keySpec{ks}
			return el
		default:
			c.next()
		}
	}
	list, ok := c.group()
	if !ok {
		return element{}
	}
	ks.parts, ks.colNames = keyParts(list)
	if c.accept("nulls", "not", "distinct") {
		ks.nnd = true
	}
	el.keys = []keySpec{ks}
	return el
}

// indexElement reads a MySQL non-unique index element after KEY/INDEX.
func indexElement(c *cursor) element {
	el := element{kind: elemIndex}
	if c.peek(0).IsName() && !c.is("using") {
		el.indexName = c.next().Name()
	}
	for !c.done() && !c.isPunct("(") {
		c.next()
	}
	if list, ok := c.group(); ok {
		if parts, _ := keyParts(list); len(parts) > 0 {
			el.firstCol = parts[0].Column
		}
	}
	return el
}

// columnElement reads a column definition and its inline constraints:
// [CONSTRAINT n] PRIMARY KEY | UNIQUE [KEY] [NULLS NOT DISTINCT] | NOT NULL
// | NULL, and MySQL's bare KEY (a synonym of PRIMARY KEY there). Parenthesised
// parts (types, CHECK, generated expressions) and DEFAULT values are not
// read as constraints.
func columnElement(toks []sqlscan.Token, d sqlscan.Dialect) element {
	first := toks[0]
	if !first.IsName() {
		return element{}
	}
	el := element{kind: elemColumn, column: first.Name()}
	col := []schema.KeyPart{{Column: el.column}}
	names := []string{el.column}
	pending := ""
	for i := 1; i < len(toks); i++ {
		t := toks[i]
		switch {
		case t.IsPunct("("):
			i = matchParen(toks, i)
		case t.Kind != sqlscan.Ident:
		case t.Is("default"):
			i = skipDefault(toks, i+1)
		case t.Is("constraint") && i+1 < len(toks):
			pending = toks[i+1].Name()
			i++
		case t.Is("primary") && i+1 < len(toks) && toks[i+1].Is("key"):
			el.keys = append(el.keys, keySpec{name: pending, kind: schema.PrimaryKey, parts: col, colNames: names, line: t.Line})
			el.notNull = true
			pending = ""
			i++
		case t.Is("unique"):
			ks := keySpec{name: pending, kind: schema.UniqueConstraint, parts: col, colNames: names, line: t.Line}
			if i+1 < len(toks) && toks[i+1].Is("key") {
				i++
			}
			if i+3 < len(toks) && toks[i+1].Is("nulls") && toks[i+2].Is("not") && toks[i+3].Is("distinct") {
				ks.nnd = true
				i += 3
			}
			el.keys = append(el.keys, ks)
			pending = ""
		case t.Is("key") && d != sqlscan.Postgres && !toks[i-1].Is("foreign"):
			el.keys = append(el.keys, keySpec{name: pending, kind: schema.PrimaryKey, parts: col, colNames: names, line: t.Line})
			el.notNull = true
		case t.Is("not") && i+1 < len(toks) && toks[i+1].Is("null"):
			el.notNull = true
			i++
		case t.Is("null") && !toks[i-1].Is("set") && !toks[i-1].Is("is"):
			if !hasPK(el.keys) {
				el.notNull = false
			}
		case t.Is("references"):
			i = skipReferences(toks, i+1)
		}
	}
	return el
}

func hasPK(keys []keySpec) bool {
	for _, k := range keys {
		if k.kind == schema.PrimaryKey {
			return true
		}
	}
	return false
}

// skipDefault returns the index of the last token of a DEFAULT value that
// starts at i: one operand, with a sign, a call's arguments and casts.
func skipDefault(toks []sqlscan.Token, i int) int {
	if i < len(toks) && (toks[i].IsPunct("-") || toks[i].IsPunct("+")) {
		i++
	}
	if i >= len(toks) {
		return len(toks) - 1
	}
	if toks[i].IsPunct("(") {
		i = matchParen(toks, i)
	} else if i+1 < len(toks) && toks[i+1].IsPunct("(") {
		i = matchParen(toks, i+1)
	}
	for i+2 < len(toks) && toks[i+1].IsPunct("::") && toks[i+2].IsName() {
		i += 2
	}
	return i
}

// skipReferences skips "REFERENCES t [(cols)]" and its MATCH / ON DELETE /
// ON UPDATE actions, returning the index of the last token read.
func skipReferences(toks []sqlscan.Token, i int) int {
	for i < len(toks) {
		t := toks[i]
		switch {
		case t.IsPunct("("):
			i = matchParen(toks, i) + 1
		case t.Is("on") && i+1 < len(toks) && (toks[i+1].Is("delete") || toks[i+1].Is("update")):
			i += 2
			for i < len(toks) && (toks[i].Is("set") || toks[i].Is("null") || toks[i].Is("default") ||
				toks[i].Is("cascade") || toks[i].Is("restrict") || toks[i].Is("no") || toks[i].Is("action")) {
				i++
			}
		case t.Is("match") && i+1 < len(toks):
			i += 2
		case t.IsName() && (i == 0 || toks[i-1].Is("references") || toks[i-1].IsPunct(".")) || t.IsPunct(".") || t.Kind == sqlscan.Template:
			i++
		default:
			return i - 1
		}
	}
	return len(toks) - 1
}

// predicate normalises a WHERE predicate of a partial index.
func predicate(toks []sqlscan.Token) string {
	return sqlscan.Render(sqlscan.NormalizeTokens(toks))
}

// keyWords are words that could change keys; skipped statements that
// mention them are worth a warning.
var keyWords = regexp.MustCompile(`(?i)\b(unique|index|constraint|primary|rename|drop)\b`)

// templateText matches Go template actions, such as {{ index .Options "x" }},
// whose words are not SQL.
var templateText = regexp.MustCompile(`\{\{.*?\}\}`)

// mentionsKeys returns the first key word in tokens, looking into string
// literals too (EXECUTE 'DROP INDEX ...'), or "".
func mentionsKeys(toks []sqlscan.Token) string {
	for _, t := range toks {
		switch t.Kind {
		case sqlscan.Ident:
			if w := strings.ToLower(t.Text); keyWords.MatchString(w) && len(w) <= len("constraint") {
				return strings.ToUpper(w)
			}
		case sqlscan.String:
			if m := keyWords.FindString(templateText.ReplaceAllString(t.Text, "")); m != "" {
				return strings.ToUpper(m)
			}
		}
	}
	return ""
}
