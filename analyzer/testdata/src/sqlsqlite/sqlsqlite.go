// Package sqlsqlite checks hand-written upserts on SQLite: a conflict
// target must match a key, INSERT OR IGNORE and a target-less ON CONFLICT
// rely on any unique key. SQLite accepts DO UPDATE without a target.
package sqlsqlite

import "database/sql"

func targetWithoutKey(db *sql.DB, name string) error {
	_, err := db.Exec("INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO UPDATE SET slug = excluded.slug", name) // want `^Exec on tags: the conflict target \(name\) matches no unique key; SQLite rejects the INSERT at run time with "ON CONFLICT clause does not match any PRIMARY KEY or UNIQUE constraint": add a unique index in a migration: CREATE UNIQUE INDEX idx_tags_name ON tags \(name\)$`
	return err
}

func orIgnore(db *sql.DB, kind string) error {
	_, err := db.Exec("INSERT OR IGNORE INTO events (kind, at) VALUES (?, datetime('now'))", kind) // want `^Exec on events: INSERT OR IGNORE only skips rows that conflict with a unique key, and events has none but its primary key \(id\)`
	return err
}

func doUpdateWithoutTarget(db *sql.DB, kind string) error {
	_, err := db.Exec("INSERT INTO events (kind, at) VALUES (?, datetime('now')) ON CONFLICT DO UPDATE SET at = excluded.at", kind) // want `^Exec on events: ON CONFLICT DO UPDATE only skips rows that conflict with a unique key`
	return err
}

func nopeDoUpdateWithoutTargetOnKeyedTable(db *sql.DB, country, name string) error {
	_, err := db.Exec("INSERT INTO cities (country, name) VALUES (?, ?) ON CONFLICT DO UPDATE SET name = excluded.name", country, name)
	return err
}

func nopeOrReplaceWithKey(db *sql.DB, email string) error {
	_, err := db.Exec("INSERT OR REPLACE INTO users (email) VALUES (?)", email)
	return err
}
