package livedb

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/getorcreatelint/getorcreatelint/internal/testdb"
)

// Each test opens the very transaction Introspect reads in, attempts a
// write in it and expects the server to refuse, then checks from a fresh
// connection that nothing changed.

func TestPostgresTransactionIsReadOnly(t *testing.T) {
	db := testdb.Postgres(t)
	db.Exec(t, `CREATE TABLE t (id int PRIMARY KEY)`)
	ctx := context.Background()
	tx, closeTx, err := beginPostgres(ctx, db.DSN(), Options{}.withDefaults())
	if err != nil {
		t.Fatal(err)
	}
	_, err = tx.Exec(ctx, `INSERT INTO t VALUES (1)`)
	closeTx()
	if err == nil || !strings.Contains(err.Error(), "read-only transaction") {
		t.Fatalf("INSERT in the read-only transaction: err = %v, want a read-only refusal", err)
	}
	// DDL is refused too, and the session default keeps even a new
	// transaction on the same connection read-only.
	tx, closeTx, err = beginPostgres(ctx, db.DSN(), Options{}.withDefaults())
	if err != nil {
		t.Fatal(err)
	}
	defer closeTx()
	if _, err := tx.Exec(ctx, `CREATE TABLE u (id int)`); err == nil {
		t.Error("CREATE TABLE succeeded in the read-only transaction")
	}
	var ro string
	if err := tx.Conn().QueryRow(ctx, `SHOW default_transaction_read_only`).Scan(&ro); err == nil && ro != "on" {
		t.Errorf("default_transaction_read_only = %s, want on", ro)
	}
	db.Exec(t, `DO $$ BEGIN IF EXISTS (SELECT FROM t) THEN RAISE 'a row was written'; END IF; END $$`)
}

func TestPostgresStatementTimeout(t *testing.T) {
	db := testdb.Postgres(t)
	ctx := context.Background()
	tx, closeTx, err := beginPostgres(ctx, db.DSN(), Options{QueryTimeout: 200 * time.Millisecond}.withDefaults())
	if err != nil {
		t.Fatal(err)
	}
	defer closeTx()
	start := time.Now()
	_, err = tx.Exec(ctx, `SELECT pg_sleep(5)`)
	if err == nil || classifyPostgres(err) != ErrTimeout {
		t.Fatalf("pg_sleep(5) with a 200ms timeout: err = %v, want the server's statement timeout", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("timeout took %v", d)
	}
}

func TestMariaDBTransactionIsReadOnly(t *testing.T) {
	db := testdb.MariaDB(t)
	db.Exec(t, `CREATE TABLE t (id INT PRIMARY KEY)`)
	ctx := context.Background()
	tx, closeTx, err := beginMySQL(ctx, db.DSN(), Options{}.withDefaults())
	if err != nil {
		t.Fatal(err)
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO t VALUES (1)`)
	closeTx()
	if err == nil || !strings.Contains(err.Error(), "READ ONLY") {
		t.Fatalf("INSERT in the read-only transaction: err = %v, want a read-only refusal", err)
	}
	assertEmpty(t, db.DSN(), "t")
}

func TestMariaDBStatementTimeout(t *testing.T) {
	db := testdb.MariaDB(t)
	ctx := context.Background()
	tx, closeTx, err := beginMySQL(ctx, db.DSN(), Options{QueryTimeout: 200 * time.Millisecond}.withDefaults())
	if err != nil {
		t.Fatal(err)
	}
	defer closeTx()
	start := time.Now()
	// SLEEP is answered with 1 when interrupted; a real query gets error
	// 1969. Either way it ends at the server's timeout, not after 5s.
	var n int
	err = tx.QueryRowContext(ctx, `SELECT SLEEP(5)`).Scan(&n)
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("SLEEP(5) with a 200ms timeout took %v (err %v)", d, err)
	}
	if err != nil && classifyMySQL(err) != ErrTimeout {
		t.Errorf("err = %v, want a timeout", err)
	}
}

// Reading an SQLite database leaves the file and its directory as they were.
func TestSQLiteIsNotWritten(t *testing.T) {
	path := newSQLite(t, `CREATE TABLE t (id INTEGER PRIMARY KEY, code TEXT UNIQUE)`)
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Introspect(context.Background(), path, Options{}); err != nil {
		t.Fatal(err)
	}
	after, _ := os.ReadFile(path)
	entries, _ := os.ReadDir(filepath.Dir(path))
	if !bytes.Equal(before, after) || len(entries) != 1 {
		t.Fatalf("Introspect changed the database or left files beside it: %v", entries)
	}
}

// assertEmpty checks from a new connection that table holds no rows.
func assertEmpty(t *testing.T, dsn, table string) {
	t.Helper()
	cfg, err := mysqlConfig(dsn, Options{}.withDefaults())
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("mysql", cfg.FormatDSN())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT COUNT(*) FROM ` + table).Scan(&n); err != nil || n != 0 {
		t.Errorf("rows in %s after the refused insert: %d, %v", table, n, err)
	}
}
