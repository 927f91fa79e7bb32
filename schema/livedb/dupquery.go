package livedb

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// Literal is a constant a lookup compares a column with. It is sent to
// the server as a bound parameter, and written into the SQL shown to the
// user only in the dialect's quoted form.
type Literal struct {
	kind litKind
	s    string
	i    int64
	b    bool
}

type litKind uint8

const (
	litString litKind = iota + 1
	litInt
	litBool
)

// String makes a text literal.
func String(s string) Literal { return Literal{kind: litString, s: s} }

// Int makes an integer literal.
func Int(i int64) Literal { return Literal{kind: litInt, i: i} }

// Bool makes a boolean literal.
func Bool(b bool) Literal { return Literal{kind: litBool, b: b} }

var intLiteral = regexp.MustCompile(`^-?\d{1,18}$`)

// ParseLiteral reads a constant as the linter normalises it ('go', 42,
// true); ok is false for anything else (expressions, floats, casts).
func ParseLiteral(s string) (Literal, bool) {
	s = strings.TrimSpace(s)
	switch {
	case len(s) >= 2 && s[0] == '\'' && s[len(s)-1] == '\'':
		inner := s[1 : len(s)-1]
		if strings.Contains(strings.ReplaceAll(inner, "''", ""), "'") {
			return Literal{}, false
		}
		return String(strings.ReplaceAll(inner, "''", "'")), true
	case intLiteral.MatchString(s):
		i, err := strconv.ParseInt(s, 10, 64)
		return Int(i), err == nil
	case strings.EqualFold(s, "true"):
		return Bool(true), true
	case strings.EqualFold(s, "false"):
		return Bool(false), true
	}
	return Literal{}, false
}

func (l Literal) valid() bool { return l.kind != 0 }

// arg is the value bound to the query's placeholder.
func (l Literal) arg() any {
	switch l.kind {
	case litInt:
		return l.i
	case litBool:
		return l.b
	}
	return l.s
}

// SQL renders the literal for the text shown to the user: quotes doubled,
// so that the text means exactly the value.
func (l Literal) SQL() string {
	switch l.kind {
	case litInt:
		return strconv.FormatInt(l.i, 10)
	case litBool:
		if l.b {
			return "TRUE"
		}
		return "FALSE"
	}
	return "'" + strings.ReplaceAll(l.s, "'", "''") + "'"
}

// Condition is one term of a lookup's extra predicate: Column IS NULL (a
// soft-delete filter), or Column = Equals (a constant column).
type Condition struct {
	Column string
	IsNull bool
	Equals Literal
}

// IsNull makes the condition column IS NULL.
func IsNull(column string) Condition { return Condition{Column: column, IsNull: true} }

// Equals makes the condition column = v.
func Equals(column string, v Literal) Condition { return Condition{Column: column, Equals: v} }

// quoteIdent quotes an identifier in the dialect's quotes, doubling the
// quote character inside.
func quoteIdent(s string, d sqlscan.Dialect) string {
	if d == sqlscan.MySQL {
		return "`" + strings.ReplaceAll(s, "`", "``") + "`"
	}
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// quoteTable quotes schema.table part by part.
func quoteTable(s string, d sqlscan.Dialect) string {
	parts := strings.Split(s, ".")
	for i, p := range parts {
		parts[i] = quoteIdent(p, d)
	}
	return strings.Join(parts, ".")
}

// duplicateSQL builds the query that lists the groups of rows sharing the
// lookup's columns, largest first. With inline, constants are written in
// as literals (the text shown to the user); otherwise they are
// placeholders and args holds their values. limit > 0 adds LIMIT.
func duplicateSQL(q DuplicateLookup, d sqlscan.Dialect, inline bool, limit int, hint string) (text string, args []any) {
	cols := make([]string, len(q.Columns))
	for i, c := range q.Columns {
		cols[i] = quoteIdent(c, d)
	}
	var where []string
	if !q.NullsNotDistinct {
		for _, c := range cols {
			where = append(where, c+" IS NOT NULL")
		}
	}
	for _, c := range q.Where {
		col := quoteIdent(c.Column, d)
		switch {
		case c.IsNull:
			where = append(where, col+" IS NULL")
		case inline:
			where = append(where, col+" = "+c.Equals.SQL())
		default:
			args = append(args, c.Equals.arg())
			ph := "?"
			if d == sqlscan.Postgres {
				ph = "$" + strconv.Itoa(len(args))
			}
			where = append(where, col+" = "+ph)
		}
	}
	list := strings.Join(cols, ", ")
	var b strings.Builder
	b.WriteString("SELECT ")
	b.WriteString(hint)
	fmt.Fprintf(&b, "%s, COUNT(*) AS n FROM %s", list, quoteTable(q.Table, d))
	if len(where) > 0 {
		b.WriteString(" WHERE " + strings.Join(where, " AND "))
	}
	fmt.Fprintf(&b, " GROUP BY %s HAVING COUNT(*) > 1 ORDER BY COUNT(*) DESC", list)
	if limit > 0 {
		fmt.Fprintf(&b, " LIMIT %d", limit)
	}
	return b.String(), args
}

// maxShown bounds each value of the example group in messages.
const maxShown = 40

// showValue renders a value read from the database as an SQL literal for
// a message: NULL, a number, or quoted text cut to maxShown characters
// with control characters escaped (the content is not ours to print raw).
func showValue(v any) string {
	var s string
	switch x := v.(type) {
	case nil:
		return "NULL"
	case int64, int32, int16, int8, int, uint64, uint32, uint16, uint8, uint, float64, float32:
		return fmt.Sprint(x)
	case bool:
		if x {
			return "TRUE"
		}
		return "FALSE"
	case []byte:
		s = string(x)
	case string:
		s = x
	case fmt.Stringer:
		s = x.String()
	default:
		s = fmt.Sprint(x)
	}
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n == maxShown {
			b.WriteString("…")
			break
		}
		n++
		switch {
		case r == '\'':
			b.WriteString("''")
		case !unicode.IsPrint(r):
			fmt.Fprintf(&b, "\\u%04x", r)
		default:
			b.WriteRune(r)
		}
	}
	return "'" + b.String() + "'"
}
