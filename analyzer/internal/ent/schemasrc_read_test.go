//go:build unix

package ent

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/getorcreatelint/getorcreatelint/schema/fsread"
)

// The client's directory is read file by file for ent's go:generate
// directive. A FIFO there (named so that the go command ignores it) must
// not block, and a file over fsread.MaxGoFile is not read: its directive
// naming another schema directory does not count.
func TestFindEntSchemaDirSkipsFIFOsAndHugeFiles(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "_fifo.go"), 0o644); err != nil {
		t.Fatal(err)
	}
	huge := "package ent\n\n//go:generate go run entgo.io/ent/cmd/ent generate ./wrong\n//" + strings.Repeat("x", int(fsread.MaxGoFile)) + "\n"
	for name, src := range map[string]string{
		"_huge.go":    huge,
		"generate.go": "package ent\n\n//go:generate go run -mod=mod entgo.io/ent/cmd/ent generate ./schema\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got := make(chan string, 1)
	go func() { got <- findEntSchemaDir(dir) }()
	select {
	case g := <-got:
		if want := filepath.Join(dir, "schema"); g != want {
			t.Errorf("findEntSchemaDir = %q, want %q", g, want)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("findEntSchemaDir still blocked on a FIFO after 10s")
	}
}
