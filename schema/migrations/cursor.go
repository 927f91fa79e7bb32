package migrations

import (
	"strings"

	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// cursor walks the tokens of one statement. Reading past the end yields EOF
// tokens, so recognisers need no bounds checks.
type cursor struct {
	toks []sqlscan.Token
	i    int
}

func (c *cursor) peek(k int) sqlscan.Token {
	if j := c.i + k; j >= 0 && j < len(c.toks) {
		return c.toks[j]
	}
	return sqlscan.Token{Kind: sqlscan.EOF}
}

func (c *cursor) done() bool { return c.i >= len(c.toks) }

func (c *cursor) next() sqlscan.Token {
	t := c.peek(0)
	if c.i < len(c.toks) {
		c.i++
	}
	return t
}

// is reports whether the next tokens are the given keywords.
func (c *cursor) is(words ...string) bool {
	for k, w := range words {
		if !c.peek(k).Is(w) {
			return false
		}
	}
	return true
}

// accept consumes the keywords if they come next.
func (c *cursor) accept(words ...string) bool {
	if !c.is(words...) {
		return false
	}
	c.i += len(words)
	return true
}

// acceptAny consumes any run of the given single keywords.
func (c *cursor) acceptAny(words ...string) {
	for {
		found := false
		for _, w := range words {
			if c.peek(0).Is(w) {
				c.i++
				found = true
			}
		}
		if !found {
			return
		}
	}
}

func (c *cursor) isPunct(p string) bool { return c.peek(0).IsPunct(p) }

// group consumes a parenthesised group and returns the tokens inside it; ok
// is false when the cursor is not at "(".
func (c *cursor) group() (inner []sqlscan.Token, ok bool) {
	if !c.isPunct("(") {
		return nil, false
	}
	end := matchParen(c.toks, c.i)
	inner = c.toks[c.i+1 : end]
	c.i = end + 1
	return inner, true
}

func (c *cursor) rest() []sqlscan.Token {
	if c.i >= len(c.toks) {
		return nil
	}
	return c.toks[c.i:]
}

// matchParen returns the index of the ")" closing the "(" at open, or
// len(toks) when it is never closed.
func matchParen(toks []sqlscan.Token, open int) int {
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
	return len(toks)
}

// qname is a possibly qualified object name, normalised.
type qname struct {
	schema string // "" for none, public and main
	name   string
}

// key returns the catalog key: "schema.name" or "name".
func (q qname) key() string {
	if q.schema == "" {
		return q.name
	}
	return q.schema + "." + q.name
}

// qualified reads a name such as users, "public"."users", `db`.`t` or
// {{ .Schema }}.users, normalised as schema.TableKey does. Template
// placeholders used as a schema are dropped, as are the default schemas
// public and main.
func (c *cursor) qualified() (qname, bool) {
	var parts []string
	for {
		t := c.peek(0)
		switch {
		case t.Kind == sqlscan.Template && c.peek(1).IsPunct("."):
			c.i += 2
			continue
		case t.IsName():
			parts = append(parts, t.Name())
			c.i++
		default:
			return qname{}, false
		}
		if !c.isPunct(".") || !(c.peek(1).IsName() || c.peek(1).Kind == sqlscan.Template) {
			break
		}
		c.i++
	}
	q := qname{name: parts[len(parts)-1]}
	if len(parts) > 1 {
		q.schema = parts[len(parts)-2]
	}
	if q.schema == "public" || q.schema == "main" {
		q.schema = ""
	}
	return q, q.name != ""
}

// schemaOf returns the schema part of a catalog table key.
func schemaOf(tableKey string) string {
	if i := strings.LastIndexByte(tableKey, '.'); i >= 0 {
		return tableKey[:i]
	}
	return ""
}

// bareName returns the table part of a catalog table key.
func bareName(tableKey string) string {
	return tableKey[strings.LastIndexByte(tableKey, '.')+1:]
}
