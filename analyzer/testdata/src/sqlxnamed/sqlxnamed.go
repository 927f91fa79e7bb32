// Package sqlxnamed checks sqlx lookups through Select (an empty slice
// when nothing matched) and through named statements (PrepareNamed, then
// NamedStmt.Get, Select, QueryRowx).
package sqlxnamed

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

func selectEmpty(db *sqlx.DB, name string) error {
	var tags []Tag
	if err := db.Select(&tags, "SELECT * FROM tags WHERE name = $1", name); err != nil { // want `^SELECT then INSERT \(line 25\) on tags looks up \(name\) but no unique constraint covers it`
		return err
	}
	if len(tags) == 0 {
		_, err := db.Exec("INSERT INTO tags (name) VALUES ($1)", name)
		return err
	}
	return nil
}

func selectContextFunc(ctx context.Context, q sqlx.ExtContext, name string) error {
	var ids []int64
	err := sqlx.SelectContext(ctx, q, &ids, "SELECT id FROM tags WHERE name = $1", name) // want `SELECT then INSERT \(line 35\) on tags looks up \(name\)`
	if err == nil && len(ids) == 0 {
		_, err = q.ExecContext(ctx, "INSERT INTO tags (name) VALUES ($1)", name)
	}
	return err
}

func namedGet(db *sqlx.DB, t Tag) error {
	find, err := db.PrepareNamed("SELECT * FROM tags WHERE name = :name")
	if err != nil {
		return err
	}
	var found Tag
	if err := find.Get(&found, t); errors.Is(err, sql.ErrNoRows) { // want `SELECT then INSERT \(line 47\) on tags looks up \(name\)`
		_, err = db.NamedExec("INSERT INTO tags (name) VALUES (:name)", t)
		return err
	}
	return nil
}

func namedSelectInTx(ctx context.Context, db *sqlx.DB, tx *sqlx.Tx, name string) error {
	find, err := db.PrepareNamedContext(ctx, "SELECT id FROM tags WHERE name = :name")
	if err != nil {
		return err
	}
	var ids []int64
	if err := tx.NamedStmt(find).SelectContext(ctx, &ids, map[string]any{"name": name}); err != nil { // want `SELECT then INSERT \(line 63\) on tags looks up \(name\)`
		return err
	}
	if len(ids) == 0 {
		_, err = tx.NamedExecContext(ctx, "INSERT INTO tags (name) VALUES (:name)", map[string]any{"name": name})
	}
	return err
}

func namedQueryRowxAndNamedInsert(tx *sqlx.Tx, t Tag) error {
	find, err := tx.PrepareNamed("SELECT id FROM tags WHERE name = :name")
	if err != nil {
		return err
	}
	add, err := tx.PrepareNamed("INSERT INTO tags (name) VALUES (:name)")
	if err != nil {
		return err
	}
	var id int64
	err = find.QueryRowx(t).Scan(&id) // want `SELECT then INSERT \(line 80\) on tags looks up \(name\)`
	if errors.Is(err, sql.ErrNoRows) {
		_, err = add.Exec(t)
	}
	return err
}

func preparexSelect(db *sqlx.DB, name string) error {
	find, err := db.Preparex("SELECT id FROM tags WHERE name = ?")
	if err != nil {
		return err
	}
	var ids []int64
	if err := find.Select(&ids, name); err != nil { // want `SELECT then INSERT \(line 95\) on tags looks up \(name\)`
		return err
	}
	if len(ids) == 0 {
		db.MustExec(db.Rebind("INSERT INTO tags (name) VALUES (?)"), name)
	}
	return nil
}

func nopeNamedBackedByEmail(db *sqlx.DB, email string) error {
	find, err := db.PrepareNamed("SELECT id FROM users WHERE email = :email")
	if err != nil {
		return err
	}
	var id int64
	if err := find.Get(&id, map[string]any{"email": email}); errors.Is(err, sql.ErrNoRows) {
		_, err = db.NamedExec("INSERT INTO users (email) VALUES (:email)", map[string]any{"email": email})
		return err
	}
	return nil
}

// The insert runs when the slice is not empty: rows were found.
func nopeSelectInsertWhenFound(db *sqlx.DB, name string) error {
	var tags []Tag
	if err := db.Select(&tags, "SELECT * FROM tags WHERE name = $1", name); err != nil {
		return err
	}
	if len(tags) > 0 {
		_, err := db.Exec("INSERT INTO tags (name) VALUES ($1)", name)
		return err
	}
	return nil
}

// The slice held rows before: an empty result still leaves them.
func nopeSelectAppends(db *sqlx.DB, name string, tags []Tag) error {
	if err := db.Select(&tags, "SELECT * FROM tags WHERE name = $1", name); err != nil {
		return err
	}
	if len(tags) == 0 {
		_, err := db.Exec("INSERT INTO tags (name) VALUES ($1)", name)
		return err
	}
	return nil
}
