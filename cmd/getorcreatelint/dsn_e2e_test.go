package main_test

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	_ "modernc.org/sqlite"
)

// -dsn reads unique keys from a live database: here a SQLite file, which
// the binary reads with its pure-Go driver.
func TestLiveDatabaseKeys(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shop.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{
		"CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL)",
		"CREATE UNIQUE INDEX tags_name ON tags (name)",
	} {
		if _, err := db.Exec(stmt); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()

	mod := "../../example"
	_, stderr, _ := run(t, mod, binary(t), "./store")
	if !strings.Contains(stderr, "on tags looks up (name)") {
		t.Fatalf("without -dsn the tags finding is expected:\n%s", stderr)
	}
	_, stderr, _ = run(t, mod, binary(t), "-dsn", "sqlite://"+path, "./store")
	if strings.Contains(stderr, "on tags looks up (name)") {
		t.Errorf("with -dsn, the database's unique index on tags(name) must back the lookup:\n%s", stderr)
	}

	stdout, stderr, code := run(t, mod, binary(t), "schema", "-dsn", "sqlite://"+path, "./store")
	if code != 0 || !strings.Contains(stdout, "tags_name (name)") || !strings.Contains(stdout, "@ sqlite:") {
		t.Errorf("schema -dsn: exit %d, want the database's key with its source:\n%s\n%s", code, stdout, stderr)
	}
}

func TestBadDSNIsAnError(t *testing.T) {
	const secret = "hunter2-secret"
	_, stderr, code := run(t, "../../example", binary(t), "-dsn", "postgres://app:"+secret+"@127.0.0.1:1/shop?sslmode=disable&connect_timeout=2", "./store")
	if code != 1 || !strings.Contains(stderr, "-dsn") {
		t.Errorf("unreachable database: exit code %d, stderr %q; want 1 and the option named", code, stderr)
	}
	if strings.Contains(stderr, secret) {
		t.Errorf("the password appears in the error: %s", stderr)
	}
}
