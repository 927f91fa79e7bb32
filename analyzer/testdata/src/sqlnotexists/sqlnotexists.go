// Package sqlnotexists checks the check-then-insert written as one
// statement, INSERT ... SELECT ... WHERE NOT EXISTS (SELECT ... FROM the
// same table WHERE ...): under READ COMMITTED concurrent statements race
// like a SELECT then an INSERT.
package sqlnotexists

import (
	"context"
	"database/sql"

	"github.com/jackc/pgx/v5"
	"github.com/jmoiron/sqlx"
)

const insertTagUnlessExists = `
	INSERT INTO tags (name)
	SELECT $1
	WHERE NOT EXISTS (SELECT 1 FROM tags WHERE name = $1)`

func execGuarded(db *sql.DB, name string) error {
	_, err := db.Exec(insertTagUnlessExists, name) // want `^INSERT \.\.\. WHERE NOT EXISTS on tags looks up \(name\) but no unique constraint covers it; concurrent calls can insert duplicates: add a unique index in a migration: CREATE UNIQUE INDEX CONCURRENTLY idx_tags_name ON tags \(name\); the statement then fails with a duplicate-key error when it loses the race: add ON CONFLICT \(name\) DO NOTHING to skip the row instead$`
	return err
}

func returningGuarded(ctx context.Context, c *pgx.Conn, name string) (int64, error) {
	var id int64
	err := c.QueryRow(ctx, "INSERT INTO tags (name, slug) SELECT $1, $2 WHERE NOT EXISTS (SELECT 1 FROM tags t WHERE t.name = $1) RETURNING id", name, name).Scan(&id) // want `INSERT \.\.\. WHERE NOT EXISTS on tags looks up \(name\) but no unique constraint covers it`
	return id, err
}

func sqlxNamedGuarded(db *sqlx.DB, name string) error {
	_, err := db.NamedExec("INSERT INTO tags (name) SELECT :name WHERE NOT EXISTS (SELECT id FROM tags WHERE name = :name)", map[string]any{"name": name}) // want `INSERT \.\.\. WHERE NOT EXISTS on tags looks up \(name\)`
	return err
}

func nopeGuardBackedByEmail(db *sql.DB, email string) error {
	_, err := db.Exec("INSERT INTO users (email) SELECT $1 WHERE NOT EXISTS (SELECT 1 FROM users WHERE email = $1)", email)
	return err
}

func nopeGuardBackedByCompositeKey(db *sql.DB, country, name string) error {
	_, err := db.Exec("INSERT INTO cities (country, name) SELECT $1, $2 WHERE NOT EXISTS (SELECT 1 FROM cities WHERE country = $1 AND name = $2)", country, name)
	return err
}

// The guard reads another table: not a lookup of the rows inserted.
func nopeGuardOnAnotherTable(db *sql.DB, name string) error {
	_, err := db.Exec("INSERT INTO tags (name) SELECT $1 WHERE NOT EXISTS (SELECT 1 FROM events WHERE kind = $1)", name)
	return err
}

// The conflict clause makes the insert atomic: its target is checked
// instead, and (country, name) matches the cities key.
func nopeGuardWithConflictClause(db *sql.DB, country, name string) error {
	_, err := db.Exec("INSERT INTO cities (country, name) SELECT $1, $2 WHERE NOT EXISTS (SELECT 1 FROM cities WHERE name = $2) ON CONFLICT (country, name) DO NOTHING", country, name)
	return err
}

// A copy from another table with no guard on the inserted one.
func nopeInsertSelect(db *sql.DB) error {
	_, err := db.Exec("INSERT INTO tags (name) SELECT kind FROM events WHERE at > now() - interval '1 day'")
	return err
}

// A lookup before the guarded insert is the same race: reported once, on
// the statement.
func lookupThenGuarded(db *sql.DB, name string) error {
	var id int64
	err := db.QueryRow("SELECT id FROM tags WHERE name = $1", name).Scan(&id)
	if err == sql.ErrNoRows {
		_, err = db.Exec(insertTagUnlessExists, name) // want `INSERT \.\.\. WHERE NOT EXISTS on tags looks up \(name\)`
	}
	return err
}
