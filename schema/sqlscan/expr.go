package sqlscan

import (
	"strings"
)

// Normalize returns a canonical text for an SQL expression, so that two
// spellings of one expression compare equal: keywords and identifiers in
// lower case, quotes dropped from simple quoted identifiers, type casts
// (x::text, CAST is kept) removed, parentheses around a single operand or the
// whole expression removed, placeholders written as ?, and one space between
// tokens except around parentheses, commas and dots.
//
//	LOWER( "Email" )          -> lower(email)
//	(lower((name)::text))     -> lower(name)
//	(deleted_at IS NULL)      -> deleted_at is null
func Normalize(expr string, d Dialect) string {
	return Render(NormalizeTokens(trimEOF(Lex(expr, d))))
}

// ExprTokens lexes an expression (normalised or not) into the tokens
// Normalize renders: no EOF, casts and redundant parentheses dropped.
func ExprTokens(expr string) []Token {
	return NormalizeTokens(trimEOF(Lex(expr, Generic)))
}

// NormalizeTokens applies Normalize's token rewrites (casts and redundant
// parentheses removed) to toks, which must not contain EOF.
func NormalizeTokens(toks []Token) []Token {
	toks = dropCasts(toks)
	for {
		n := len(toks)
		toks = dropRedundantParens(toks)
		if len(toks) == n {
			return toks
		}
	}
}

func trimEOF(toks []Token) []Token {
	if n := len(toks); n > 0 && toks[n-1].Kind == EOF {
		return toks[:n-1]
	}
	return toks
}

// typeWords continue a multi-word type name after ::, as in
// ::character varying or ::timestamp with time zone.
var typeWords = map[string]bool{
	"varying": true, "precision": true, "with": true, "without": true,
	"time": true, "zone": true,
}

func dropCasts(toks []Token) []Token {
	out := make([]Token, 0, len(toks))
	for i := 0; i < len(toks); i++ {
		if !toks[i].IsPunct("::") {
			out = append(out, toks[i])
			continue
		}
		j := i + 1
		if j < len(toks) && toks[j].IsName() {
			j++
			// schema-qualified type: pg_catalog.text
			for j+1 < len(toks) && toks[j].IsPunct(".") && toks[j+1].IsName() {
				j += 2
			}
			for j < len(toks) && toks[j].Kind == Ident && typeWords[strings.ToLower(toks[j].Text)] {
				j++
			}
			if j < len(toks) && toks[j].IsPunct("(") {
				j = matchParen(toks, j) + 1
			}
			for j+1 < len(toks) && toks[j].IsPunct("[") && toks[j+1].IsPunct("]") {
				j += 2
			}
		}
		i = j - 1
	}
	return out
}

// matchParen returns the index of the parenthesis closing the one at open,
// or len(toks)-1 when it is never closed.
func matchParen(toks []Token, open int) int {
	depth := 0
	for i := open; i < len(toks); i++ {
		switch {
		case toks[i].IsPunct("("):
			depth++
		case toks[i].IsPunct(")"):
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return len(toks) - 1
}

// dropRedundantParens removes the parentheses that wrap a single operand
// not preceded by a function name, then those that wrap the whole token
// list, in one linear pass: deeply nested input must not cost quadratic
// time.
func dropRedundantParens(toks []Token) []Token {
	out := make([]Token, 0, len(toks))
	for _, t := range toks {
		n := len(out)
		if t.IsPunct(")") && n >= 2 && out[n-2].IsPunct("(") && !out[n-1].IsPunct("(") {
			called := n >= 3 && (out[n-3].IsName() || out[n-3].IsPunct(")"))
			if !called { // (x) -> x
				out[n-2] = out[n-1]
				out = out[:n-1]
				continue
			}
		}
		out = append(out, t)
	}
	// Strip layers wrapping the whole list: "(" at k matched by ")" at
	// len-1-k, found with one stack pass.
	match := make([]int, len(out))
	var stack []int
	for i, t := range out {
		match[i] = -1
		switch {
		case t.IsPunct("("):
			stack = append(stack, i)
		case t.IsPunct(")") && len(stack) > 0:
			match[stack[len(stack)-1]] = i
			stack = stack[:len(stack)-1]
		}
	}
	k := 0
	for k < len(out)-1-k && out[k].IsPunct("(") && match[k] == len(out)-1-k {
		k++
	}
	return out[k : len(out)-k]
}

// Render writes tokens in the canonical spacing used by Normalize.
func Render(toks []Token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 && spaceBetween(toks[i-1], t) {
			b.WriteByte(' ')
		}
		b.WriteString(canonical(t))
	}
	return b.String()
}

func spaceBetween(prev, t Token) bool {
	switch {
	case prev.Kind == Number && t.IsPunct("."), prev.IsPunct(".") && t.Kind == Number:
		return true // "0.a" or "a.0" would lex back as a different number
	case prev.IsPunct("(") || prev.IsPunct(".") || prev.IsPunct("["):
		return false
	case t.IsPunct(")") || t.IsPunct(",") || t.IsPunct(".") || t.IsPunct("]"):
		return false
	case t.IsPunct("(") && (prev.IsName() || prev.Kind == Template):
		return false
	}
	return true
}

func canonical(t Token) string {
	switch t.Kind {
	case Ident:
		return strings.ToLower(t.Text)
	case QIdent:
		name := unquoteIdent(t.Text)
		if isSimpleIdent(name) {
			return strings.ToLower(name)
		}
		return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
	case Param:
		return "?"
	}
	return t.Text
}

func isSimpleIdent(s string) bool {
	if s == "" || !isIdentStart(s[0]) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isIdentPart(s[i]) || s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// keywords that can appear inside expressions and are never column names.
var exprKeywords = map[string]bool{
	"and": true, "or": true, "not": true, "null": true, "is": true, "true": true,
	"false": true, "case": true, "when": true, "then": true, "else": true, "end": true,
	"cast": true, "as": true, "in": true, "like": true, "ilike": true, "between": true,
	"collate": true, "distinct": true, "from": true, "interval": true, "escape": true,
	"similar": true, "to": true, "any": true, "all": true, "some": true, "exists": true,
	"asc": true, "desc": true, "nulls": true, "first": true, "last": true, "using": true,
	"current_date": true, "current_time": true, "current_timestamp": true, "localtime": true,
	"localtimestamp": true, "current_user": true, "session_user": true,
}

// ExprColumns returns the column names an expression refers to, in order of
// first appearance: names that are not keywords, function names, type names
// after CAST(... AS, or qualifiers before a dot. A qualified a.b yields b.
func ExprColumns(toks []Token) []string {
	var cols []string
	seen := map[string]bool{}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if !t.IsName() {
			continue
		}
		if t.Kind == Ident && exprKeywords[strings.ToLower(t.Text)] {
			continue
		}
		if i+1 < len(toks) && toks[i+1].IsPunct("(") {
			continue // function name
		}
		if i+1 < len(toks) && toks[i+1].IsPunct(".") {
			continue // qualifier
		}
		if i > 0 && toks[i-1].Is("as") {
			continue // type in CAST(x AS type)
		}
		if i > 0 && toks[i-1].Is("collate") {
			continue
		}
		name := t.Name()
		if name != "" && !seen[name] {
			seen[name] = true
			cols = append(cols, name)
		}
	}
	return cols
}

// volatileFuncs are functions whose value changes between calls; an index or
// lookup expression using one cannot pin a row down.
var volatileFuncs = map[string]bool{
	"now": true, "random": true, "rand": true, "uuid": true, "gen_random_uuid": true,
	"uuid_generate_v4": true, "uuid_generate_v1": true, "clock_timestamp": true,
	"statement_timestamp": true, "transaction_timestamp": true, "timeofday": true,
	"nextval": true, "currval": true, "sysdate": true, "current_timestamp": true,
	"unix_timestamp": true, "randomblob": true, "changes": true, "last_insert_rowid": true,
	"utc_timestamp": true, "curdate": true, "curtime": true, "current_date": true,
	"current_time": true, "localtime": true, "localtimestamp": true, "uuid_short": true,
}

// Deterministic reports whether an expression uses no volatile function, so
// that its value is fixed once the columns it reads are fixed.
func Deterministic(toks []Token) bool {
	for i, t := range toks {
		if t.Kind != Ident {
			continue
		}
		name := strings.ToLower(t.Text)
		if !volatileFuncs[name] {
			continue
		}
		called := i+1 < len(toks) && toks[i+1].IsPunct("(")
		if called || exprKeywords[name] {
			return false
		}
	}
	return true
}

// SplitTopLevel splits toks at every top-level (unparenthesised) occurrence
// of the keyword sep.
func SplitTopLevel(toks []Token, sep string) [][]Token {
	return splitTopLevel(toks, func(t Token) bool { return t.Is(sep) })
}

// SplitTopLevelPunct splits toks at every top-level occurrence of the
// punctuation p, such as the commas of a column list.
func SplitTopLevelPunct(toks []Token, p string) [][]Token {
	return splitTopLevel(toks, func(t Token) bool { return t.IsPunct(p) })
}

func splitTopLevel(toks []Token, isSep func(Token) bool) [][]Token {
	var parts [][]Token
	depth, start := 0, 0
	for i, t := range toks {
		switch {
		case t.IsPunct("(") || t.IsPunct("["):
			depth++
		case t.IsPunct(")") || t.IsPunct("]"):
			depth--
		case depth == 0 && isSep(t):
			parts = append(parts, toks[start:i])
			start = i + 1
		}
	}
	return append(parts, toks[start:])
}
