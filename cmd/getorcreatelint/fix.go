package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// runFix applies the first suggested fix of each finding (write) or prints
// them as a unified diff on out (not write). Only the fixed text changes:
// line endings and the formatting of the rest of the file are kept, a file
// is written only if it still parses afterwards, through a temporary file
// renamed over it (keeping its mode), and a file whose fixes overlap is
// left alone. It reports on log what it changed and prints the findings it
// left unfixed. Exit code: 0 when every finding was fixed, 3 when findings
// remain, 1 on errors.
func runFix(r *outcome, write bool, out, log io.Writer) int {
	plan := planFixes(r.findings)
	failed := r.failed
	files := slices.Sorted(maps.Keys(plan.byFile))
	done := map[string]bool{} // files written, or diffed without -fix
	for _, file := range files {
		before, after, err := fixFile(file, plan.byFile[file], r.fileSizes[file])
		if err != nil {
			fmt.Fprintf(log, "getorcreatelint: %s: not fixed: %v\n", file, err)
			if !isSkip(err) {
				failed = true
			}
			continue
		}
		if !write {
			if err := writeDiff(out, file, before, after); err != nil {
				fmt.Fprintf(log, "getorcreatelint: %v\n", err)
				return 1
			}
		} else if err := writeFileAtomic(file, before, after); err != nil {
			fmt.Fprintf(log, "getorcreatelint: %s: not fixed: %v\n", file, err)
			failed = true
			continue
		}
		done[file] = true
	}
	// A fix that edits several files counts only if all of them were done.
	var left []finding
	fixable := 0
	for i, f := range r.findings {
		x := plan.fixOf[i]
		ok := x != nil
		for _, e := range plan.edits(i) {
			ok = ok && done[e.Start.Filename]
		}
		if !ok {
			left = append(left, f)
			continue
		}
		fixable++
		if write {
			fmt.Fprintf(log, "%s: fixed: %s\n", f.Start, oneLine(x.Message))
		} else {
			left = append(left, f) // -diff changes nothing
		}
	}
	if err := writeText(log, r, nonNil(left), -1); err != nil {
		return 1
	}
	if write {
		fmt.Fprintf(log, "getorcreatelint: fixed %d of %d findings in %d files; %d left\n", fixable, len(r.findings), len(done), len(left))
	} else {
		fmt.Fprintf(log, "getorcreatelint: the diff fixes %d of %d findings; no file was changed (-fix without -diff applies it)\n",
			fixable, len(r.findings))
	}
	switch {
	case failed:
		return 1
	case len(left) > 0:
		return 3
	}
	return 0
}

func nonNil(f []finding) []finding {
	if f == nil {
		return []finding{}
	}
	return f
}

// fixPlan is the first fix of every finding, and its edits by file.
type fixPlan struct {
	byFile map[string][]edit
	fixOf  map[int]*fix // finding index -> the fix applied for it
}

func (p *fixPlan) edits(i int) []edit {
	if x := p.fixOf[i]; x != nil {
		return x.Edits
	}
	return nil
}

func planFixes(findings []finding) *fixPlan {
	p := &fixPlan{byFile: map[string][]edit{}, fixOf: map[int]*fix{}}
	for i := range findings {
		f := &findings[i]
		if len(f.Fixes) == 0 || len(f.Fixes[0].Edits) == 0 {
			continue
		}
		x := &f.Fixes[0]
		p.fixOf[i] = x
		for _, e := range x.Edits {
			p.byFile[e.Start.Filename] = append(p.byFile[e.Start.Filename], e)
		}
	}
	return p
}

// skipError is a reason to leave a file alone that is not a failure of
// the run: the findings stay reported.
type skipError struct{ msg string }

func (e skipError) Error() string { return e.msg }

func isSkip(err error) bool {
	_, ok := err.(skipError)
	return ok
}

// fixFile reads file and returns its content before and after edits.
// size is the file's size when it was analysed.
func fixFile(file string, edits []edit, size int) (before, after []byte, err error) {
	info, err := os.Lstat(file)
	if err != nil {
		return nil, nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, nil, skipError{"not a regular file"}
	}
	before, err = os.ReadFile(file)
	if err != nil {
		return nil, nil, err
	}
	if len(before) != size {
		return nil, nil, skipError{"the file changed since it was analysed; run again"}
	}
	fset := token.NewFileSet()
	if f, err := parser.ParseFile(fset, file, before, parser.ParseComments|parser.PackageClauseOnly); err == nil && ast.IsGenerated(f) {
		return nil, nil, skipError{"generated file (edit its source instead)"}
	}
	after, err = applyEdits(before, edits)
	if err != nil {
		return nil, nil, err
	}
	if _, err := parser.ParseFile(token.NewFileSet(), file, after, parser.ParseComments); err != nil {
		return nil, nil, skipError{fmt.Sprintf("the fixed file would not parse (%v); fix it by hand", err)}
	}
	return before, after, nil
}

// applyEdits applies byte-offset edits to src. Identical edits (several
// findings asking for the same change) count once; edits that overlap, or
// insert different text at one point, conflict. New text takes the file's
// line endings.
func applyEdits(src []byte, edits []edit) ([]byte, error) {
	crlf := bytes.Count(src, []byte("\r\n")) > bytes.Count(src, []byte("\n"))/2
	type span struct {
		start, end int
		text       string
	}
	var spans []span
	for _, e := range edits {
		s, t := e.Start.Offset, e.End.Offset
		if e.End.Filename == "" {
			t = s
		}
		if s < 0 || t < s || t > len(src) {
			return nil, skipError{fmt.Sprintf("a fix lies outside the file (offset %d-%d of %d)", s, t, len(src))}
		}
		text := e.NewText
		if crlf {
			text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\n", "\r\n")
		}
		sp := span{s, t, text}
		if !slices.Contains(spans, sp) {
			spans = append(spans, sp)
		}
	}
	slices.SortFunc(spans, func(a, b span) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return a.end - b.end
	})
	for i := 1; i < len(spans); i++ {
		a, b := spans[i-1], spans[i]
		if b.start < a.end || b.start == a.start {
			line := 1 + bytes.Count(src[:b.start], []byte("\n"))
			return nil, skipError{fmt.Sprintf("fixes conflict at line %d (several findings want different edits there); fix it by hand", line)}
		}
	}
	var out bytes.Buffer
	last := 0
	for _, sp := range spans {
		out.Write(src[last:sp.start])
		out.WriteString(sp.text)
		last = sp.end
	}
	out.Write(src[last:])
	return out.Bytes(), nil
}

// writeFileAtomic replaces file with after through a temporary file in the
// same directory, renamed over it, keeping the file's permission bits. It
// refuses when the file no longer holds before (another process changed it).
func writeFileAtomic(file string, before, after []byte) error {
	info, err := os.Stat(file)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(file), "."+filepath.Base(file)+".getorcreatelint-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename there is nothing left to remove
	if _, err := tmp.Write(after); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(info.Mode().Perm()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if now, err := os.ReadFile(file); err != nil || !bytes.Equal(now, before) {
		return fmt.Errorf("the file changed while it was being fixed; run again")
	}
	return os.Rename(tmp.Name(), file)
}
