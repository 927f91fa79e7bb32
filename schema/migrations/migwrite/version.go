package migwrite

import (
	"strings"
	"time"
)

// Version is a migration version as its file name writes it: one number
// (0004, 20240101120000) or flyway's dotted or underscored parts (1_2,
// 1.2), with their leading zeros.
type Version struct {
	Parts []string
	Sep   string // between parts: "_" or "."
}

func parseVersion(s string) Version {
	sep := "_"
	if strings.Contains(s, ".") {
		sep = "."
	}
	return Version{Parts: strings.FieldsFunc(s, func(r rune) bool { return r == '.' || r == '_' }), Sep: sep}
}

func (v Version) String() string { return strings.Join(v.Parts, v.Sep) }

// Compare orders versions numerically, part by part.
func (v Version) Compare(w Version) int {
	for i := 0; i < len(v.Parts) && i < len(w.Parts); i++ {
		if c := compareNumbers(v.Parts[i], w.Parts[i]); c != 0 {
			return c
		}
	}
	return len(v.Parts) - len(w.Parts)
}

func compareNumbers(a, b string) int {
	a, b = strings.TrimLeft(a, "0"), strings.TrimLeft(b, "0")
	if len(a) != len(b) {
		return len(a) - len(b)
	}
	return strings.Compare(a, b)
}

// timestampLayouts are the time formats tools number migrations with, by
// length.
var timestampLayouts = map[int]string{
	8:  "20060102",
	10: "2006010215",
	12: "200601021504",
	14: "20060102150405",
}

// isTimestamp reports whether a version number reads as a date: the tools'
// YYYYMMDD[hh[mm[ss]]] forms, or a longer number starting with one
// (ory's 20210817181232000005).
func isTimestamp(n string) bool {
	l := len(n)
	if l > 14 {
		l = 14
	}
	layout, ok := timestampLayouts[l]
	if !ok {
		return false
	}
	t, err := time.Parse(layout, n[:l])
	return err == nil && t.Year() >= 1990 && t.Year() <= 2200
}

// Next returns the version after v, as the directory writes versions: a
// timestamp of the same length taken from now (or v plus one when now is
// not later), else the last part plus one with the same zero padding.
func (v Version) Next(now time.Time) Version {
	parts := append([]string(nil), v.Parts...)
	last := parts[len(parts)-1]
	if len(parts) == 1 && isTimestamp(last) {
		l := min(len(last), 14)
		cand := now.UTC().Format(timestampLayouts[l]) + strings.Repeat("0", len(last)-l)
		if compareNumbers(cand, last) > 0 {
			return Version{Parts: []string{cand}, Sep: v.Sep}
		}
	}
	parts[len(parts)-1] = increment(last)
	return Version{Parts: parts, Sep: v.Sep}
}

// increment adds one to a decimal string, keeping its width when it fits
// (0009 -> 0010, 99 -> 100).
func increment(n string) string {
	b := []byte(n)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < '9' {
			b[i]++
			return string(b)
		}
		b[i] = '0'
	}
	return "1" + string(b)
}
