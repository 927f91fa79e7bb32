package migwrite

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/getorcreatelint/getorcreatelint/internal/testdb"
	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/migrations"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

func TestMain(m *testing.M) { os.Exit(testdb.Main(m)) }

// toolRun sends an up (or down) section to the server the way the tool
// does, by its documented behaviour: golang-migrate and dbmate send the
// section as one multi-statement string (dbmate inside BEGIN/COMMIT unless
// transaction:false); goose, sql-migrate, atlas and flyway send statement
// by statement, inside one transaction unless the file turns it off
// (goose NO TRANSACTION, sql-migrate notransaction, atlas txmode none;
// flyway when every statement is CONCURRENTLY).
func toolRun(ctx context.Context, conn *pgx.Conn, f Format, file, section string) error {
	noTx := strings.Contains(file, "-- +goose NO TRANSACTION") || strings.Contains(file, "transaction:false") ||
		strings.Contains(file, "notransaction") || strings.Contains(file, "-- atlas:txmode none")
	var stmts []string
	for _, st := range sqlscan.SplitStatements(section, sqlscan.Postgres) {
		stmts = append(stmts, st.Text(section))
	}
	if f == Flyway {
		noTx = true
		for _, s := range stmts {
			noTx = noTx && strings.Contains(s, "CONCURRENTLY")
		}
	}
	if f == GolangMigrate || f == Dbmate {
		stmts = []string{section}
		if f == GolangMigrate {
			noTx = true
		}
	}
	if !noTx {
		tx, err := conn.Begin(ctx)
		if err != nil {
			return err
		}
		for _, s := range stmts {
			if _, err := tx.Exec(ctx, s); err != nil {
				tx.Rollback(ctx)
				return err
			}
		}
		return tx.Commit(ctx)
	}
	for _, s := range stmts {
		if _, err := conn.Exec(ctx, s); err != nil {
			return err
		}
	}
	return nil
}

// migrateUp applies a directory's existing up sections in version order.
func migrateUp(t *testing.T, ctx context.Context, conn *pgx.Conn, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".sql") && !strings.HasSuffix(e.Name(), ".down.sql") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	for _, n := range names {
		b, _ := os.ReadFile(filepath.Join(dir, n))
		if _, err := conn.Exec(ctx, migrations.UpSection(string(b))); err != nil {
			t.Fatalf("%s: %v", n, err)
		}
	}
}

type pgIndex struct {
	exists, unique, valid bool
	def                   string
}

func indexState(t *testing.T, ctx context.Context, conn *pgx.Conn, name string) pgIndex {
	t.Helper()
	var x pgIndex
	err := conn.QueryRow(ctx, `SELECT i.indisunique, i.indisvalid, pg_get_indexdef(i.indexrelid)
		FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = $1`, name).Scan(&x.unique, &x.valid, &x.def)
	if err == pgx.ErrNoRows {
		return x
	}
	if err != nil {
		t.Fatal(err)
	}
	x.exists = true
	return x
}

// The migrations planned for PostgreSQL run on a real server the way each
// tool runs them: CONCURRENTLY builds happen outside a transaction, the
// index is unique and valid, and the down side drops it.
func TestPlannedMigrationsRunOnPostgres(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name    string
		dir     func(t *testing.T) string
		indexes []Index
	}{
		{"golang-migrate", func(t *testing.T) string { return copyDir(t, "../../../example/db/migrations") },
			[]Index{{Table: "tags", Key: key("name"), Concurrent: true}, {Table: "tags", Key: key("id", "name"), Concurrent: true}}},
		{"goose", func(t *testing.T) string { return writeDir(t, synthetic["goose-seq"]) },
			[]Index{{Table: "tags", Key: key("name"), Where: []string{"deleted_at IS NULL"}, Concurrent: true}, {Table: "tags", Key: key("name", "id"), Concurrent: true}}},
		{"goose in a transaction", func(t *testing.T) string { return writeDir(t, synthetic["goose-seq"]) },
			[]Index{{Table: "users", Key: []schema.Term{{Column: "email"}, {Column: "org", MayBeNull: true}}}}},
		{"dbmate", func(t *testing.T) string { return writeDir(t, synthetic["dbmate"]) },
			[]Index{{Table: "tags", Key: key("name"), Where: []string{"kind = 'topic'"}, Concurrent: true}, {Table: "tags", Key: key("kind", "name"), Concurrent: true}}},
		{"sql-migrate", func(t *testing.T) string { return writeDir(t, synthetic["sql-migrate"]) },
			[]Index{{Table: "tags", Key: key("slug"), Concurrent: true}, {Table: "tags", Key: key("name"), Concurrent: true}}},
		{"flyway", func(t *testing.T) string { return writeDir(t, synthetic["flyway-postgres"]) },
			[]Index{{Table: "tags", Key: key("name"), Where: []string{"deleted_at IS NULL", "kind = 'topic'"}, Concurrent: true}, {Table: "tags", Key: key("kind", "name"), Concurrent: true}}},
		{"atlas", func(t *testing.T) string {
			return copyDir(t, testdata+"/postgres/replay/KasumiMercury__primind-central-backend")
		}, []Index{{Table: "auth_users", Key: key("color"), Concurrent: true}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			db := testdb.Postgres(t)
			conn, err := pgx.Connect(ctx, db.DSN())
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close(ctx)
			dir := tc.dir(t)
			migrateUp(t, ctx, conn, dir)
			layout, err := Detect(dir)
			if err != nil {
				t.Fatal(err)
			}
			files, err := Plan("", migrations.Dir{Path: dir, Dialect: sqlscan.Postgres}, tc.indexes, Options{Now: fixedNow})
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range files {
				if up, ok := upSection(f); ok {
					if err := toolRun(ctx, conn, layout.Format, f.Content, up); err != nil {
						t.Fatalf("%s: %v\n%s", filepath.Base(f.Path), err, f.Content)
					}
				}
			}
			for _, x := range tc.indexes {
				got := indexState(t, ctx, conn, x.IndexName())
				if !got.exists || !got.unique || !got.valid {
					t.Errorf("index %s after up: %+v", x.IndexName(), got)
				}
			}
			for _, f := range files {
				if down, ok := downSection(f); ok {
					if err := toolRun(ctx, conn, layout.Format, f.Content, down); err != nil {
						t.Fatalf("down %s: %v", filepath.Base(f.Path), err)
					}
				}
			}
			if layout.Format == Atlas || layout.Format == Flyway {
				return // atlas plans its own down migration; this flyway directory keeps no undo files
			}
			for _, x := range tc.indexes {
				if got := indexState(t, ctx, conn, x.IndexName()); got.exists {
					t.Errorf("index %s after down: %+v", x.IndexName(), got)
				}
			}
		})
	}
}

// Why the directives and the split matter: the same CONCURRENTLY build
// fails inside a transaction, and in a multi-statement string.
func TestConcurrentBuildNeedsNoTransaction(t *testing.T) {
	ctx := context.Background()
	db := testdb.Postgres(t)
	conn, err := pgx.Connect(ctx, db.DSN())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, `CREATE TABLE tags (id bigserial PRIMARY KEY, name text NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	a := Index{Table: "tags", Key: key("name"), Dialect: sqlscan.Postgres, Concurrent: true}
	b := Index{Table: "tags", Key: key("name", "id"), Dialect: sqlscan.Postgres, Concurrent: true}
	tx, _ := conn.Begin(ctx)
	_, err = tx.Exec(ctx, a.CreateSQL())
	tx.Rollback(ctx)
	if err == nil || !strings.Contains(err.Error(), "cannot run inside a transaction block") {
		t.Errorf("CONCURRENTLY in BEGIN: err = %v", err)
	}
	if _, err := conn.Exec(ctx, a.CreateSQL()+"\n"+b.CreateSQL()); err == nil || !strings.Contains(err.Error(), "transaction block") {
		t.Errorf("two CONCURRENTLY builds in one string: err = %v", err)
	}
}
