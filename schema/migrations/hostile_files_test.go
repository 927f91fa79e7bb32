//go:build unix

package migrations

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/getorcreatelint/getorcreatelint/schema"
)

// loadWithin fails the test when Load does not return in time: a FIFO
// among the migrations must never make it wait for a writer.
func loadWithin(t *testing.T, root string, dirs []Dir) (*schema.Catalog, error) {
	t.Helper()
	type result struct {
		cat *schema.Catalog
		err error
	}
	done := make(chan result, 1)
	go func() {
		cat, err := Load(root, dirs)
		done <- result{cat, err}
	}()
	select {
	case r := <-done:
		return r.cat, r.err
	case <-time.After(10 * time.Second):
		t.Fatal("Load still blocked after 10s")
		return nil, nil
	}
}

// Files a repository can commit or create that are not regular files, or
// lead nowhere, are skipped with a warning naming them; the migrations
// around them are replayed.
func TestLoadSkipsFilesThatAreNotRegular(t *testing.T) {
	root := writeTree(t, map[string]string{
		"m/0001_init.up.sql": "CREATE TABLE coupons (id bigserial PRIMARY KEY, code text NOT NULL);",
		"m/0099_code.up.sql": "CREATE UNIQUE INDEX coupons_code ON coupons (code);",
	})
	m := filepath.Join(root, "m")
	if err := syscall.Mkfifo(filepath.Join(m, "0050_fifo.up.sql"), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, target := range map[string]string{
		"0051_zero.up.sql":     "/dev/zero",
		"0052_random.up.sql":   "/dev/urandom",
		"0053_dangling.up.sql": "../../missing/x.sql",
		"0054_loop.up.sql":     "0054_loop.up.sql",
		"0055_fifo.up.sql":     "0050_fifo.up.sql",
		"0056_gen.go":          "/dev/zero",
	} {
		if err := os.Symlink(target, filepath.Join(m, name)); err != nil {
			t.Fatal(err)
		}
	}
	cat, err := loadWithin(t, root, []Dir{{Path: "m", Dialect: pg}})
	if err != nil {
		t.Fatalf("Load: %v; want the bad files skipped", err)
	}
	if got := keySet(cat, "coupons"); strings.Join(got, " | ") != "coupons_pkey(id) | coupons_code(code)" {
		t.Errorf("keys of coupons = %v", got)
	}
	want := map[string]string{
		"m/0050_fifo.up.sql":     "not a regular file (a named pipe); skipped",
		"m/0051_zero.up.sql":     "not a regular file (a character device); skipped",
		"m/0052_random.up.sql":   "not a regular file (a character device); skipped",
		"m/0053_dangling.up.sql": "dangling or looping symbolic link (points to missing ../../missing/x.sql); skipped",
		"m/0054_loop.up.sql":     "dangling or looping symbolic link (too many levels of symbolic links); skipped",
		"m/0055_fifo.up.sql":     "not a regular file (a named pipe); skipped",
		"m/0056_gen.go":          "not a regular file (a character device); skipped",
	}
	got := map[string]string{}
	for _, w := range cat.Warnings {
		got[w.Source.File] = w.Message
	}
	for file, msg := range want {
		if got[file] != msg {
			t.Errorf("warning for %s = %q, want %q", file, got[file], msg)
		}
	}
}

// A single schema file given as a FIFO (a -migrations path, schema.sql)
// is skipped with a warning too, whatever the dialect detection needs.
func TestLoadSkipsAFIFOSchemaFile(t *testing.T) {
	root := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(root, "schema.sql"), 0o644); err != nil {
		t.Fatal(err)
	}
	cat, err := loadWithin(t, root, []Dir{{Path: "schema.sql"}})
	if err != nil || len(cat.Warnings) != 1 || cat.Warnings[0].Source.File != "schema.sql" {
		t.Fatalf("Load(FIFO schema.sql) = %v, %v; want one warning naming it", cat, err)
	}
}

// Discovery reads tool configuration through the same checks: a FIFO
// named sqlc.yaml or atlas.hcl at the module root does not hang it.
func TestDiscoverIgnoresFIFOConfiguration(t *testing.T) {
	root := writeTree(t, map[string]string{"db/migrations/1.sql": "CREATE TABLE t (id int PRIMARY KEY);"})
	for _, name := range []string{"sqlc.yaml", "atlas.hcl", filepath.Join("db", "migrations", "atlas.sum")} {
		if err := syscall.Mkfifo(filepath.Join(root, name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	done := make(chan []Dir, 1)
	go func() {
		dirs, _ := Discover(root, Hints{})
		done <- dirs
	}()
	select {
	case dirs := <-done:
		if len(dirs) != 1 || dirs[0].Path != "db/migrations" {
			t.Errorf("Discover = %v, want db/migrations", dirs)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Discover still blocked after 10s")
	}
}
