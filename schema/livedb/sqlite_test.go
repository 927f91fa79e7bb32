package livedb

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	_ "modernc.org/sqlite"

	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// newSQLite creates a database file with stmts and returns its path.
func newSQLite(t *testing.T, stmts ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "app.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	return path
}

func TestSQLiteKeys(t *testing.T) {
	path := newSQLite(t,
		`CREATE TABLE users (
	id INTEGER PRIMARY KEY,
	email TEXT NOT NULL UNIQUE,
	name TEXT,
	tenant INT,
	deleted_at DATETIME
)`,
		`CREATE UNIQUE INDEX users_name_live ON users (name) WHERE deleted_at IS NULL`,
		`CREATE UNIQUE INDEX users_lower_email ON users (LOWER(email))`,
		`CREATE UNIQUE INDEX users_tenant_name ON users (tenant, name COLLATE NOCASE DESC)`,
		`CREATE INDEX users_tenant ON users (tenant)`,
		`CREATE TABLE kv (k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID`,
		`CREATE TABLE pairs (a TEXT, b TEXT, c TEXT, PRIMARY KEY (a, b), UNIQUE (b, c))`,
		`CREATE TABLE plain (x)`,
	)
	for _, dsn := range []string{path, "sqlite://" + path, "file:" + path + "?cache=shared", "sqlite3://" + path} {
		if d, err := DialectOf(dsn); err != nil || d != sqlscan.SQLite {
			t.Errorf("DialectOf(%q) = %v, %v", dsn, d, err)
		}
		cat, err := Introspect(context.Background(), dsn, Options{})
		if err != nil {
			t.Fatalf("%s: %v", dsn, err)
		}
		checkTable(t, cat, "users", `
primary key  (id)
unique constraint sqlite_autoindex_users_1 (email)
unique index users_lower_email (lower(email))
unique index users_name_live (name) where deleted_at is null
unique index users_tenant_name (tenant, name)
not null: email, id`)
		checkTable(t, cat, "kv", "primary key  (k)\nnot null: k")
		// A rowid table's non-integer primary key may hold NULLs in SQLite.
		checkTable(t, cat, "pairs", `
primary key  (a, b)
unique constraint sqlite_autoindex_pairs_2 (b, c)
not null:`)
		checkTable(t, cat, "plain", "not null:")
		if got := strings.Join(cat.Names(), " "); got != "kv pairs plain users" {
			t.Errorf("tables: %s", got)
		}
		checkSources(t, cat, dsn)
		if got := Redact(dsn); got != "sqlite:"+path {
			t.Errorf("Redact(%q) = %q", dsn, got)
		}
	}
}
