package livedb

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/getorcreatelint/getorcreatelint/internal/testdb"
)

// Duplicates made the way get-or-create makes them: goroutines each look a
// name up and, not finding it, insert it, with no unique index to stop the
// second insert. The count must match what the table holds.
func TestDuplicatesFromARealRace(t *testing.T) {
	ctx := context.Background()
	db := testdb.Postgres(t)
	db.Exec(t, `CREATE TABLE tags (id bigserial PRIMARY KEY, name text NOT NULL)`, `ALTER TABLE tags OWNER TO `+db.User)
	const workers, names = 8, 20
	conns := make([]*pgx.Conn, workers)
	for w := range conns {
		c, err := pgx.Connect(ctx, db.DSN())
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close(ctx)
		conns[w] = c
	}
	for i := 0; i < names; i++ {
		name := fmt.Sprintf("tag-%d", i)
		start := make(chan struct{})
		var wg sync.WaitGroup
		errs := make(chan error, workers)
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func(conn *pgx.Conn) {
				defer wg.Done()
				<-start
				var id int64
				err := conn.QueryRow(ctx, `SELECT id FROM tags WHERE name = $1`, name).Scan(&id)
				if err == pgx.ErrNoRows {
					time.Sleep(2 * time.Millisecond) // the work between the lookup and the insert
					_, err = conn.Exec(ctx, `INSERT INTO tags (name) VALUES ($1)`, name)
				}
				if err != nil {
					errs <- err
				}
			}(conns[w])
		}
		close(start)
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
	}
	var groups int
	var largest int64
	if err := conns[0].QueryRow(ctx, `SELECT count(*), coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM tags GROUP BY name HAVING count(*) > 1) g`).Scan(&groups, &largest); err != nil {
		t.Fatal(err)
	}
	if groups == 0 {
		t.Fatal("the race made no duplicates")
	}
	got, err := FindDuplicates(ctx, db.DSN(), []DuplicateLookup{{Table: "tags", Columns: []string{"name"}}}, DuplicateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	r := got[0]
	if r.State != Counted || r.Groups != groups || r.Example.Rows != largest || len(r.Example.Values) != 1 || !strings.HasPrefix(r.Example.Values[0], "'tag-") {
		t.Errorf("race: %d groups, largest %d; FindDuplicates: %+v", groups, largest, r)
	}
	t.Logf("%d of %d names duplicated by the race; %s", groups, names, r.Message())
}

// A count that outlives its timeout is NotCounted, not an error, and the
// transaction stays usable for the next lookup. The big tables take
// hundreds of milliseconds to group; the timeout is 20ms.
func TestDuplicatesTimeoutIsNotCounted(t *testing.T) {
	ctx := context.Background()
	small := DuplicateLookup{Table: "small", Columns: []string{"name"}}
	big := DuplicateLookup{Table: "big", Columns: []string{"name"}}
	opts := DuplicateOptions{CountTimeout: 20 * time.Millisecond}
	check := func(t *testing.T, dsn string) {
		t.Helper()
		got, err := FindDuplicates(ctx, dsn, []DuplicateLookup{big, small}, opts)
		if err != nil {
			t.Fatalf("a timeout failed the run: %v", err)
		}
		if got[0].State != NotCounted || got[0].Err != nil {
			t.Errorf("big table: %s (%v) after %v, want not counted", got[0].State, got[0].Err, got[0].Elapsed)
		}
		if got[0].Elapsed > clientGrace {
			t.Errorf("big table: the count ran %v", got[0].Elapsed)
		}
		if !strings.Contains(got[0].Message(), "not counted: the count ran out of time") {
			t.Errorf("message: %s", got[0].Message())
		}
		if got[1].State != Counted || got[1].Groups != 1 {
			t.Errorf("small table after the timeout: %s, %d groups, %v", got[1].State, got[1].Groups, got[1].Err)
		}
	}
	t.Run("postgres", func(t *testing.T) {
		db := testdb.Postgres(t)
		db.Exec(t, `CREATE TABLE big AS SELECT g AS id, 'n' || (g % 100000) AS name FROM generate_series(1, 1000000) g`,
			`CREATE TABLE small (name text)`, `INSERT INTO small VALUES ('a'), ('a'), ('b')`,
			`ALTER TABLE big OWNER TO `+db.User, `ALTER TABLE small OWNER TO `+db.User)
		check(t, db.DSN())
	})
	t.Run("mariadb", func(t *testing.T) {
		db := testdb.MariaDB(t)
		db.Exec(t, `CREATE TABLE big AS SELECT seq AS id, concat('n', seq % 100000) AS name FROM seq_1_to_500000`,
			`CREATE TABLE small (name VARCHAR(10))`, `INSERT INTO small VALUES ('a'), ('a'), ('b')`)
		check(t, db.DSN())
	})
	t.Run("sqlite", func(t *testing.T) {
		path := newSQLite(t, `CREATE TABLE big AS WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g+1 FROM s WHERE g < 500000)
			SELECT g AS id, 'n' || (g % 100000) AS name FROM s`,
			`CREATE TABLE small (name TEXT)`, `INSERT INTO small VALUES ('a'), ('a'), ('b')`)
		check(t, path)
	})
}

// The server's own log of every statement the role sent while counting
// holds reads only: log_statement = all for the role, read back from the
// server's log file.
func TestDuplicatesSendNoWrite(t *testing.T) {
	ctx := context.Background()
	db := testdb.Postgres(t)
	db.Exec(t, `CREATE TABLE tags (id bigserial PRIMARY KEY, name text, kind text NOT NULL, deleted_at timestamptz)`,
		`ALTER TABLE tags OWNER TO `+db.User,
		`ALTER ROLE `+db.User+` SET log_statement = 'all'`,
		`GRANT pg_read_all_settings TO `+db.User)
	db.Exec(t, tagRows("now()")...)
	conn, err := pgx.Connect(ctx, db.DSN())
	if err != nil {
		t.Fatal(err)
	}
	var dataDir string
	err = conn.QueryRow(ctx, `SHOW data_directory`).Scan(&dataDir)
	conn.Close(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// internal/testdb runs postgres with its stderr in postgres.log beside
	// the data directory.
	logPath := filepath.Join(filepath.Dir(dataDir), "postgres.log")
	before, err := os.Stat(logPath)
	if err != nil {
		t.Fatalf("server log: %v", err)
	}
	lookups := []DuplicateLookup{liveTopics, allNames, liveByKind, injection, noSuchTable}
	if _, err := FindDuplicates(ctx, db.DSN(), lookups, DuplicateOptions{}); err != nil {
		t.Fatal(err)
	}
	// A timed-out count too, on its own connection.
	if _, err := FindDuplicates(ctx, db.DSN(), lookups, DuplicateOptions{CountTimeout: time.Millisecond}); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(logPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.Seek(before.Size(), 0); err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	allowed := map[string]bool{"select": true, "set": true, "savepoint": true, "rollback": true, "begin": true, "show": true}
	var sent []string
	sawTags := false
	for _, line := range strings.Split(string(b), "\n") {
		stmt, ok := loggedStatement(line)
		if !ok {
			continue
		}
		sent = append(sent, stmt)
		first := strings.ToLower(strings.Fields(stmt + " x")[0])
		if !allowed[first] {
			t.Errorf("statement sent: %s", stmt)
		}
		sawTags = sawTags || strings.Contains(stmt, `FROM "tags"`)
	}
	if !sawTags {
		t.Fatalf("the log shows no count on tags; logged:\n%s", b)
	}
	t.Logf("%d statements logged, all reads", len(sent))
}

// loggedStatement extracts the statement of a log_statement line:
// "LOG:  statement: ..." (simple protocol) or "LOG:  execute <name>: ..."
// (extended protocol).
func loggedStatement(line string) (string, bool) {
	if _, rest, ok := strings.Cut(line, "LOG:  statement: "); ok {
		return rest, true
	}
	if _, rest, ok := strings.Cut(line, "LOG:  execute "); ok {
		if _, stmt, ok := strings.Cut(rest, ": "); ok {
			return stmt, true
		}
	}
	return "", false
}
