// Package sqlconsts checks queries held in constants: package-level, in
// another package, and constant expressions the type checker folds.
package sqlconsts

import (
	"database/sql"
	"errors"

	"sqlconsts/queries"
)

const (
	tagsTable   = "tags"
	findByName  = "SELECT id FROM " + tagsTable + " WHERE name = ?"
	insertByTag = "INSERT INTO " + tagsTable + " (name) VALUES (?)"
	findByEmail = "SELECT id FROM users WHERE email = ?"
)

func packageConstants(db *sql.DB, name string) error {
	var id int64
	err := db.QueryRow(findByName, name).Scan(&id) // want `SELECT then INSERT \(line 23\) on tags looks up \(name\)`
	if errors.Is(err, sql.ErrNoRows) {
		_, err = db.Exec(insertByTag, name)
	}
	return err
}

func constantsOfAnotherPackage(db *sql.DB, name string) error {
	var id int64
	var slug sql.NullString
	err := db.QueryRow(queries.FindTag, name).Scan(&id, &name, &slug) // want `SELECT then INSERT \(line 33\) on tags looks up \(name\)`
	if errors.Is(err, sql.ErrNoRows) {
		_, err = db.Exec(queries.InsertTag, name, name)
	}
	return err
}

func localConstant(db *sql.DB, name string) error {
	const q = findByName + " LIMIT 1"
	var id int64
	if err := db.QueryRow(q, name).Scan(&id); err != sql.ErrNoRows { // want `SELECT then INSERT \(line 44\) on tags looks up \(name\)`
		return err
	}
	_, err := db.Exec(insertByTag, name)
	return err
}

func nopeConstantBacked(db *sql.DB, email string) error {
	var id int64
	err := db.QueryRow(findByEmail, email).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		_, err = db.Exec("INSERT INTO users (email) VALUES (?)", email)
	}
	return err
}
