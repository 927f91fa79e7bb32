package migrations

import "strings"

// UpSection returns the part of a migration file that migrating up runs,
// with every other line blanked so that line numbers stay the same:
//
//   - goose: "-- +goose Up" ... "-- +goose Down"
//   - dbmate: "-- migrate:up" ... "-- migrate:down"
//   - sql-migrate: "-- +migrate Up" ... "-- +migrate Down"
//
// A file with none of these markers is returned unchanged. A goose
// "-- +goose StatementEnd" line becomes ";" so that a body without a
// trailing semicolon still ends its statement there, as goose does (and
// sql-migrate's "-- +migrate StatementEnd" likewise).
// golang-migrate keeps the down part in a separate *.down.sql file, which
// directory loading skips.
func UpSection(src string) string {
	if !strings.Contains(src, "+goose") && !strings.Contains(src, "migrate:") && !strings.Contains(src, "+migrate") {
		return src
	}
	marked := false
	for l := range strings.Lines(src) {
		if m := sectionMarker(l); m != markNone && m != markStatementEnd {
			marked = true
			break
		}
	}
	if !marked {
		return src
	}
	var b strings.Builder
	b.Grow(len(src))
	up := false
	for l := range strings.Lines(src) {
		m := sectionMarker(l)
		switch m {
		case markUp:
			up = true
		case markDown:
			up = false
		}
		switch {
		case m == markStatementEnd && up:
			b.WriteString(";")
			b.WriteString(lineEnding(l))
		case up && m == markNone:
			b.WriteString(l)
		default:
			b.WriteString(lineEnding(l))
		}
	}
	return b.String()
}

type marker uint8

const (
	markNone marker = iota
	markUp
	markDown
	markStatementEnd
)

// sectionMarker classifies a line as one of the tools' section comments.
func sectionMarker(line string) marker {
	l := strings.TrimSpace(line)
	if !strings.HasPrefix(l, "--") {
		return markNone
	}
	l = strings.TrimSpace(strings.TrimPrefix(l, "--"))
	fields := strings.Fields(strings.ToLower(l))
	if len(fields) == 0 {
		return markNone
	}
	switch fields[0] {
	case "+goose", "+migrate":
		if len(fields) < 2 {
			return markNone
		}
		switch fields[1] {
		case "up":
			return markUp
		case "down":
			return markDown
		case "statementend":
			return markStatementEnd
		}
	case "migrate:up":
		return markUp
	case "migrate:down":
		return markDown
	}
	return markNone
}

func lineEnding(l string) string {
	if strings.HasSuffix(l, "\n") {
		return "\n"
	}
	return ""
}
