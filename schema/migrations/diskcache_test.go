package migrations

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/getorcreatelint/getorcreatelint/schema"
)

// useCacheDir points the disk cache at a fresh directory for one test.
func describeCatalog(cat *schema.Catalog) string {
	var b bytes.Buffer
	WriteText(&b, cat, nil)
	return b.String()
}

func useCacheDir(t *testing.T) {
	diskCacheDir() // settle the process-wide choice first
	old, oldExe := cacheDirPath, exeIdentity
	cacheDirPath, exeIdentity = t.TempDir(), "test-executable"
	t.Cleanup(func() { cacheDirPath, exeIdentity = old, oldExe })
}

func TestDiskMemoSkipsWorkUntilAFileChanges(t *testing.T) {
	useCacheDir(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "0001_init.up.sql")
	if err := os.WriteFile(file, []byte("CREATE TABLE t (id int);"), 0o644); err != nil {
		t.Fatal(err)
	}
	calls := 0
	compute := func() (int, error) { calls++; return calls, nil }

	for i := 0; i < 3; i++ {
		if v, err := diskMemo(compute, dir, "k"); err != nil || v != 1 {
			t.Fatalf("diskMemo = %d, %v; want the first result, 1", v, err)
		}
	}
	if calls != 1 {
		t.Fatalf("computed %d times for an unchanged directory, want 1", calls)
	}

	// An edited migration is a new key.
	if err := os.WriteFile(file, []byte("CREATE TABLE t (id int PRIMARY KEY, name text UNIQUE);"), 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Minute)
	os.Chtimes(file, later, later)
	fingerprints.Delete(dir) // a new process would list the directory again
	if v, _ := diskMemo(compute, dir, "k"); v != 2 || calls != 2 {
		t.Errorf("after an edit: value %d after %d computations, want a new computation", v, calls)
	}
	// Other key parts (the dialect) are other entries.
	if v, _ := diskMemo(compute, dir, "other"); v != 3 {
		t.Errorf("a different key part must not share the entry, got %d", v)
	}
}

func TestCachedCatalogSurvivesTheDisk(t *testing.T) {
	useCacheDir(t)
	dir := t.TempDir()
	src := "CREATE TABLE users (id bigserial PRIMARY KEY, email text NOT NULL);\n" +
		"CREATE UNIQUE INDEX users_email ON users (lower(email)) WHERE email <> '';\n"
	if err := os.WriteFile(filepath.Join(dir, "0001_init.up.sql"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	d := Dir{Path: dir}
	fresh, err := Load(dir, []Dir{d})
	if err != nil {
		t.Fatal(err)
	}
	// Twice through the disk: written, then read back.
	for i := 0; i < 2; i++ {
		cat, err := diskMemo(func() (*schema.Catalog, error) { return replayDir(dir, d) }, dir, dir, d.Dialect.String())
		if err != nil {
			t.Fatal(err)
		}
		got, want := describeCatalog(cat), describeCatalog(fresh)
		if got != want {
			t.Errorf("round %d: catalog from the cache\n%s\nwant\n%s", i, got, want)
		}
	}
}
