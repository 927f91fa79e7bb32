package main_test

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/getorcreatelint/getorcreatelint/internal/testdb"
)

// countRows counts a table's rows as the database's owner.
func countRows(t *testing.T, db *testdb.PostgresDB, table string) int {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, db.DSN())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var n int
	if err := conn.QueryRow(ctx, "SELECT count(*) FROM "+pgx.Identifier{table}.Sanitize()).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// exampleDatabase applies the example's up migrations, in version order,
// to a new PostgreSQL database, and lets its owner read the tables.
func exampleDatabase(t *testing.T) *testdb.PostgresDB {
	t.Helper()
	db := testdb.Postgres(t)
	dir := filepath.Join("..", "..", "example", "db", "migrations")
	names, err := filepath.Glob(filepath.Join(dir, "*.up.sql"))
	if err != nil || len(names) == 0 {
		t.Fatalf("example migrations: %v %v", names, err)
	}
	sort.Strings(names)
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		db.Exec(t, string(b))
	}
	db.Exec(t, "GRANT SELECT ON ALL TABLES IN SCHEMA public TO "+db.User)
	return db
}

// -dsn-duplicates counts, on the live database, the rows each finding's
// index would reject, and says how to list them; the database is only
// read.
func TestDuplicatesOnPostgres(t *testing.T) {
	db := exampleDatabase(t)
	db.Exec(t,
		"INSERT INTO tags (name) VALUES ('go'), ('go'), ('go'), ('rust'), ('rust'), ('zig')",
		"INSERT INTO coupons (code) VALUES ('WELCOME'), ('SPRING')",
	)
	mod := "../../example"
	_, stderr, code := run(t, mod, binary(t), "-dsn", db.DSN(), "-dsn-duplicates", "./...")
	if code != 3 {
		t.Fatalf("exit %d, want 3\n%s", code, stderr)
	}
	t.Logf("output:\n%s", stderr)
	for _, want := range []string{
		"CREATE UNIQUE INDEX CONCURRENTLY idx_tags_name ON tags (name); " +
			"tags already holds 2 groups of duplicate (name), e.g. name='go' (3 rows): CREATE UNIQUE INDEX will fail until they are merged; " +
			`list them with SELECT "name", COUNT(*) AS n FROM "tags" WHERE "name" IS NOT NULL GROUP BY "name" HAVING COUNT(*) > 1 ORDER BY COUNT(*) DESC;`,
		"coupons holds no duplicate (code)",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	// Tables without a finding, and tables the database lacks, are not
	// asked about.
	if strings.Contains(stderr, "duplicate (customer_id") || strings.Contains(stderr, "memberships: duplicates") {
		t.Errorf("a table without a finding, or not in the database, was counted:\n%s", stderr)
	}
	if n := countRows(t, db, "tags"); n != 6 {
		t.Errorf("tags holds %d rows after the run, want 6", n)
	}
	_, again, _ := run(t, mod, binary(t), "-dsn", db.DSN(), "-dsn-duplicates", "./...")
	if !strings.Contains(again, "tags already holds 2 groups") {
		t.Errorf("second run:\n%s", again)
	}
	// Without the flag, -dsn alone counts nothing.
	_, plain, _ := run(t, mod, binary(t), "-dsn", db.DSN(), "./...")
	if strings.Contains(plain, "groups of duplicate") || strings.Contains(plain, "holds no duplicate") {
		t.Errorf("-dsn without -dsn-duplicates counted rows:\n%s", plain)
	}
}

func TestDuplicatesNeedsDSN(t *testing.T) {
	if _, stderr, code := run(t, "../../example", binary(t), "-dsn-duplicates", "./..."); code != 2 || !strings.Contains(stderr, "-dsn-duplicates needs -dsn") {
		t.Errorf("-dsn-duplicates without -dsn: exit %d\n%s", code, stderr)
	}
}

// An SQLite database is counted by reading its file: the binary has no
// SQL engine. The test creates the file with SQLite itself.
func TestDuplicatesOnSQLite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shop.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{
		"CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL)",
		"INSERT INTO tags (name) VALUES ('go'), ('go'), ('rust'), ('rust'), ('rust'), ('zig')",
	} {
		if _, err := db.Exec(stmt); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	_, stderr, code := run(t, "../../example", binary(t), "-dsn", "sqlite://"+path, "-dsn-duplicates", "./store")
	want := "tags already holds 2 groups of duplicate (name), e.g. name='rust' (3 rows): CREATE UNIQUE INDEX will fail until they are merged"
	if code != 3 || !strings.Contains(stderr, want) {
		t.Errorf("exit %d, want 3 and %q:\n%s", code, want, stderr)
	}
}
