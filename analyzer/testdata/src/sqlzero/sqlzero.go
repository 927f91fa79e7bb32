// Package sqlzero checks lookups whose miss is seen through the scan
// destination: Scan and Get leave it zero on ErrNoRows, so once that
// error is filtered out, id == 0 or u.ID == 0 means nothing was found.
package sqlzero

import (
	"context"
	"database/sql"
	"errors"

	"github.com/jackc/pgx/v5"
	"github.com/jmoiron/sqlx"
)

type Tag struct {
	ID   int64  `db:"id"`
	Name string `db:"name"`
}

func idIsZero(db *sql.DB, name string) (int64, error) {
	var id int64
	err := db.QueryRow("SELECT id FROM tags WHERE name = $1", name).Scan(&id) // want `^SELECT then INSERT \(line 27\) on tags looks up \(name\) but no unique constraint covers it`
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, err
	}
	if id == 0 {
		err = db.QueryRow("INSERT INTO tags (name) VALUES ($1) RETURNING id", name).Scan(&id)
	}
	return id, err
}

func fieldIsZero(ctx context.Context, db *sql.DB, name string) (Tag, error) {
	var t Tag
	err := db.QueryRowContext(ctx, "SELECT id, name FROM tags WHERE name = $1", name).Scan(&t.ID, &t.Name) // want `SELECT then INSERT \(line 39\) on tags looks up \(name\)`
	if err != nil && err != sql.ErrNoRows {
		return t, err
	}
	if t.ID == 0 {
		_, err = db.ExecContext(ctx, "INSERT INTO tags (name) VALUES ($1)", name)
	}
	return t, err
}

func sqlxGetStruct(db *sqlx.DB, name string) error {
	t := Tag{}
	if err := db.Get(&t, "SELECT * FROM tags WHERE name = $1", name); err != nil && !errors.Is(err, sql.ErrNoRows) { // want `SELECT then INSERT \(line 50\) on tags looks up \(name\)`
		return err
	}
	if t.ID == 0 {
		_, err := db.Exec("INSERT INTO tags (name) VALUES ($1)", name)
		return err
	}
	return nil
}

func pgxNonZeroElse(ctx context.Context, c *pgx.Conn, name string) error {
	var id int64
	if err := c.QueryRow(ctx, "SELECT id FROM tags WHERE name = $1", name).Scan(&id); err != nil && !errors.Is(err, pgx.ErrNoRows) { // want `SELECT then INSERT \(line 64\) on tags looks up \(name\)`
		return err
	}
	if id > 0 {
		return nil
	}
	_, err := c.Exec(ctx, "INSERT INTO tags (name) VALUES ($1)", name)
	return err
}

func nopeZeroBackedByEmail(db *sql.DB, email string) error {
	var id int64
	err := db.QueryRow("SELECT id FROM users WHERE email = $1", email).Scan(&id)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	if id == 0 {
		_, err = db.Exec("INSERT INTO users (email) VALUES ($1)", email)
	}
	return err
}

// The destination is a parameter: it may hold anything before the lookup.
func nopeDestIsParameter(db *sql.DB, name string, id *int64) error {
	err := db.QueryRow("SELECT id FROM tags WHERE name = $1", name).Scan(id)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	if *id == 0 {
		_, err = db.Exec("INSERT INTO tags (name) VALUES ($1)", name)
	}
	return err
}

// The destination held a value before the lookup: zero does not mean
// nothing was found.
func nopeDestHeldValue(db *sql.DB, name string, fallback int64) error {
	id := fallback
	err := db.QueryRow("SELECT id FROM tags WHERE name = $1", name).Scan(&id)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	if id == 0 {
		_, err = db.Exec("INSERT INTO tags (name) VALUES ($1)", name)
	}
	return err
}

// The insert runs where the destination is non-zero: a row was found.
func nopeInsertWhenFound(db *sql.DB, name string) error {
	var id int64
	err := db.QueryRow("SELECT id FROM tags WHERE name = $1", name).Scan(&id)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	if id != 0 {
		_, err = db.Exec("INSERT INTO tags (name) VALUES ($1)", name)
	}
	return err
}
