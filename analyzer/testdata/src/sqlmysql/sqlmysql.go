// Package sqlmysql checks hand-written SQL on MySQL: INSERT IGNORE, ON
// DUPLICATE KEY UPDATE and REPLACE rely on any unique key, and the fix of
// a get-then-insert is written in MySQL's terms.
package sqlmysql

import (
	"database/sql"
	"errors"
)

func getThenInsert(db *sql.DB, name string) error {
	var id int64
	err := db.QueryRow("SELECT id FROM `tags` WHERE `name` = ?", name).Scan(&id) // want `^SELECT then INSERT \(line 15\) on tags looks up \(name\) but no unique constraint covers it; concurrent calls can insert duplicates: add a unique index in a migration: CREATE UNIQUE INDEX idx_tags_name ON tags \(name\); then make the insert INSERT \.\.\. ON DUPLICATE KEY UPDATE id = id$`
	if errors.Is(err, sql.ErrNoRows) {
		_, err = db.Exec("INSERT INTO `tags` (`name`) VALUES (?)", name)
	}
	return err
}

func insertIgnore(db *sql.DB, kind string) error {
	_, err := db.Exec("INSERT IGNORE INTO events (kind, at) VALUES (?, NOW())", kind) // want `^Exec on events: INSERT IGNORE only skips rows that conflict with a unique key, and events has none but its primary key \(id\), which the insert does not set; every call inserts a row, duplicates included: add a unique index on the columns that identify a row \(the insert sets kind, at\)$`
	return err
}

func onDuplicateKey(db *sql.DB, kind string) error {
	_, err := db.Exec("INSERT INTO events (kind, at) VALUES (?, NOW()) ON DUPLICATE KEY UPDATE at = VALUES(at)", kind) // want `Exec on events: ON DUPLICATE KEY UPDATE only skips rows`
	return err
}

func replaceInto(db *sql.DB, name string) error {
	_, err := db.Exec("REPLACE INTO tags SET name = ?", name) // want `Exec on tags: REPLACE only skips rows that conflict with a unique key, and tags has none but its primary key \(id\), which the insert does not set; every call inserts a row, duplicates included: add a unique index on the columns that identify a row \(the insert sets name\)$`
	return err
}

func nopeInsertIgnoreWithKey(db *sql.DB, country, name string) error {
	_, err := db.Exec("INSERT IGNORE INTO cities (country, name) VALUES (?, ?)", country, name)
	return err
}

func nopeOnDuplicateKeyWithPrimaryKeySet(db *sql.DB, key, value string) error {
	_, err := db.Exec("INSERT INTO settings (`key`, value) VALUES (?, ?) ON DUPLICATE KEY UPDATE value = VALUES(value)", key, value)
	return err
}

func nopeUpsertIsNotAGetOrCreate(db *sql.DB, country, name string) error {
	var id int64
	err := db.QueryRow("SELECT id FROM cities WHERE name = ?", name).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		_, err = db.Exec("INSERT INTO cities (country, name) VALUES (?, ?) ON DUPLICATE KEY UPDATE id = id", country, name)
	}
	return err
}
