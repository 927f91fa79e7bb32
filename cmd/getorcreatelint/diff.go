package main

import (
	"fmt"
	"io"
	"strings"
)

// writeDiff prints the change from before to after as a unified diff with
// three lines of context.
func writeDiff(w io.Writer, file string, before, after []byte) error {
	hunks := unifiedHunks(splitLines(string(before)), splitLines(string(after)), 3)
	if len(hunks) == 0 {
		return nil
	}
	if _, err := fmt.Fprintf(w, "--- %s (old)\n+++ %s (new)\n", file, file); err != nil {
		return err
	}
	for _, h := range hunks {
		if _, err := io.WriteString(w, h); err != nil {
			return err
		}
	}
	return nil
}

// splitLines splits s after each newline; a last line without one gets
// the diff convention's marker.
func splitLines(s string) []string {
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	} else {
		lines[len(lines)-1] += "\n\\ No newline at end of file\n"
	}
	return lines
}

// op is one line of an edit script: ' ' kept, '-' removed, '+' added.
type op struct {
	kind byte
	line string
}

// editScript compares a and b line by line: the common prefix and suffix
// are kept, the middle is aligned by a longest common subsequence when it
// is small enough, and replaced as a block otherwise.
func editScript(a, b []string) []op {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	var ops []op
	for _, l := range a[:pre] {
		ops = append(ops, op{' ', l})
	}
	ma, mb := a[pre:len(a)-suf], b[pre:len(b)-suf]
	if len(ma)*len(mb) <= 4_000_000 {
		ops = append(ops, lcsScript(ma, mb)...)
	} else {
		for _, l := range ma {
			ops = append(ops, op{'-', l})
		}
		for _, l := range mb {
			ops = append(ops, op{'+', l})
		}
	}
	for _, l := range a[len(a)-suf:] {
		ops = append(ops, op{' ', l})
	}
	return ops
}

func lcsScript(a, b []string) []op {
	n, m := len(a), len(b)
	// l[i][j] is the LCS length of a[i:] and b[j:].
	l := make([][]int32, n+1)
	for i := range l {
		l[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				l[i][j] = l[i+1][j+1] + 1
			} else {
				l[i][j] = max(l[i+1][j], l[i][j+1])
			}
		}
	}
	var ops []op
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && a[i] == b[j]:
			ops = append(ops, op{' ', a[i]})
			i, j = i+1, j+1
		case i < n && (j == m || l[i+1][j] >= l[i][j+1]):
			ops = append(ops, op{'-', a[i]})
			i++
		default:
			ops = append(ops, op{'+', b[j]})
			j++
		}
	}
	return ops
}

// unifiedHunks groups the changes of the edit script into hunks with ctx
// lines of context, merging hunks whose context would overlap.
func unifiedHunks(a, b []string, ctx int) []string {
	ops := editScript(a, b)
	var hunks []string
	for i := 0; i < len(ops); {
		if ops[i].kind == ' ' {
			i++
			continue
		}
		// ops[i] starts a change: the hunk runs from ctx lines before it to
		// ctx lines after the last change closer than 2*ctx to the previous.
		start := max(0, i-ctx)
		end := i
		for k := i; k < len(ops); k++ {
			if ops[k].kind != ' ' {
				end = k
			} else if k-end > 2*ctx {
				break
			}
		}
		stop := min(len(ops), end+ctx+1)
		// Line numbers: count the lines of a and b before start.
		oldLine, newLine := 1, 1
		for _, o := range ops[:start] {
			if o.kind != '+' {
				oldLine++
			}
			if o.kind != '-' {
				newLine++
			}
		}
		var body strings.Builder
		oldN, newN := 0, 0
		for _, o := range ops[start:stop] {
			body.WriteByte(o.kind)
			body.WriteString(o.line)
			if o.kind != '+' {
				oldN++
			}
			if o.kind != '-' {
				newN++
			}
		}
		hunks = append(hunks, fmt.Sprintf("@@ -%s +%s @@\n%s", hunkRange(oldLine, oldN), hunkRange(newLine, newN), body.String()))
		i = stop
	}
	return hunks
}

func hunkRange(start, n int) string {
	if n == 0 {
		return fmt.Sprintf("%d,0", start-1)
	}
	return fmt.Sprintf("%d,%d", start, n)
}
