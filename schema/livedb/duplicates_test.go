package livedb

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/getorcreatelint/getorcreatelint/internal/testdb"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// tagRows fills tags so that each lookup below has a known answer:
// live topics go x3 and rust x2, a soft-deleted go and two soft-deleted
// zig, two go of another kind, and two rows without a name.
func tagRows(now string) []string {
	var rows []string
	add := func(n int, name, kind, deleted string) {
		for i := 0; i < n; i++ {
			rows = append(rows, fmt.Sprintf("INSERT INTO tags (name, kind, deleted_at) VALUES (%s, '%s', %s)", name, kind, deleted))
		}
	}
	add(3, "'go'", "topic", "NULL")
	add(1, "'go'", "topic", now)
	add(2, "'rust'", "topic", "NULL")
	add(1, "'python'", "topic", "NULL")
	add(2, "'zig'", "topic", now)
	add(2, "'go'", "lang", "NULL")
	add(2, "NULL", "topic", "NULL")
	add(2, "'o''brien'", "topic", "NULL")
	return rows
}

var (
	liveTopics = DuplicateLookup{Table: "tags", Columns: []string{"name"},
		Where: []Condition{IsNull("deleted_at"), Equals("kind", String("topic"))}}
	allNames    = DuplicateLookup{Table: "tags", Columns: []string{"name"}}
	liveByKind  = DuplicateLookup{Table: "tags", Columns: []string{"name", "kind"}, Where: []Condition{IsNull("deleted_at")}}
	noSuchTable = DuplicateLookup{Table: "no_such_table", Columns: []string{"name"}}
	injection   = DuplicateLookup{Table: "tags", Columns: []string{"name"},
		Where: []Condition{Equals("kind", String("topic'; DROP TABLE tags; --"))}}
)

// checkTagDuplicates runs the lookups on a database holding tagRows and
// checks every answer, then runs each listing query as a user would.
func checkTagDuplicates(t *testing.T, dsn string, d sqlscan.Dialect, runListing func(q string) int) {
	t.Helper()
	ctx := context.Background()
	got, err := FindDuplicates(ctx, dsn, []DuplicateLookup{noSuchTable, liveTopics, allNames, liveByKind, injection}, DuplicateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 5 {
		t.Fatalf("%d answers for 5 lookups", len(got))
	}
	if got[0].State != CountFailed || got[0].Err == nil {
		t.Errorf("missing table: %+v", got[0])
	}
	want := []struct {
		groups  int
		message string
	}{
		{3, "tags already holds 3 groups of duplicate (name) among rows where deleted_at IS NULL AND kind = 'topic', e.g. name='go' (3 rows): CREATE UNIQUE INDEX will fail until they are merged"},
		{4, "tags already holds 4 groups of duplicate (name), e.g. name='go' (6 rows): CREATE UNIQUE INDEX will fail until they are merged"},
		{4, "tags already holds 4 groups of duplicate (name, kind) among rows where deleted_at IS NULL, e.g. name='go', kind='topic' (3 rows): CREATE UNIQUE INDEX will fail until they are merged"},
		{0, "tags holds no duplicate (name) among rows where kind = 'topic''; DROP TABLE tags; --'"},
	}
	for i, w := range want {
		r := got[i+1]
		if r.State != Counted || r.Groups != w.groups || r.AtLeast {
			t.Errorf("lookup %d: state %s, %d groups (at least: %v), err %v; want %d", i+1, r.State, r.Groups, r.AtLeast, r.Err, w.groups)
		}
		if m := r.Message(); m != w.message {
			t.Errorf("lookup %d message:\n got %s\nwant %s", i+1, m, w.message)
		}
		if n := runListing(r.Query); n != w.groups {
			t.Errorf("listing query %s: %d rows, want %d", r.Query, n, w.groups)
		}
	}
	// Beyond the limit, the answer is "at least".
	lim, err := FindDuplicates(ctx, dsn, []DuplicateLookup{allNames}, DuplicateOptions{Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	if lim[0].Groups != 2 || !lim[0].AtLeast || !strings.Contains(lim[0].Message(), "at least 2 groups") {
		t.Errorf("limit 2: %d groups, at least %v: %s", lim[0].Groups, lim[0].AtLeast, lim[0].Message())
	}
	// The injected text was a value: the table is still there.
	if n := runListing(got[2].Query); n != 4 {
		t.Errorf("tags after the lookups: %d groups", n)
	}
}

func TestDuplicatesPostgres(t *testing.T) {
	db := testdb.Postgres(t)
	db.Exec(t, `CREATE TABLE tags (id bigserial PRIMARY KEY, name text, kind text NOT NULL, deleted_at timestamptz)`,
		`ALTER TABLE tags OWNER TO `+db.User)
	db.Exec(t, tagRows("now()")...)
	conn, err := pgx.Connect(context.Background(), db.DSN())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	checkTagDuplicates(t, db.DSN(), sqlscan.Postgres, func(q string) int { return countRowsPG(t, conn, q) })
	got, _ := FindDuplicates(context.Background(), db.DSN(), []DuplicateLookup{liveTopics}, DuplicateOptions{})
	want := `SELECT "name", COUNT(*) AS n FROM "tags" WHERE "name" IS NOT NULL AND "deleted_at" IS NULL AND "kind" = 'topic' GROUP BY "name" HAVING COUNT(*) > 1 ORDER BY COUNT(*) DESC;`
	if got[0].Query != want {
		t.Errorf("query:\n got %s\nwant %s", got[0].Query, want)
	}
}

func TestDuplicatesMariaDB(t *testing.T) {
	db := testdb.MariaDB(t)
	db.Exec(t, "CREATE TABLE tags (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(50), kind VARCHAR(50) NOT NULL, deleted_at DATETIME NULL)")
	db.Exec(t, tagRows("NOW()")...)
	cfg, err := mysqlConfig(db.DSN(), Options{}.withDefaults())
	if err != nil {
		t.Fatal(err)
	}
	sdb, err := sql.Open("mysql", cfg.FormatDSN())
	if err != nil {
		t.Fatal(err)
	}
	defer sdb.Close()
	checkTagDuplicates(t, db.DSN(), sqlscan.MySQL, func(q string) int { return countRowsSQL(t, sdb, q) })
	got, _ := FindDuplicates(context.Background(), db.DSN(), []DuplicateLookup{liveTopics}, DuplicateOptions{})
	if want := "SELECT `name`, COUNT(*) AS n FROM `tags` WHERE `name` IS NOT NULL AND `deleted_at` IS NULL AND `kind` = 'topic' GROUP BY `name`"; !strings.HasPrefix(got[0].Query, want) {
		t.Errorf("query:\n got %s\nwant %s...", got[0].Query, want)
	}
}

func TestDuplicatesSQLite(t *testing.T) {
	path := newSQLite(t, append([]string{`CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT, kind TEXT NOT NULL, deleted_at TEXT)`},
		tagRows("CURRENT_TIMESTAMP")...)...)
	sdb, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer sdb.Close()
	checkTagDuplicates(t, path, sqlscan.SQLite, func(q string) int { return countRowsSQL(t, sdb, q) })
}

func countRowsPG(t *testing.T, conn *pgx.Conn, q string) int {
	t.Helper()
	rows, err := conn.Query(context.Background(), q)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

func countRowsSQL(t *testing.T, db *sql.DB, q string) int {
	t.Helper()
	rows, err := db.Query(q)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

func TestParseLiteral(t *testing.T) {
	for in, want := range map[string]string{
		"'go'": "'go'", "'o''brien'": "'o''brien'", "42": "42", "-7": "-7", "true": "TRUE", "FALSE": "FALSE",
		"lower(x)": "", "1.5": "", "'a'b'": "", "": "", "'unterminated": "",
	} {
		l, ok := ParseLiteral(in)
		got := ""
		if ok {
			got = l.SQL()
		}
		if got != want {
			t.Errorf("ParseLiteral(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestShowValueEscapes(t *testing.T) {
	for in, want := range map[any]string{
		"go":                    "'go'",
		"it's":                  "'it''s'",
		"a\x1b[31mred":          `'a\u001b[31mred'`,
		strings.Repeat("x", 50): "'" + strings.Repeat("x", 40) + "…'",
		int64(3):                "3",
		nil:                     "NULL",
		time.Duration(0) == 0:   "TRUE",
	} {
		if got := showValue(in); got != want {
			t.Errorf("showValue(%q) = %s, want %s", in, got, want)
		}
	}
}
