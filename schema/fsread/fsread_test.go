//go:build unix

package fsread

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// readWithin fails the test when ReadFile does not return in time: a
// FIFO must never make it wait for a writer.
func readWithin(t *testing.T, path string, limit int64) ([]byte, error) {
	t.Helper()
	type result struct {
		b   []byte
		err error
	}
	done := make(chan result, 1)
	go func() {
		b, err := ReadFile(path, limit)
		done <- result{b, err}
	}()
	select {
	case r := <-done:
		return r.b, r.err
	case <-time.After(5 * time.Second):
		t.Fatalf("ReadFile(%s) still blocked after 5s", path)
		return nil, nil
	}
}

func TestReadsRegularFilesAndLinksToThem(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.sql")
	if err := os.WriteFile(file, []byte("CREATE TABLE t (id int);"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "b.sql")
	if err := os.Symlink(file, link); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{file, link} {
		b, err := readWithin(t, p, 100)
		if err != nil || string(b) != "CREATE TABLE t (id int);" {
			t.Errorf("ReadFile(%s) = %q, %v", p, b, err)
		}
	}
}

func TestRefusesWhatIsNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "0050_fifo.up.sql")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	fifoLink := filepath.Join(dir, "fifo-link.sql")
	zeroLink := filepath.Join(dir, "zero.sql")
	dangling := filepath.Join(dir, "dangling.sql")
	loop := filepath.Join(dir, "loop.sql")
	for link, target := range map[string]string{fifoLink: fifo, zeroLink: "/dev/zero", dangling: filepath.Join(dir, "missing.sql"), loop: loop} {
		if err := os.Symlink(target, link); err != nil {
			t.Fatal(err)
		}
	}
	cases := []struct {
		path string
		want error
		says string
	}{
		{fifo, ErrNotRegular, "named pipe"},
		{fifoLink, ErrNotRegular, "named pipe"},
		{zeroLink, ErrNotRegular, "character device"},
		{"/dev/urandom", ErrNotRegular, "character device"},
		{dir, ErrNotRegular, "directory"},
		{dangling, ErrBadLink, "missing"},
		{loop, ErrBadLink, "symbolic links"},
	}
	for _, c := range cases {
		b, err := readWithin(t, c.path, MaxSchemaFile)
		if !errors.Is(err, c.want) || !Skippable(err) || b != nil {
			t.Errorf("ReadFile(%s) = %d bytes, %v; want %v", c.path, len(b), err, c.want)
			continue
		}
		if !strings.Contains(err.Error(), c.path) || !strings.Contains(err.Error(), c.says) {
			t.Errorf("ReadFile(%s) error %q should name the file and say %q", c.path, err, c.says)
		}
	}
}

func TestRefusesFilesOverTheLimit(t *testing.T) {
	file := filepath.Join(t.TempDir(), "big.sql")
	if err := os.WriteFile(file, make([]byte, 1001), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := readWithin(t, file, 1000); !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), file) {
		t.Errorf("ReadFile over the limit: %v, want ErrTooLarge naming the file", err)
	}
	if b, err := readWithin(t, file, 1001); err != nil || len(b) != 1001 {
		t.Errorf("ReadFile at the limit: %d bytes, %v", len(b), err)
	}
}

func TestOtherErrorsAreNotSkippable(t *testing.T) {
	_, err := readWithin(t, filepath.Join(t.TempDir(), "missing.sql"), 10)
	if !errors.Is(err, os.ErrNotExist) || Skippable(err) {
		t.Errorf("missing file: %v; want a plain not-exist error", err)
	}
}

func TestReadStringMatchesReadFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "a.sql")
	if err := os.WriteFile(file, []byte("x\x00y"), 0o644); err != nil {
		t.Fatal(err)
	}
	if s, err := ReadString(file, 3); err != nil || s != "x\x00y" {
		t.Errorf("ReadString = %q, %v", s, err)
	}
	if _, err := ReadString(file, 2); !errors.Is(err, ErrTooLarge) {
		t.Errorf("ReadString over the limit: %v", err)
	}
	if _, err := ReadString("/dev/zero", 10); !errors.Is(err, ErrNotRegular) {
		t.Errorf("ReadString(/dev/zero): %v", err)
	}
}
