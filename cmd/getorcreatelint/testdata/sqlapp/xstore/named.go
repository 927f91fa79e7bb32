package xstore

import (
	"database/sql"
	"errors"

	"github.com/jmoiron/sqlx"
)

// CityNamed looks up through a named statement; (name) alone is not a key.
func CityNamed(db *sqlx.DB, c City) error {
	find, err := db.PrepareNamed("SELECT * FROM cities WHERE name = :name")
	if err != nil {
		return err
	}
	defer find.Close()
	var found City
	if err := find.Get(&found, c); errors.Is(err, sql.ErrNoRows) {
		_, err = db.NamedExec("INSERT INTO cities (country, name) VALUES (:country, :name)", c)
		return err
	}
	return nil
}

// CitiesSelected looks up with Select: an empty slice means none.
func CitiesSelected(tx *sqlx.Tx, c City) error {
	var found []City
	if err := tx.Select(&found, tx.Rebind("SELECT * FROM cities WHERE name = ?"), c.Name); err != nil {
		return err
	}
	if len(found) == 0 {
		_, err := tx.NamedExec("INSERT INTO cities (country, name) VALUES (:country, :name)", c)
		return err
	}
	return nil
}

// CityByKeyNamed is backed by the (country, name) key.
func CityByKeyNamed(db *sqlx.DB, c City) error {
	find, err := db.Preparex(db.Rebind("SELECT id FROM cities WHERE country = ? AND name = ?"))
	if err != nil {
		return err
	}
	var id int64
	if err := find.Get(&id, c.Country, c.Name); errors.Is(err, sql.ErrNoRows) {
		_, err = db.NamedExec("INSERT INTO cities (country, name) VALUES (:country, :name)", c)
		return err
	}
	return nil
}
