// Package sqlxapp checks get-then-insert with sqlx: Get, GetContext and
// QueryRowx on DB, Tx, the Queryer interfaces and prepared statements, with
// NamedExec, MustExec and Exec as the insert.
package sqlxapp

import (
	"context"
	"database/sql"
	"errors"

	"github.com/jmoiron/sqlx"
)

type Tag struct {
	ID   int64  `db:"id"`
	Name string `db:"name"`
}

func getThenNamedExec(db *sqlx.DB, name string) (Tag, error) {
	var t Tag
	err := db.Get(&t, "SELECT id, name FROM tags WHERE name = ?", name) // want `^SELECT then INSERT \(line 24\) on tags looks up \(name\) but no unique constraint covers it; concurrent calls can insert duplicates: add a unique index in a migration: CREATE UNIQUE INDEX CONCURRENTLY idx_tags_name ON tags \(name\); then make the insert INSERT \.\.\. ON CONFLICT \(name\) DO NOTHING and select the row again when it inserts nothing$`
	if errors.Is(err, sql.ErrNoRows) {
		t.Name = name
		_, err = db.NamedExec("INSERT INTO tags (name) VALUES (:name)", t)
	}
	return t, err
}

func getContextInTx(ctx context.Context, tx *sqlx.Tx, name string) error {
	var id int64
	err := tx.GetContext(ctx, &id, "SELECT id FROM tags WHERE name = $1", name) // want `SELECT then INSERT \(line 36\) on tags looks up \(name\)`
	if err != nil {
		if err != sql.ErrNoRows {
			return err
		}
		tx.MustExecContext(ctx, "INSERT INTO tags (name) VALUES ($1)", name)
	}
	return nil
}

func queryRowx(db *sqlx.DB, name string) error {
	var id int64
	if err := db.QueryRowx("SELECT id FROM tags WHERE name = ?", name).Scan(&id); err == nil { // want `SELECT then INSERT \(line 46\) on tags looks up \(name\)`
		return nil
	}
	db.MustExec("INSERT INTO tags (name) VALUES (?)", name)
	return nil
}

func structScan(ctx context.Context, db *sqlx.DB, name string) (Tag, error) {
	var t Tag
	row := db.QueryRowxContext(ctx, "SELECT * FROM tags WHERE name = $1", name) // want `SELECT then INSERT \(line 56\) on tags looks up \(name\)`
	switch err := row.StructScan(&t); {
	case errors.Is(err, sql.ErrNoRows):
		t.Name = name
		_, err = db.NamedExecContext(ctx, "INSERT INTO tags (name) VALUES (:name)", &t)
		return t, err
	case err != nil:
		return t, err
	}
	return t, nil
}

func packageFunctions(q sqlx.Ext, name string) error {
	var id int64
	err := sqlx.Get(q, &id, "SELECT id FROM tags WHERE name = ?", name) // want `SELECT then INSERT \(line 68\) on tags looks up \(name\)`
	if errors.Is(err, sql.ErrNoRows) {
		_, err = sqlx.NamedExec(q, "INSERT INTO tags (name) VALUES (:name)", map[string]any{"name": name})
	}
	return err
}

func queryerInterface(ctx context.Context, q sqlx.ExtContext, name string) error {
	var id int64
	err := q.QueryRowxContext(ctx, "SELECT id FROM tags WHERE name = $1", name).Scan(&id) // want `SELECT then INSERT \(line 77\) on tags looks up \(name\)`
	if errors.Is(err, sql.ErrNoRows) {
		_, err = q.ExecContext(ctx, "INSERT INTO tags (name) VALUES ($1)", name)
	}
	return err
}

func preparedGet(db *sqlx.DB, name string) error {
	find, err := db.Preparex("SELECT id FROM tags WHERE name = ?")
	if err != nil {
		return err
	}
	var id int64
	if err := find.Get(&id, name); errors.Is(err, sql.ErrNoRows) { // want `SELECT then INSERT \(line 89\) on tags looks up \(name\)`
		_, err = db.Exec("INSERT INTO tags (name) VALUES (?)", name)
		return err
	}
	return nil
}

func promotedDatabaseSQL(db *sqlx.DB, name string) error {
	var id int64
	err := db.QueryRow("SELECT id FROM tags WHERE name = ?", name).Scan(&id) // want `SELECT then INSERT \(line 99\) on tags looks up \(name\)`
	if errors.Is(err, sql.ErrNoRows) {
		_, err = db.Exec("INSERT INTO tags (name) VALUES (?)", name)
	}
	return err
}

func countWithGet(db *sqlx.DB, name string) error {
	var n int64
	if err := db.Get(&n, "SELECT COUNT(*) FROM tags WHERE name = ?", name); err != nil { // want `SELECT then INSERT \(line 110\) on tags looks up \(name\)`
		return err
	}
	if n < 1 {
		_, err := db.Exec("INSERT INTO tags (name) VALUES (?)", name)
		return err
	}
	return nil
}

func rebound(db *sqlx.DB, tx *sqlx.Tx, name string) error {
	var id int64
	err := db.Get(&id, db.Rebind("SELECT id FROM tags WHERE name = ?"), name) // want `SELECT then INSERT \(line 120\) on tags looks up \(name\)`
	if errors.Is(err, sql.ErrNoRows) {
		_, err = tx.Exec(sqlx.Rebind(sqlx.DOLLAR, "INSERT INTO tags (name) VALUES (?)"), name)
	}
	return err
}

func nopeReboundBacked(db *sqlx.DB, email string) error {
	var id int64
	err := db.Get(&id, db.Rebind("SELECT id FROM users WHERE email = ?"), email)
	if errors.Is(err, sql.ErrNoRows) {
		_, err = db.Exec(db.Rebind("INSERT INTO users (email) VALUES (?)"), email)
	}
	return err
}

func nopeBackedByEmail(db *sqlx.DB, email string) error {
	var id int64
	err := db.Get(&id, "SELECT id FROM users WHERE email = ?", email)
	if errors.Is(err, sql.ErrNoRows) {
		_, err = db.Exec("INSERT INTO users (email) VALUES (?)", email)
	}
	return err
}

func nopeNamedUpsert(db *sqlx.DB, t Tag) error {
	var id int64
	err := db.Get(&id, "SELECT id FROM cities WHERE country = ? AND name = ?", "fr", t.Name)
	if errors.Is(err, sql.ErrNoRows) {
		_, err = db.NamedExec("INSERT INTO cities (country, name) VALUES ('fr', :name) ON CONFLICT (country, name) DO NOTHING", t)
	}
	return err
}

func nopeCountPositive(db *sqlx.DB, name string) error {
	var n int64
	if err := db.Get(&n, "SELECT COUNT(*) FROM tags WHERE name = ?", name); err != nil {
		return err
	}
	if n != 0 {
		_, err := db.Exec("UPDATE tags SET slug = ? WHERE name = ?", name, name)
		return err
	}
	return nil
}

func reboundVariable(db *sqlx.DB, name string) error {
	find := db.Rebind("SELECT id FROM tags WHERE name = ?")
	insert := "INSERT INTO tags (name) VALUES (?)"
	var id int64
	err := db.Get(&id, find, name) // want `SELECT then INSERT \(line 170\) on tags looks up \(name\)`
	if errors.Is(err, sql.ErrNoRows) {
		_, err = db.Exec(db.Rebind(insert), name)
	}
	return err
}

// The query variable is stored twice: which one runs is not known.
func nopeQueryVariableStoredTwice(db *sqlx.DB, name string, byEmail bool) error {
	find := "SELECT id FROM tags WHERE name = ?"
	if byEmail {
		find = "SELECT id FROM users WHERE email = ?"
	}
	var id int64
	err := db.Get(&id, db.Rebind(find), name)
	if errors.Is(err, sql.ErrNoRows) {
		_, err = db.Exec(db.Rebind("INSERT INTO tags (name) VALUES (?)"), name)
	}
	return err
}
