package migrations

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
)

// EmbedPatterns returns the patterns of a //go:embed directive, given the
// text after "//go:embed", as the go command reads them: separated by
// spaces, each bare or a Go string literal ("my schema", `my schema/*.sql`),
// and without the all: prefix, which only decides whether hidden files
// match. A malformed quoted pattern ends the list.
func EmbedPatterns(args string) []string {
	var out []string
	s := strings.TrimLeftFunc(args, unicode.IsSpace)
	for s != "" {
		var p string
		switch s[0] {
		case '"', '`':
			end := quotedEnd(s)
			if end < 0 {
				return out
			}
			u, err := strconv.Unquote(s[:end])
			if err != nil {
				return out
			}
			p, s = u, s[end:]
		default:
			i := strings.IndexFunc(s, unicode.IsSpace)
			if i < 0 {
				i = len(s)
			}
			p, s = s[:i], s[i:]
		}
		if p = strings.TrimPrefix(p, "all:"); p != "" {
			out = append(out, p)
		}
		s = strings.TrimLeftFunc(s, unicode.IsSpace)
	}
	return out
}

// quotedEnd returns the end of the Go string literal s starts with, or -1.
func quotedEnd(s string) int {
	q := s[0]
	for i := 1; i < len(s); i++ {
		switch {
		case s[i] == '\\' && q == '"':
			i++
		case s[i] == q:
			return i + 1
		}
	}
	return -1
}

// embedPath is a path built from a //go:embed pattern that may still carry
// the all: prefix in one of its elements (package dir + "all:schema"):
// the prefix is dropped where the path does not exist with it.
func embedPath(path string) string {
	if !strings.Contains(path, "all:") || exists(path) {
		return path
	}
	parts := strings.Split(filepath.ToSlash(path), "/")
	for i, p := range parts {
		parts[i] = strings.TrimPrefix(p, "all:")
	}
	return filepath.FromSlash(strings.Join(parts, "/"))
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}
