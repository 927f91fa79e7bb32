package migwrite

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// testdata is the shared set of real migration directories.
const testdata = "/work/shared/testdata/migrations"

// fixedNow is the clock of every plan in the tests.
var fixedNow = func() time.Time { return time.Date(2026, 12, 2, 15, 4, 5, 0, time.UTC) }

// copyDir copies src (a real migrations directory) into a new temporary
// directory and returns it.
func copyDir(t *testing.T, src string) string {
	t.Helper()
	if _, err := os.Stat(src); err != nil {
		t.Fatalf("test data: %v", err)
	}
	dst := filepath.Join(t.TempDir(), filepath.Base(src))
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// writeDir makes a directory from name -> content.
func writeDir(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "migrations")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// downSection returns what migrating down runs from a planned file: a
// whole .down.sql or undo file, or the lines after a Down marker.
func downSection(f File) (string, bool) {
	base := filepath.Base(f.Path)
	if strings.HasSuffix(base, ".down.sql") || strings.HasPrefix(base, "U") {
		return f.Content, true
	}
	lines := strings.SplitAfter(f.Content, "\n")
	for i, l := range lines {
		low := strings.ToLower(l)
		if strings.Contains(low, "+goose down") || strings.Contains(low, "migrate:down") || strings.Contains(low, "+migrate down") {
			return strings.Join(lines[i+1:], ""), true
		}
	}
	return "", false
}

// upSection returns what migrating up runs from a planned file.
func upSection(f File) (string, bool) {
	base := filepath.Base(f.Path)
	if strings.HasSuffix(base, ".down.sql") || strings.HasPrefix(base, "U") || base == "atlas.sum" {
		return "", false
	}
	lines := strings.SplitAfter(f.Content, "\n")
	var b strings.Builder
	for _, l := range lines {
		low := strings.ToLower(l)
		if strings.Contains(low, "+goose down") || strings.Contains(low, "migrate:down") || strings.Contains(low, "+migrate down") {
			break
		}
		b.WriteString(l)
	}
	return b.String(), true
}

func baseNames(files []File) []string {
	var out []string
	for _, f := range files {
		out = append(out, filepath.Base(f.Path))
	}
	return out
}
