package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestEscaping(t *testing.T) {
	const s = "100% sure:\r\nyes, no"
	if got, want := escapeData(s), "100%25 sure:%0D%0Ayes, no"; got != want {
		t.Errorf("escapeData = %q, want %q", got, want)
	}
	if got, want := escapeProperty(s), "100%25 sure%3A%0D%0Ayes%2C no"; got != want {
		t.Errorf("escapeProperty = %q, want %q", got, want)
	}
	// Escaping is one pass: an escape sequence already in the text is
	// kept as text, not decoded.
	if got, want := escapeData("%0A"), "%250A"; got != want {
		t.Errorf("escapeData(%%0A) = %q, want %q", got, want)
	}
}

func TestUTF16Column(t *testing.T) {
	for _, tc := range []struct {
		line    string
		byteCol int
		want    int
	}{
		{"abc", 1, 1},
		{"abc", 3, 3},
		{"abc", 4, 4},         // just past the end: an end column
		{"é = f()", 4, 3},     // é is 2 bytes, 1 unit
		{"\"🙂\" + f()", 8, 6}, // 🙂 is 4 bytes, 2 units
		{"\t\tx", 3, 3},
		{"ab", 6, 6}, // beyond the line (a stale file): keep the distance
	} {
		if got := utf16Column(tc.line, tc.byteCol); got != tc.want {
			t.Errorf("utf16Column(%q, %d) = %d, want %d", tc.line, tc.byteCol, got, tc.want)
		}
	}
}

func TestReportRoot(t *testing.T) {
	repo := t.TempDir()
	mod := filepath.Join(repo, "services", "shop")
	pkg := filepath.Join(mod, "store")
	mustMkdir(t, pkg)
	mustWrite(t, filepath.Join(mod, "go.mod"), "module example.com/shop\n")
	if got := reportRoot(pkg); got != mod {
		t.Errorf("without git: root %s, want the module root %s", got, mod)
	}
	mustMkdir(t, filepath.Join(repo, ".git"))
	if got := reportRoot(pkg); got != repo {
		t.Errorf("in a git repository: root %s, want the top level %s", got, repo)
	}
	// A worktree has a .git file.
	wt := filepath.Join(t.TempDir(), "wt")
	mustMkdir(t, wt)
	mustWrite(t, filepath.Join(wt, ".git"), "gitdir: /elsewhere\n")
	if got := reportRoot(wt); got != wt {
		t.Errorf("in a worktree: root %s, want %s", got, wt)
	}
}

func TestRelPath(t *testing.T) {
	root := t.TempDir()
	loc := &locator{root: root, lines: map[string][]string{}}
	if got, ok := loc.relPath(filepath.Join(root, "a", "b.go")); !ok || got != "a/b.go" {
		t.Errorf("relPath under the root = %q, %v", got, ok)
	}
	if got, ok := loc.relPath(filepath.Join(filepath.Dir(root), "other.go")); ok || !filepath.IsAbs(got) {
		t.Errorf("relPath outside the root = %q, %v; want the absolute path and false", got, ok)
	}
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(root, link); err != nil {
		t.Skip(err)
	}
	loc.root = link
	mustWrite(t, filepath.Join(root, "c.go"), "package c\n")
	if got, ok := loc.relPath(filepath.Join(root, "c.go")); !ok || got != "c.go" {
		t.Errorf("relPath through a symlinked root = %q, %v", got, ok)
	}
}

func mustMkdir(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
}

func mustWrite(t *testing.T, name, content string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
