package sqlscan

import (
	"strings"
)

// Statement is one SQL statement: its tokens without the terminating
// delimiter (and without EOF), and the 1-based line its first token is on.
type Statement struct {
	Toks []Token
	Line int
}

// Text returns the statement's source text, from its first token to the end
// of its last one. src must be the text the statement was split from.
func (s Statement) Text(src string) string {
	if len(s.Toks) == 0 {
		return ""
	}
	first, last := s.Toks[0], s.Toks[len(s.Toks)-1]
	end := last.Off + len(last.Text)
	if first.Off < 0 || first.Off > end || end > len(src) {
		return ""
	}
	return src[first.Off:end]
}

// SplitStatements lexes src and splits it into statements on ";". A
// semicolon does not end a statement inside the BEGIN ... END or CASE ... END
// blocks of CREATE TRIGGER, PROCEDURE, FUNCTION and EVENT bodies, and MySQL
// client DELIMITER directives change the terminator until the next one.
// Dollar-quoted bodies are single tokens already. Empty statements are
// dropped. Like Lex, it never fails.
func SplitStatements(src string, d Dialect) []Statement {
	var out []Statement
	EachStatement(src, d, nil, func(st Statement) { out = append(out, st) })
	return out
}

// EachStatement splits src as SplitStatements does and calls fn with each
// statement in order, lexing as it goes: only the tokens of the statement
// at hand are held. When skip is not nil it is asked about the first token
// of each statement; a statement it accepts is passed over without keeping
// its tokens, and fn is not called for it. Skipping the data statements of
// a dump (INSERT ... VALUES of any length) so costs no memory.
func EachStatement(src string, d Dialect, skip func(first Token) bool, fn func(Statement)) {
	if d != Postgres && hasDelimiterDirective(src) {
		// DELIMITER is a MySQL client directive; MySQL lexing keeps $$ and
		// // delimiters out of dollar quotes and comments.
		d = MySQL
	}
	s := splitter{src: src, delim: ";", skip: skip, emit: fn}
	lx := NewScanner(src, d)
	for {
		t := lx.Next()
		if t.Kind == EOF {
			break
		}
		s.token(t, d)
	}
	s.flush()
}

// hasDelimiterDirective reports whether some line of src starts with the
// word DELIMITER followed by a space.
func hasDelimiterDirective(src string) bool {
	for off := 0; off < len(src); {
		i := strings.IndexByte(src[off:], '\n')
		line := src[off:]
		if i >= 0 {
			line = src[off : off+i]
		}
		line = strings.TrimLeft(line, " \t")
		if len(line) > len("delimiter") && strings.EqualFold(line[:len("delimiter")], "delimiter") &&
			(line[len("delimiter")] == ' ' || line[len("delimiter")] == '\t') {
			return true
		}
		if i < 0 {
			break
		}
		off += i + 1
	}
	return false
}

type splitter struct {
	src      string
	delim    string  // current statement terminator
	cur      []Token // tokens of the statement being built
	skip     func(first Token) bool
	skipping bool // the statement being passed over started with a token skip accepted
	emit     func(Statement)
	routine  int  // 0 unknown, 1 routine body, 2 not a routine
	depth    int  // BEGIN/CASE nesting inside a routine body
	skipTo   int  // tokens starting before this offset belong to a directive
	lastEnd  int  // end offset of the previous token, to find line starts
	endDec   bool // the previous token was an END that closed a block
}

func (s *splitter) flush() {
	for len(s.cur) > 0 && s.cur[len(s.cur)-1].IsPunct(";") {
		s.cur = s.cur[:len(s.cur)-1] // an unbalanced body ran to the end
	}
	if len(s.cur) > 0 && !s.skipping {
		s.emit(Statement{Toks: s.cur, Line: s.cur[0].Line})
	}
	s.cur, s.routine, s.depth, s.endDec, s.skipping = nil, 0, 0, false, false
}

func (s *splitter) token(t Token, d Dialect) {
	s.place(t, d)
	s.lastEnd = t.Off + len(t.Text)
}

// add appends a token to the current statement. The first token of a
// statement decides whether it is skipped; a skipped statement keeps only
// that token, to know that one is under way.
func (s *splitter) add(t Token) {
	switch {
	case len(s.cur) == 0:
		s.skipping = s.skip != nil && s.skip(t)
	case s.skipping:
		return
	}
	s.cur = append(s.cur, t)
}

// place puts one token into the current statement, or ends it.
func (s *splitter) place(t Token, d Dialect) {
	if t.Off < s.skipTo {
		return
	}
	if t.Is("delimiter") && s.firstOnLine(t) {
		s.flush()
		s.directive(t)
		return
	}
	if s.delim != ";" {
		s.customDelimited(t, d)
		return
	}
	if t.IsPunct(";") && s.blockDepth() == 0 {
		s.flush()
		return
	}
	s.add(t)
	if !s.skipping {
		s.trackBlocks()
	}
}

// firstOnLine reports whether only whitespace or comments precede t on its
// line: a DELIMITER directive must start the line.
func (s *splitter) firstOnLine(t Token) bool {
	before := s.src[:t.Off]
	nl := strings.LastIndexByte(before, '\n')
	return s.lastEnd <= nl+1 || strings.TrimSpace(before[nl+1:]) == ""
}

// directive reads "DELIMITER x" and skips the rest of its line.
func (s *splitter) directive(t Token) {
	rest := s.src[t.Off+len(t.Text):]
	eol := strings.IndexByte(rest, '\n')
	if eol < 0 {
		eol = len(rest)
	}
	line := rest[:eol]
	s.skipTo = t.Off + len(t.Text) + eol
	if f := strings.Fields(line); len(f) > 0 {
		s.delim = f[0]
	}
}

// customDelimited ends the statement where the custom delimiter starts,
// which may be inside a token (END$$ lexes as one identifier).
func (s *splitter) customDelimited(t Token, d Dialect) {
	if t.Kind == String || t.Kind == QIdent || t.Kind == DollarBody || t.Kind == Template {
		s.add(t)
		return
	}
	end := t.Off + len(t.Text) + len(s.delim) - 1
	if end > len(s.src) {
		end = len(s.src)
	}
	k := strings.Index(s.src[t.Off:end], s.delim)
	if k < 0 || k >= len(t.Text) {
		s.add(t)
		return
	}
	if k > 0 {
		for _, rt := range relex(s.src, t.Off, t.Off+k, t.Line, d) {
			s.add(rt)
		}
	}
	s.flush()
	after := t.Off + k + len(s.delim)
	s.skipTo = after
	if tokEnd := t.Off + len(t.Text); after < tokEnd {
		for _, rt := range relex(s.src, after, tokEnd, t.Line, d) {
			s.add(rt)
		}
	}
}

// relex lexes src[from:to] as tokens positioned in src.
func relex(src string, from, to, line int, d Dialect) []Token {
	toks := Lex(src[from:to], d)
	toks = toks[:len(toks)-1]
	for i := range toks {
		toks[i].Off += from
		toks[i].Line += line - 1
	}
	return toks
}

// blockDepth is the BEGIN/CASE nesting that keeps a semicolon inside the
// current statement; it is zero outside routine bodies.
func (s *splitter) blockDepth() int {
	if s.routine != 1 {
		return 0
	}
	return s.depth
}

// createObjects end the search for the object a CREATE statement makes.
var createObjects = map[string]int{
	"trigger": 1, "procedure": 1, "function": 1, "event": 1,
	"table": 2, "index": 2, "view": 2, "sequence": 2, "type": 2, "schema": 2,
	"extension": 2, "domain": 2, "database": 2, "role": 2, "user": 2, "policy": 2,
}

// createObject looks word up in createObjects without allocating.
func createObject(word string) int {
	var buf [16]byte
	if len(word) > len(buf) {
		return 0
	}
	for i := 0; i < len(word); i++ {
		c := word[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return createObjects[string(buf[:len(word)])]
}

// trackBlocks updates the routine flag and block depth after the last token
// was appended.
func (s *splitter) trackBlocks() {
	n := len(s.cur)
	t := s.cur[n-1]
	if s.routine == 0 {
		switch {
		case !s.cur[0].Is("create"):
			s.routine = 2
		case t.Kind == Ident && n > 1:
			if kind := createObject(t.Text); kind != 0 {
				s.routine = kind
			} else if n > 16 || t.IsPunct("(") {
				s.routine = 2
			}
		}
	}
	if s.routine != 1 || t.Kind != Ident || (n > 1 && s.cur[n-2].IsPunct(".")) {
		s.endDec = false
		return
	}
	afterEnd := s.endDec
	s.endDec = false
	switch {
	case t.Is("case") && afterEnd:
		// END CASE: the END already closed the CASE.
	case t.Is("begin") || t.Is("case"):
		s.depth++
	case t.Is("if") || t.Is("loop") || t.Is("while") || t.Is("repeat"):
		// END IF, END LOOP ... close blocks that were never counted: undo
		// the decrement the preceding END made.
		if afterEnd {
			s.depth++
		}
	case t.Is("end"):
		if s.depth > 0 {
			s.depth--
			s.endDec = true
		}
	}
}
