package main

import (
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// locator turns positions into what CI reports need: paths relative to the
// repository root, and columns in UTF-16 code units (SARIF's default
// column kind, and what GitHub's web pages count), where go/token counts
// bytes. The two agree on ASCII lines.
type locator struct {
	root  string              // repository root: git top level, else module root, else the working directory
	lines map[string][]string // file -> its lines, read on first need
}

func newLocator() (*locator, error) {
	wd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	return &locator{root: reportRoot(wd), lines: map[string][]string{}}, nil
}

// reportRoot returns the directory report paths are relative to: the
// nearest enclosing directory holding .git (a directory, or a file in a
// worktree), else the one holding go.mod, else dir.
func reportRoot(dir string) string {
	if d := findUp(dir, ".git"); d != "" {
		return d
	}
	if d := findUp(dir, "go.mod"); d != "" {
		return d
	}
	return dir
}

func findUp(dir, name string) string {
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, name)); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}

// relPath returns file relative to the root, slash-separated, and whether
// it lies under the root at all.
func (l *locator) relPath(file string) (string, bool) {
	if rel, ok := relUnder(l.root, file); ok {
		return rel, true
	}
	// The root or the file may be reached through a symbolic link.
	root, err1 := filepath.EvalSymlinks(l.root)
	target, err2 := filepath.EvalSymlinks(file)
	if err1 == nil && err2 == nil {
		if rel, ok := relUnder(root, target); ok {
			return rel, true
		}
	}
	return filepath.ToSlash(file), false
}

func relUnder(root, file string) (string, bool) {
	rel, err := filepath.Rel(root, file)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// column returns the 1-based UTF-16 column of p. It falls back to the byte
// column when the file cannot be read.
func (l *locator) column(p token.Position) int {
	lines, ok := l.lines[p.Filename]
	if !ok {
		if data, err := os.ReadFile(p.Filename); err == nil {
			lines = strings.Split(string(data), "\n")
		}
		l.lines[p.Filename] = lines
	}
	if p.Line < 1 || p.Line > len(lines) || p.Column < 1 {
		return p.Column
	}
	return utf16Column(lines[p.Line-1], p.Column)
}

// utf16Column converts a 1-based byte column in line to UTF-16 code units.
func utf16Column(line string, byteCol int) int {
	prefix := line[:min(byteCol-1, len(line))]
	n := 0
	for len(prefix) > 0 {
		r, size := utf8.DecodeRuneInString(prefix)
		prefix = prefix[size:]
		if r >= 0x10000 {
			n += 2 // a surrogate pair
		} else {
			n++
		}
	}
	return n + 1 + max(0, byteCol-1-len(line))
}

// span is a resolved range: start and end line and UTF-16 column. A
// missing end is the start.
type span struct {
	startLine, startCol, endLine, endCol int
}

func (l *locator) span(start, end token.Position) span {
	s := span{startLine: start.Line, startCol: l.column(start)}
	if end.IsValid() && end.Filename == start.Filename {
		s.endLine, s.endCol = end.Line, l.column(end)
	} else {
		s.endLine, s.endCol = s.startLine, s.startCol
	}
	return s
}
