// Package sqlstd checks get-then-insert with database/sql against the keys
// of testdata/migrations/sqlshop: each lookup API (QueryRow, Query,
// prepared statements on DB, Tx and Conn) with each way of testing that
// nothing was found.
package sqlstd

import (
	"context"
	"database/sql"
	"errors"
)

func queryRowErrorsIs(db *sql.DB, name string) (int64, error) {
	var id int64
	err := db.QueryRow("SELECT id FROM tags WHERE name = $1", name).Scan(&id) // want `^SELECT then INSERT \(line 17\) on tags looks up \(name\) but no unique constraint covers it; concurrent calls can insert duplicates: add a unique index in a migration: CREATE UNIQUE INDEX CONCURRENTLY idx_tags_name ON tags \(name\); then make the insert INSERT \.\.\. ON CONFLICT \(name\) DO NOTHING and select the row again when it inserts nothing$`
	if errors.Is(err, sql.ErrNoRows) {
		_, err = db.Exec("INSERT INTO tags (name) VALUES ($1)", name)
		return 0, err
	}
	return id, err
}

func queryRowContextEquals(ctx context.Context, db *sql.DB, name string) error {
	var id int64
	err := db.QueryRowContext(ctx, "SELECT id FROM tags WHERE name = $1", name).Scan(&id) // want `SELECT then INSERT \(line 27\) on tags looks up \(name\)`
	if err == sql.ErrNoRows {
		_, err = db.ExecContext(ctx, "INSERT INTO tags (name) VALUES ($1)", name)
	}
	return err
}

func rowVariableInTx(tx *sql.Tx, name string) error {
	row := tx.QueryRow("SELECT id FROM tags WHERE name = $1", name) // want `SELECT then INSERT \(line 39\) on tags looks up \(name\)`
	var id int64
	if err := row.Scan(&id); err != nil {
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		_, err = tx.Exec("INSERT INTO tags (name) VALUES ($1)", name)
		return err
	}
	return nil
}

func connSwitchCase(ctx context.Context, conn *sql.Conn, name string) error {
	var id int64
	err := conn.QueryRowContext(ctx, "SELECT id FROM tags WHERE name = ?", name).Scan(&id) // want `SELECT then INSERT \(line 50\) on tags looks up \(name\)`
	switch {
	case errors.Is(err, sql.ErrNoRows):
		_, err = conn.ExecContext(ctx, "INSERT INTO tags (name) VALUES (?)", name)
		return err
	case err != nil:
		return err
	}
	return nil
}

func taggedSwitch(db *sql.DB, name string) error {
	var id int64
	err := db.QueryRow("SELECT id FROM tags WHERE name = $1", name).Scan(&id) // want `SELECT then INSERT \(line 63\) on tags looks up \(name\)`
	switch err {
	case sql.ErrNoRows:
		_, err = db.Exec("INSERT INTO tags (name) VALUES ($1)", name)
	}
	return err
}

func earlyReturn(db *sql.DB, name string) (int64, error) {
	var id int64
	err := db.QueryRow("SELECT id FROM tags WHERE name = $1", name).Scan(&id) // want `SELECT then INSERT \(line 78\) on tags looks up \(name\)`
	if err == nil {
		return id, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, err
	}
	// INSERT ... RETURNING through QueryRow is the insert.
	err = db.QueryRow("INSERT INTO tags (name) VALUES ($1) RETURNING id", name).Scan(&id)
	return id, err
}

func scanResultUsedDirectly(db *sql.DB, name string) error {
	var id int64
	if errors.Is(db.QueryRow("SELECT id FROM tags WHERE name = $1", name).Scan(&id), sql.ErrNoRows) { // want `SELECT then INSERT \(line 85\) on tags`
		_, err := db.Exec("INSERT INTO tags (name) VALUES ($1)", name)
		return err
	}
	return nil
}

func queryWithoutNext(ctx context.Context, db *sql.DB, name string) error {
	rows, err := db.QueryContext(ctx, "SELECT id FROM tags WHERE name = $1", name) // want `SELECT then INSERT \(line 98\) on tags looks up \(name\)`
	if err != nil {
		return err
	}
	defer rows.Close()
	if !rows.Next() {
		_, err = db.ExecContext(ctx, "INSERT INTO tags (name) VALUES ($1)", name)
	}
	return err
}

func countIsZero(db *sql.DB, name string) error {
	var n int
	if err := db.QueryRow("SELECT COUNT(*) FROM tags WHERE name = $1", name).Scan(&n); err != nil { // want `SELECT then INSERT \(line 109\) on tags looks up \(name\)`
		return err
	}
	if n == 0 {
		_, err := db.Exec("INSERT INTO tags (name) VALUES ($1)", name)
		return err
	}
	return nil
}

func existsIsFalse(tx *sql.Tx, name string) error {
	var exists bool
	err := tx.QueryRow("SELECT EXISTS (SELECT 1 FROM tags WHERE name = $1)", name).Scan(&exists) // want `SELECT then INSERT \(line 122\) on tags looks up \(name\)`
	if err != nil {
		return err
	}
	if !exists {
		_, err = tx.Exec("INSERT INTO tags (name) VALUES ($1)", name)
	}
	return err
}

func preparedStatements(db *sql.DB, name string) error {
	find, err := db.Prepare("SELECT id FROM tags WHERE name = $1")
	if err != nil {
		return err
	}
	insert, err := db.Prepare("INSERT INTO tags (name) VALUES ($1)")
	if err != nil {
		return err
	}
	var id int64
	if err := find.QueryRow(name).Scan(&id); errors.Is(err, sql.ErrNoRows) { // want `SELECT then INSERT \(line 138\) on tags looks up \(name\)`
		_, err = insert.Exec(name)
		return err
	}
	return nil
}

func preparedInTx(ctx context.Context, db *sql.DB, tx *sql.Tx, name string) error {
	find, err := db.PrepareContext(ctx, "SELECT id FROM tags WHERE name = $1")
	if err != nil {
		return err
	}
	txFind := tx.StmtContext(ctx, find)
	var id int64
	if err := txFind.QueryRowContext(ctx, name).Scan(&id); err == sql.ErrNoRows { // want `SELECT then INSERT \(line 152\) on tags`
		_, err = tx.ExecContext(ctx, "INSERT INTO tags (name) VALUES ($1)", name)
		return err
	}
	return nil
}

func wideKeyNearMiss(db *sql.DB, handle string) error {
	var id int64
	err := db.QueryRow("SELECT id FROM users WHERE handle = $1", handle).Scan(&id) // want `SELECT then INSERT \(line 162\) on users looks up \(handle\) but no unique constraint covers it \(unique index users_tenant_handle \(tenant_id, handle\) also needs tenant_id\); concurrent calls can insert duplicates: include tenant_id in the lookup, or add a unique index in a migration: CREATE UNIQUE INDEX CONCURRENTLY idx_users_handle ON users \(handle\)`
	if errors.Is(err, sql.ErrNoRows) {
		_, err = db.Exec("INSERT INTO users (email, handle) VALUES ($1, $2)", handle+"@example.com", handle)
	}
	return err
}

func nullableArgument(db *sql.DB, tenant *int64, handle string) error {
	var id int64
	err := db.QueryRow("SELECT id FROM users WHERE tenant_id = $1 AND handle = $2", tenant, handle).Scan(&id) // want `on users looks up \(tenant_id, handle\) but no unique constraint covers it \(unique index users_tenant_handle \(tenant_id, handle\) does not help when tenant_id is NULL: NULLs never conflict\)`
	if errors.Is(err, sql.ErrNoRows) {
		_, err = db.Exec("INSERT INTO users (email, tenant_id, handle) VALUES ($1, $2, $3)", handle, tenant, handle)
	}
	return err
}

// FOR UPDATE locks the rows it finds; it cannot lock a row that is not
// there yet, so two transactions can both miss and both insert.
func forUpdateDoesNotHelp(ctx context.Context, tx *sql.Tx, name string) error {
	var id int64
	err := tx.QueryRowContext(ctx, "SELECT id FROM tags WHERE name = $1 FOR UPDATE", name).Scan(&id) // want `SELECT then INSERT \(line 182\) on tags looks up \(name\)`
	if errors.Is(err, sql.ErrNoRows) {
		_, err = tx.ExecContext(ctx, "INSERT INTO tags (name) VALUES ($1)", name)
	}
	return err
}

func nopeIgnoredWithReason(db *sql.DB, name string) error {
	var id int64
	err := db.QueryRow("SELECT id FROM tags WHERE name = $1", name).Scan(&id) //getorcreatelint:ignore tags are created by one admin job
	if errors.Is(err, sql.ErrNoRows) {
		_, err = db.Exec("INSERT INTO tags (name) VALUES ($1)", name)
	}
	return err
}

func nopeBackedByUniqueEmail(db *sql.DB, email string) error {
	var id int64
	err := db.QueryRow("SELECT id FROM users WHERE email = $1", email).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		_, err = db.Exec("INSERT INTO users (email) VALUES ($1)", email)
	}
	return err
}

func nopeBackedByExpressionIndex(db *sql.DB, name string) error {
	var id int64
	err := db.QueryRow(`SELECT id FROM users WHERE "name" = $1`, name).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		_, err = db.Exec("INSERT INTO users (email, name) VALUES ($1, $1)", name)
	}
	return err
}

func nopeBackedByCompositeKey(db *sql.DB, country, name string) error {
	var id int64
	err := db.QueryRow("SELECT c.id FROM cities c WHERE c.country = ? AND c.name = ? LIMIT 1", country, name).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		_, err = db.Exec("INSERT INTO cities (country, name) VALUES (?, ?)", country, name)
	}
	return err
}

func nopeInsertWhereFound(db *sql.DB, name string) error {
	var id int64
	err := db.QueryRow("SELECT id FROM tags WHERE name = $1", name).Scan(&id)
	if err == nil {
		_, err = db.Exec("INSERT INTO tags (name) VALUES ($1)", name+" (copy)")
	}
	return err
}

func nopeInsertIntoAnotherTable(db *sql.DB, name string) error {
	var id int64
	err := db.QueryRow("SELECT id FROM tags WHERE name = $1", name).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		_, err = db.Exec("INSERT INTO events (kind, at) VALUES ('missing tag', now())")
	}
	return err
}

func nopeAfterLoopOverRows(db *sql.DB, name string) error {
	rows, err := db.Query("SELECT id FROM tags WHERE name = $1", name)
	if err != nil {
		return err
	}
	for rows.Next() {
	}
	_, err = db.Exec("INSERT INTO tags (name) VALUES ($1)", name)
	return err
}

func nopeCountNonZero(db *sql.DB, name string) error {
	var n int
	if err := db.QueryRow("SELECT count(*) FROM tags WHERE name = $1", name).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		_, err := db.Exec("INSERT INTO tags (name) VALUES ($1)", name+" (copy)")
		return err
	}
	return nil
}

func nopeUpsertIsAtomic(db *sql.DB, country, name string) error {
	var id int64
	err := db.QueryRow("SELECT id FROM cities WHERE name = $1", name).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		_, err = db.Exec("INSERT INTO cities (country, name) VALUES ($1, $2) ON CONFLICT (country, name) DO NOTHING", country, name)
	}
	return err
}

func nopeNotSQL(name string) error {
	var s fakeDB
	if s.QueryRow("SELECT id FROM tags WHERE name = $1", name) == nil {
		s.Exec("INSERT INTO tags (name) VALUES ($1)", name)
	}
	return nil
}

type fakeDB struct{}

func (fakeDB) QueryRow(q string, args ...any) error { return nil }
func (fakeDB) Exec(q string, args ...any) error     { return nil }

// constantIsFalse: SELECT true leaves the flag false when no row matched,
// the ignored error being sql.ErrNoRows.
func constantIsFalse(db *sql.DB, name string) error {
	var found bool
	db.QueryRow("SELECT true FROM tags WHERE name = $1 LIMIT 1", name).Scan(&found) // want `SELECT then INSERT \(line 294\) on tags looks up \(name\)`
	if found {
		return nil
	}
	_, err := db.Exec("INSERT INTO tags (name) VALUES ($1)", name)
	return err
}

// nopeColumnIsNotAFlag: false is also a row's value of a column.
func nopeColumnIsNotAFlag(db *sql.DB, name string) error {
	var hidden bool
	db.QueryRow("SELECT hidden FROM tags WHERE name = $1", name).Scan(&hidden)
	if hidden {
		return nil
	}
	_, err := db.Exec("INSERT INTO tags (name) VALUES ($1)", name)
	return err
}
