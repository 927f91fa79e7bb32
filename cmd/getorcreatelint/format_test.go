package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"
)

func TestSplitFormat(t *testing.T) {
	for _, tc := range []struct {
		args   []string
		format string
		rest   []string
	}{
		{[]string{"./..."}, "", []string{"./..."}},
		{[]string{"-format", "sarif", "./..."}, "sarif", []string{"./..."}},
		{[]string{"-format=github", "-strict", "./..."}, "github", []string{"-strict", "./..."}},
		{[]string{"--format=json", "./..."}, "json", []string{"./..."}},
		{[]string{"-strict", "-format", "sarif", "./..."}, "sarif", []string{"-strict", "./..."}},
		// Value flags consume the next argument, even one that looks
		// like -format.
		{[]string{"-c", "2", "-format", "text", "./..."}, "text", []string{"-c", "2", "./..."}},
		{[]string{"-categories", "directive", "-format", "sarif", "./..."}, "sarif", []string{"-categories", "directive", "./..."}},
		{[]string{"-migrations", "-format", "./..."}, "", []string{"-migrations", "-format", "./..."}},
		// The last -format wins, as with any flag.
		{[]string{"-format", "sarif", "-format=github", "./..."}, "github", []string{"./..."}},
		// Flag parsing stops at the first package and at --.
		{[]string{"./...", "-format", "sarif"}, "", []string{"./...", "-format", "sarif"}},
		{[]string{"--", "-format", "sarif"}, "", []string{"--", "-format", "sarif"}},
	} {
		format, rest, err := splitFormat(tc.args)
		if err != nil {
			t.Errorf("splitFormat(%q): %v", tc.args, err)
			continue
		}
		if format != tc.format || !reflect.DeepEqual(rest, tc.rest) {
			t.Errorf("splitFormat(%q) = %q, %q; want %q, %q", tc.args, format, rest, tc.format, tc.rest)
		}
	}
}

func TestSplitFormatErrors(t *testing.T) {
	for _, args := range [][]string{{"-format"}, {"-format", "xml", "./..."}, {"-format="}} {
		if _, _, err := splitFormat(args); err == nil {
			t.Errorf("splitFormat(%q) accepted", args)
		}
	}
}

// splitFormat must know which of singlechecker's flags take a value. The
// binary's -flags lists them (all but the debugging flags, which the list
// in format.go names too).
func TestDriverValueFlagsMatchTheBinary(t *testing.T) {
	out, err := exec.Command("go", "run", ".", "-flags").Output()
	if err != nil {
		t.Fatalf("go run . -flags: %v", err)
	}
	var flags []struct {
		Name string
		Bool bool
	}
	if err := json.Unmarshal(out, &flags); err != nil {
		t.Fatalf("-flags output: %v\n%s", err, out)
	}
	if len(flags) < 5 {
		t.Fatalf("-flags listed only %d flags: %s", len(flags), out)
	}
	for _, f := range flags {
		if got := flagTakesValue(f.Name); got == f.Bool {
			t.Errorf("flag -%s: flagTakesValue = %v, but the binary says bool = %v", f.Name, got, f.Bool)
		}
	}
}

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
