// Package sqlshapes holds lookups the analyzer cannot read, or that no
// schema source describes: without -strict they are never reported (the
// same code is in package sqlstrict, analysed with -strict).
package sqlshapes

import (
	"database/sql"
	"errors"
	"fmt"
)

func nopeJoin(db *sql.DB, name, org string) error {
	var id int64
	err := db.QueryRow("SELECT t.id FROM tags t JOIN orgs o ON o.id = t.org_id WHERE t.name = $1 AND o.name = $2", name, org).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		_, err = db.Exec("INSERT INTO tags (name) VALUES ($1)", name)
	}
	return err
}

func nopeOr(db *sql.DB, name, slug string) error {
	var id int64
	err := db.QueryRow("SELECT id FROM tags WHERE name = $1 OR slug = $2", name, slug).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		_, err = db.Exec("INSERT INTO tags (name, slug) VALUES ($1, $2)", name, slug)
	}
	return err
}

func nopeCTE(db *sql.DB, name string) error {
	var id int64
	err := db.QueryRow("WITH t AS (SELECT id, name FROM tags) SELECT id FROM t WHERE name = $1", name).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		_, err = db.Exec("INSERT INTO tags (name) VALUES ($1)", name)
	}
	return err
}

func nopeSubqueryInFrom(db *sql.DB, name string) error {
	var id int64
	err := db.QueryRow("SELECT id FROM (SELECT * FROM tags) t WHERE name = $1", name).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		_, err = db.Exec("INSERT INTO tags (name) VALUES ($1)", name)
	}
	return err
}

func nopeNoWhere(db *sql.DB) error {
	var id int64
	err := db.QueryRow("SELECT id FROM tags LIMIT 1").Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		_, err = db.Exec("INSERT INTO tags (name) VALUES ('default')")
	}
	return err
}

func nopeBuiltAtRunTime(db *sql.DB, table, name string) error {
	var id int64
	err := db.QueryRow(fmt.Sprintf("SELECT id FROM %s WHERE name = $1", table), name).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		_, err = db.Exec("INSERT INTO tags (name) VALUES ($1)", name)
	}
	return err
}

func nopeUnknownTable(db *sql.DB, sku string) error {
	var id int64
	err := db.QueryRow("SELECT id FROM widgets WHERE sku = $1", sku).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		_, err = db.Exec("INSERT INTO widgets (sku) VALUES ($1)", sku)
	}
	return err
}

func nopeInsertBuiltAtRunTime(db *sql.DB, table, name string) error {
	var id int64
	err := db.QueryRow("SELECT id FROM tags WHERE name = $1", name).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		_, err = db.Exec("INSERT INTO "+table+" (name) VALUES ($1)", name)
	}
	return err
}
