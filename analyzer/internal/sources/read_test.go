//go:build unix

package sources

import (
	"errors"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/getorcreatelint/getorcreatelint/schema/fsread"
)

// within fails the test when f does not return in time: a FIFO named
// *.go must never make the analyzer wait for a writer.
func within(t *testing.T, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatalf("%s still blocked after 10s", what)
	}
}

// hostileDir writes a package directory holding model.go and, beside it,
// what go list never looks at but a *.go glob matches: a FIFO and a file
// over fsread.MaxGoFile (names starting with _ are ignored by the go
// command).
func hostileDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("model.go", "package models\n\ntype Account struct{ ID uint }\n\nfunc (Account) TableName() string { return accountsTable }\n")
	if err := syscall.Mkfifo(filepath.Join(dir, "_fifo.go"), 0o644); err != nil {
		t.Fatal(err)
	}
	// Valid Go over the limit: before the size cap it parsed, and its
	// constant would have counted.
	write("_huge.go", "package models\n\nconst accountsTable = \"huge\"\n\n//"+strings.Repeat("x", int(fsread.MaxGoFile))+"\n")
	return dir
}

func TestParseFileRefusesFIFOsAndHugeFiles(t *testing.T) {
	ResetCaches()
	dir := hostileDir(t)
	within(t, "ParseFile on a FIFO", func() {
		if _, err := ParseFile(filepath.Join(dir, "_fifo.go")); !errors.Is(err, fsread.ErrNotRegular) {
			t.Errorf("ParseFile(FIFO) = %v, want ErrNotRegular", err)
		}
	})
	if _, err := ParseFile(filepath.Join(dir, "_huge.go")); !errors.Is(err, fsread.ErrTooLarge) {
		t.Errorf("ParseFile(huge) = %v, want ErrTooLarge", err)
	}
	if f, err := ParseFile(filepath.Join(dir, "model.go")); err != nil || f.Name.Name != "models" {
		t.Errorf("ParseFile(model.go) = %v, %v", f, err)
	}
	if got := ParseErrors(); got != 2 {
		t.Errorf("ParseErrors = %d, want the 2 refused files", got)
	}
}

// A model's TableName returning a constant is evaluated from the files of
// its directory: the FIFO and the huge file are skipped, so the constant
// is not found rather than read from them.
func TestPackageFilesSkipsFIFOsAndHugeFiles(t *testing.T) {
	ResetCaches()
	dir := hostileDir(t)
	within(t, "PackageFiles beside a FIFO", func() {
		files := PackageFiles(filepath.Join(dir, "model.go"))
		if len(files) != 1 {
			t.Errorf("PackageFiles = %d files, want model.go alone", len(files))
		}
		for _, f := range files {
			if constDecl(f, "accountsTable") != nil {
				t.Errorf("the constant of the refused huge file was read")
			}
		}
	})
}

func TestParseDirSkipsFIFOsAndHugeFiles(t *testing.T) {
	ResetCaches()
	dir := hostileDir(t)
	within(t, "ParseDir of a directory with a FIFO", func() {
		files := ParseDir(token.NewFileSet(), dir)
		if len(files) != 1 {
			t.Errorf("ParseDir = %d files, want model.go alone", len(files))
		}
	})
}
