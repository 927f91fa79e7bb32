package migrations

import (
	"regexp"
	"strings"
)

// copyFromStdin matches the statement that starts a pg_dump data block:
// COPY table (cols) FROM stdin;
var copyFromStdin = regexp.MustCompile(`(?i)^\s*COPY\s+\S.*\bFROM\s+stdin\b.*;\s*$`)

// BlankCopyData blanks the rows of pg_dump's COPY ... FROM stdin blocks,
// through the line "\.", keeping line numbers. The rows are tab-separated
// data, not SQL: an apostrophe in one would otherwise open a string that
// swallows the rest of the dump.
func BlankCopyData(src string) string {
	if !strings.Contains(src, "stdin") {
		return src
	}
	var b strings.Builder
	b.Grow(len(src))
	inData := false
	for l := range strings.Lines(src) {
		text := strings.TrimRight(l, "\r\n")
		switch {
		case inData && text == `\.`:
			inData = false
			b.WriteString(l[len(text):])
		case inData:
			b.WriteString(l[len(text):]) // keep the newline only
		default:
			b.WriteString(l)
			inData = copyFromStdin.MatchString(text)
		}
	}
	return b.String()
}
