// Package sqlstrict is package sqlshapes analysed with -strict: lookups
// the analyzer cannot read, and tables no schema source describes, are
// reported as unknown; an insert it cannot read still makes no site.
package sqlstrict

import (
	"database/sql"
	"errors"
	"fmt"
)

func join(db *sql.DB, name, org string) error {
	var id int64
	err := db.QueryRow("SELECT t.id FROM tags t JOIN orgs o ON o.id = t.org_id WHERE t.name = $1 AND o.name = $2", name, org).Scan(&id) // want `SELECT then INSERT on tags: lookup columns unknown \(the query has a JOIN\); cannot tell whether a unique constraint covers it`
	if errors.Is(err, sql.ErrNoRows) {
		_, err = db.Exec("INSERT INTO tags (name) VALUES ($1)", name)
	}
	return err
}

func disjunction(db *sql.DB, name, slug string) error {
	var id int64
	err := db.QueryRow("SELECT id FROM tags WHERE name = $1 OR slug = $2", name, slug).Scan(&id) // want `SELECT then INSERT on tags: lookup columns unknown \(the condition uses OR\)`
	if errors.Is(err, sql.ErrNoRows) {
		_, err = db.Exec("INSERT INTO tags (name, slug) VALUES ($1, $2)", name, slug)
	}
	return err
}

func cte(db *sql.DB, name string) error {
	var id int64
	err := db.QueryRow("WITH t AS (SELECT id, name FROM tags) SELECT id FROM t WHERE name = $1", name).Scan(&id) // want `SELECT then INSERT: lookup columns unknown \(the query has a CTE \(WITH\)\)`
	if errors.Is(err, sql.ErrNoRows) {
		_, err = db.Exec("INSERT INTO tags (name) VALUES ($1)", name)
	}
	return err
}

func subqueryInFrom(db *sql.DB, name string) error {
	var id int64
	err := db.QueryRow("SELECT id FROM (SELECT * FROM tags) t WHERE name = $1", name).Scan(&id) // want `SELECT then INSERT: lookup columns unknown \(the query has a subquery in FROM\)`
	if errors.Is(err, sql.ErrNoRows) {
		_, err = db.Exec("INSERT INTO tags (name) VALUES ($1)", name)
	}
	return err
}

func noWhere(db *sql.DB) error {
	var id int64
	err := db.QueryRow("SELECT id FROM tags LIMIT 1").Scan(&id) // want `SELECT then INSERT on tags: lookup columns unknown \(the query has no WHERE clause\)`
	if errors.Is(err, sql.ErrNoRows) {
		_, err = db.Exec("INSERT INTO tags (name) VALUES ('default')")
	}
	return err
}

func builtAtRunTime(db *sql.DB, table, name string) error {
	var id int64
	err := db.QueryRow(fmt.Sprintf("SELECT id FROM %s WHERE name = $1", table), name).Scan(&id) // want `SELECT then INSERT: lookup columns unknown \(the query is not a constant string\)`
	if errors.Is(err, sql.ErrNoRows) {
		_, err = db.Exec("INSERT INTO tags (name) VALUES ($1)", name)
	}
	return err
}

func unknownTable(db *sql.DB, sku string) error {
	var id int64
	err := db.QueryRow("SELECT id FROM widgets WHERE sku = $1", sku).Scan(&id) // want `SELECT then INSERT on widgets: lookup columns unknown \(no schema source describes table widgets\)`
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

func guardWithJoin(db *sql.DB, name string) error {
	_, err := db.Exec("INSERT INTO tags (name) SELECT $1 WHERE NOT EXISTS (SELECT 1 FROM tags t JOIN events e ON e.kind = t.name WHERE t.name = $1)", name) // want `INSERT \.\.\. WHERE NOT EXISTS on tags: lookup columns unknown \(the NOT EXISTS subquery has a JOIN\)`
	return err
}
