// Package xstore uses github.com/jmoiron/sqlx.
package xstore

import (
	"database/sql"
	"errors"

	"github.com/jmoiron/sqlx"
)

type City struct {
	ID      int64  `db:"id"`
	Country string `db:"country"`
	Name    string `db:"name"`
}

// CityByName looks a city up by name alone, but the key is (country, name).
func CityByName(db *sqlx.DB, c City) (City, error) {
	var found City
	err := db.Get(&found, "SELECT * FROM cities WHERE name = $1", c.Name)
	if errors.Is(err, sql.ErrNoRows) {
		_, err = db.NamedExec("INSERT INTO cities (country, name) VALUES (:country, :name)", c)
		return c, err
	}
	return found, err
}

// City is backed by the (country, name) key.
func CityByKey(db *sqlx.DB, c City) (City, error) {
	var found City
	err := db.Get(&found, "SELECT * FROM cities WHERE country = $1 AND name = $2", c.Country, c.Name)
	if errors.Is(err, sql.ErrNoRows) {
		_, err = db.NamedExec("INSERT INTO cities (country, name) VALUES (:country, :name) ON CONFLICT (country, name) DO NOTHING", c)
		return c, err
	}
	return found, err
}
