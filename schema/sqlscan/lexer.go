package sqlscan

import (
	"strings"
)

// Kind classifies a token.
type Kind uint8

const (
	EOF        Kind = iota
	Ident           // unquoted identifier or keyword, as written
	QIdent          // quoted identifier: "x", `x` or [x]
	String          // string literal: 'x', E'x', N'x', X'x', and "x" in MySQL
	Number          // numeric literal
	Param           // placeholder: $1, ?, ?1, :name, @name
	Template        // text-template placeholder: {{ ... }} or ${VAR}
	DollarBody      // PostgreSQL dollar-quoted body $tag$...$tag$, kept opaque
	Op              // operator: = <> != < > <= >= :: || and other symbols
	Punct           // ( ) , ; . [ ]
)

// Token is one lexeme. Text is the exact source text; Off is its byte offset
// and Line its 1-based line in the scanned input.
type Token struct {
	Kind Kind
	Text string
	Off  int
	Line int
}

// Is reports whether t is the unquoted keyword or identifier kw (compared
// case-insensitively).
func (t Token) Is(kw string) bool {
	return t.Kind == Ident && strings.EqualFold(t.Text, kw)
}

// IsPunct reports whether t is the punctuation or operator s.
func (t Token) IsPunct(s string) bool {
	return (t.Kind == Punct || t.Kind == Op) && t.Text == s
}

// IsName reports whether t can name a table, column or index: an identifier
// or a quoted identifier.
func (t Token) IsName() bool { return t.Kind == Ident || t.Kind == QIdent }

// Name returns the identifier a name token denotes, normalised for matching:
// unquoted and lower-cased. Go code spells table and column names without
// regard to the database's case folding, so quoted names are folded too.
func (t Token) Name() string {
	switch t.Kind {
	case Ident:
		return strings.ToLower(t.Text)
	case QIdent:
		return strings.ToLower(unquoteIdent(t.Text))
	case Template:
		return t.Text
	}
	return strings.ToLower(t.Text)
}

func unquoteIdent(s string) string {
	if len(s) < 2 {
		return s
	}
	switch s[0] {
	case '"':
		s = strings.TrimSuffix(s[1:], `"`)
		return strings.ReplaceAll(s, `""`, `"`)
	case '`':
		s = strings.TrimSuffix(s[1:], "`")
		return strings.ReplaceAll(s, "``", "`")
	case '[':
		return strings.TrimSuffix(s[1:], "]")
	}
	return s
}

// Lex splits src into tokens, dropping whitespace and comments. The result
// always ends with an EOF token. Lex never fails: an unterminated string,
// quoted identifier, comment or dollar body extends to the end of src.
func Lex(src string, d Dialect) []Token {
	l := lexer{src: src, d: d, line: 1}
	var toks []Token
	for {
		t := l.next()
		toks = append(toks, t)
		if t.Kind == EOF {
			return toks
		}
	}
}

// Scanner lexes src one token at a time, as Lex does, for callers that do
// not keep every token of a large input.
type Scanner struct{ l lexer }

// NewScanner returns a Scanner over src in dialect d.
func NewScanner(src string, d Dialect) *Scanner {
	return &Scanner{l: lexer{src: src, d: d, line: 1}}
}

// Next returns the next token; at the end of src, an EOF token, again and
// again.
func (s *Scanner) Next() Token { return s.l.next() }

type lexer struct {
	src  string
	d    Dialect
	pos  int
	line int
}

func (l *lexer) peek(i int) byte {
	if l.pos+i < len(l.src) {
		return l.src[l.pos+i]
	}
	return 0
}

// advance moves to off, counting the line ends passed.
func (l *lexer) advance(off int) {
	if off > len(l.src) {
		off = len(l.src)
	}
	l.line += countLineEnds(l.src, l.pos, off)
	l.pos = off
}

// countLineEnds counts the line ends in src[from:to]: "\n", "\r\n", and a
// lone "\r" (old Mac files), which PostgreSQL also ends a comment at.
func countLineEnds(src string, from, to int) int {
	seg := src[from:to]
	n := strings.Count(seg, "\n")
	if strings.IndexByte(seg, '\r') < 0 {
		return n
	}
	for i := from; i < to; i++ {
		if src[i] == '\r' && (i+1 >= len(src) || src[i+1] != '\n') {
			n++
		}
	}
	return n
}

func (l *lexer) next() Token {
	l.skipSpaceAndComments()
	if l.pos >= len(l.src) {
		return Token{Kind: EOF, Off: len(l.src), Line: l.line}
	}
	start, line := l.pos, l.line
	kind := l.scan()
	if l.pos == start { // never loop: consume at least one byte
		l.advance(start + 1)
	}
	return Token{Kind: kind, Text: l.src[start:l.pos], Off: start, Line: line}
}

func (l *lexer) skipSpaceAndComments() {
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		switch {
		case c == ' ' || c == '\t' || c == '\f' || c == '\v':
			l.pos++
		case c == '\n', c == '\r' && l.peek(1) != '\n':
			l.pos++
			l.line++
		case c == '\r':
			l.pos++
		case c == '-' && l.peek(1) == '-':
			l.skipLine()
		case c == '#' && l.d == MySQL:
			l.skipLine()
		case c == '/' && l.peek(1) == '*':
			l.skipBlockComment()
		default:
			return
		}
	}
}

// skipLine skips a "--" or "#" comment up to its line end: "\n" or a
// "\r" (PostgreSQL ends comments at either; a file with old Mac line
// ends has no "\n" at all).
func (l *lexer) skipLine() {
	i := strings.IndexAny(l.src[l.pos:], "\n\r")
	if i < 0 {
		l.advance(len(l.src))
		return
	}
	l.advance(l.pos + i)
}

// skipBlockComment skips /* ... */. PostgreSQL nests block comments; the
// other dialects end at the first */. MySQL's /*! ... */ version comments are
// skipped like any other comment: mysqldump puts only session settings there.
func (l *lexer) skipBlockComment() {
	depth := 0
	i := l.pos
	for i < len(l.src) {
		switch {
		case l.src[i] == '/' && i+1 < len(l.src) && l.src[i+1] == '*':
			depth++
			i += 2
			if l.d != Postgres && depth > 1 {
				depth = 1
			}
		case l.src[i] == '*' && i+1 < len(l.src) && l.src[i+1] == '/':
			depth--
			i += 2
			if depth == 0 {
				l.advance(i)
				return
			}
		default:
			i++
		}
	}
	l.advance(len(l.src))
}

func (l *lexer) scan() Kind {
	c := l.src[l.pos]
	switch {
	case c == '\'':
		l.quoted('\'', l.d == MySQL)
		return String
	case (c == 'E' || c == 'e') && l.peek(1) == '\'':
		l.pos++
		l.quoted('\'', true)
		return String
	case (c == 'N' || c == 'n' || c == 'X' || c == 'x' || c == 'B' || c == 'b') && l.peek(1) == '\'':
		l.pos++
		l.quoted('\'', l.d == MySQL)
		return String
	case c == '"':
		if l.d == MySQL {
			l.quoted('"', true)
			return String
		}
		l.quoted('"', false)
		return QIdent
	case c == '`':
		l.quoted('`', false)
		return QIdent
	case c == '[' && l.d == SQLite:
		l.until("]")
		return QIdent
	case c == '{' && l.peek(1) == '{':
		l.until("}}")
		return Template
	case c == '$' && l.peek(1) == '{':
		l.until("}")
		return Template
	case c == '$' && l.d == MySQL:
		// MySQL has no dollar quoting; "DELIMITER $$" must not open a body.
		l.pos++
		return Op
	case c == '$':
		return l.dollar()
	case c == '?':
		l.pos++
		l.digits()
		return Param
	case c == ':' && l.peek(1) == ':':
		l.pos += 2
		return Op
	case (c == ':' || c == '@') && isIdentStart(l.peek(1)):
		l.pos++
		l.identRest()
		return Param
	case isDigit(c) || (c == '.' && isDigit(l.peek(1))):
		l.number()
		return Number
	case isIdentStart(c):
		l.identRest()
		return Ident
	case c == '(' || c == ')' || c == ',' || c == ';' || c == '.' || c == '[' || c == ']':
		l.pos++
		return Punct
	}
	l.operator()
	return Op
}

// quoted consumes a literal delimited by q, where a doubled q stands for one
// q and, if backslash is set, a backslash escapes the next byte.
func (l *lexer) quoted(q byte, backslash bool) {
	i := l.pos + 1
	for i < len(l.src) {
		switch c := l.src[i]; {
		case backslash && c == '\\':
			i += 2
		case c == q:
			if i+1 < len(l.src) && l.src[i+1] == q {
				i += 2
				continue
			}
			l.advance(i + 1)
			return
		default:
			i++
		}
	}
	l.advance(len(l.src))
}

// until consumes up to and including the next occurrence of end.
func (l *lexer) until(end string) {
	i := strings.Index(l.src[l.pos+1:], end)
	if i < 0 {
		l.advance(len(l.src))
		return
	}
	l.advance(l.pos + 1 + i + len(end))
}

// dollar scans $1 (a parameter) or a dollar-quoted body $tag$ ... $tag$.
func (l *lexer) dollar() Kind {
	if isDigit(l.peek(1)) {
		l.pos++
		l.digits()
		return Param
	}
	j := l.pos + 1
	for j < len(l.src) && isIdentPart(l.src[j]) && l.src[j] != '$' {
		j++
	}
	if j < len(l.src) && l.src[j] == '$' {
		tag := l.src[l.pos : j+1]
		end := strings.Index(l.src[j+1:], tag)
		if end < 0 {
			l.advance(len(l.src))
		} else {
			l.advance(j + 1 + end + len(tag))
		}
		return DollarBody
	}
	l.pos++
	return Op
}

func (l *lexer) digits() {
	for l.pos < len(l.src) && isDigit(l.src[l.pos]) {
		l.pos++
	}
}

func (l *lexer) number() {
	if l.src[l.pos] == '0' && (l.peek(1) == 'x' || l.peek(1) == 'X') {
		l.pos += 2
		for l.pos < len(l.src) && isHex(l.src[l.pos]) {
			l.pos++
		}
		return
	}
	l.digits()
	if l.peek(0) == '.' && l.peek(1) != '.' {
		l.pos++
		l.digits()
	}
	if c := l.peek(0); c == 'e' || c == 'E' {
		if isDigit(l.peek(1)) || ((l.peek(1) == '+' || l.peek(1) == '-') && isDigit(l.peek(2))) {
			l.pos += 2
			l.digits()
		}
	}
}

func (l *lexer) identRest() {
	for l.pos < len(l.src) && isIdentPart(l.src[l.pos]) {
		l.pos++
	}
}

var multiOps = []string{"<=>", "->>", "#>>", "<>", "!=", "<=", ">=", "||", "&&", "->", "#>", "@>", "<@", "~~", "!~", "<<", ">>"}

func (l *lexer) operator() {
	rest := l.src[l.pos:]
	for _, op := range multiOps {
		if strings.HasPrefix(rest, op) {
			l.pos += len(op)
			return
		}
	}
	l.pos++
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
func isHex(c byte) bool {
	return isDigit(c) || ('a' <= c && c <= 'f') || ('A' <= c && c <= 'F')
}

// isIdentStart accepts ASCII letters, underscore and any non-ASCII byte, so
// identifiers in UTF-8 (and bytes of invalid UTF-8) stay inside one token.
func isIdentStart(c byte) bool {
	return c == '_' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || c >= 0x80
}

func isIdentPart(c byte) bool { return isIdentStart(c) || isDigit(c) || c == '$' }
