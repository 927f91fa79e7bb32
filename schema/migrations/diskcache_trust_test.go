//go:build unix

package migrations

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/getorcreatelint/getorcreatelint/schema"
)

// onlyEntry returns the one entry file in dir.
func onlyEntry(t *testing.T, dir string) string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(dir, "*.gob"))
	if len(m) != 1 {
		t.Fatalf("cache holds %d entries, want 1: %v", len(m), m)
	}
	return m[0]
}

func migrationDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "0001_init.up.sql"), []byte("CREATE TABLE t (id int);"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// A cache directory someone else can write to is not used.
func TestCacheDirectoryMustBePrivate(t *testing.T) {
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := trustedCacheDir(dir); err != nil {
		t.Errorf("a private directory is refused: %v", err)
	}
	for _, mode := range []os.FileMode{0o777, 0o770, 0o1777} {
		if err := os.Chmod(dir, mode); err != nil {
			t.Fatal(err)
		}
		if trustedCacheDir(dir) == nil {
			t.Errorf("a cache directory with mode %v is trusted", mode)
		}
	}
	if os.Geteuid() == 0 {
		// Owned by another user (nobody), private mode.
		if err := os.Chmod(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.Chown(dir, 65534, 65534); err != nil {
			t.Fatal(err)
		}
		if trustedCacheDir(dir) == nil {
			t.Error("a cache directory of another user is trusted")
		}
	}
}

// An entry another user could have written (writable by others, or owned
// by someone else) is never read: its value is computed again.
func TestCacheEntryOfAnotherUserIsIgnored(t *testing.T) {
	useCacheDir(t)
	dir := migrationDir(t)
	calls := 0
	compute := func() (int, error) { calls++; return calls, nil }
	if v, _ := diskMemo(compute, dir, "k"); v != 1 {
		t.Fatalf("first value %d", v)
	}
	entry := onlyEntry(t, cacheDirPath)
	if err := os.Chmod(entry, 0o666); err != nil {
		t.Fatal(err)
	}
	if v, _ := diskMemo(compute, dir, "k"); v != 2 {
		t.Errorf("an entry writable by others was read (value %d)", v)
	}
	if os.Geteuid() == 0 {
		entry = onlyEntry(t, cacheDirPath)
		if err := os.Chown(entry, 65534, 65534); err != nil {
			t.Fatal(err)
		}
		if v, _ := diskMemo(compute, dir, "k"); v != 3 {
			t.Errorf("an entry of another user was read (value %d)", v)
		}
	}
}

// A truncated, emptied or altered entry is ignored and written again,
// never read as an empty schema.
func TestCorruptCacheEntryIsRecomputedAndRewritten(t *testing.T) {
	useCacheDir(t)
	dir := t.TempDir()
	src := "CREATE TABLE users (id bigserial PRIMARY KEY, email text NOT NULL UNIQUE);\n"
	if err := os.WriteFile(filepath.Join(dir, "0001_init.up.sql"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	d := Dir{Path: dir, Dialect: pg}
	load := func() string {
		cat, err := diskMemo(func() (*schema.Catalog, error) { return replayDir(dir, d) }, dir, dir, d.Dialect.String())
		if err != nil {
			t.Fatal(err)
		}
		return describeCatalog(cat)
	}
	want := load()
	entry := onlyEntry(t, cacheDirPath)
	good, err := os.ReadFile(entry)
	if err != nil {
		t.Fatal(err)
	}
	for name, damage := range map[string][]byte{
		"truncated":   good[:len(good)/2],
		"empty":       nil,
		"header only": good[:len(entryMagic)+65],
		"bit flipped": append(append([]byte(nil), good[:len(good)-3]...), good[len(good)-3]^1, good[len(good)-2], good[len(good)-1]),
	} {
		if err := os.WriteFile(entry, damage, 0o600); err != nil {
			t.Fatal(err)
		}
		if got := load(); got != want {
			t.Errorf("%s entry: catalog\n%s\nwant\n%s", name, got, want)
		}
		if _, ok := readEntry(entry); !ok {
			t.Errorf("%s entry was not written again", name)
		}
	}
}

// The fingerprint follows symbolic links: a linked migration whose target
// changes, and a linked directory whose files change, make a new key.
func TestFingerprintFollowsSymlinks(t *testing.T) {
	shared := t.TempDir()
	target := filepath.Join(shared, "code.sql")
	write := func(p, s string, at time.Time) {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, at, at); err != nil {
			t.Fatal(err)
		}
	}
	base := time.Now().Add(-time.Hour)
	write(target, "CREATE UNIQUE INDEX coupons_code ON coupons (code);", base)
	dir := t.TempDir()
	if err := os.Symlink(target, filepath.Join(dir, "0099_code.up.sql")); err != nil {
		t.Fatal(err)
	}
	linkedDir := filepath.Join(t.TempDir(), "migrations")
	if err := os.Symlink(shared, linkedDir); err != nil {
		t.Fatal(err)
	}
	before, ok1 := computeFingerprint(dir)
	beforeDir, ok2 := computeFingerprint(linkedDir)
	if !ok1 || !ok2 {
		t.Fatal("no fingerprint")
	}
	write(target, "-- dropped\nCREATE INDEX coupons_code ON coupons (code);", base.Add(time.Minute))
	if after, _ := computeFingerprint(dir); after == before {
		t.Error("a linked file's new content kept the fingerprint")
	}
	if after, _ := computeFingerprint(linkedDir); after == beforeDir {
		t.Error("a linked directory's changed file kept the fingerprint")
	}
	beforeDir, _ = computeFingerprint(linkedDir)
	if err := os.Remove(target); err != nil {
		t.Fatal(err)
	}
	if after, _ := computeFingerprint(linkedDir); after == beforeDir {
		t.Error("a file removed from a linked directory kept the fingerprint")
	}
}
