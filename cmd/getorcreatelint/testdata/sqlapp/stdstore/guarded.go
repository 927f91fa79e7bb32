package stdstore

import (
	"context"
	"database/sql"
)

// EnsureTag checks and inserts in one statement, which races all the same.
func EnsureTag(ctx context.Context, db *sql.DB, name string) error {
	_, err := db.ExecContext(ctx, `INSERT INTO tags (name)
		SELECT $1 WHERE NOT EXISTS (SELECT 1 FROM tags WHERE name = $1)`, name)
	return err
}

// EnsureUser is backed by the unique email.
func EnsureUser(ctx context.Context, db *sql.DB, email string) error {
	_, err := db.ExecContext(ctx, `INSERT INTO users (email)
		SELECT $1 WHERE NOT EXISTS (SELECT 1 FROM users WHERE email = $1)`, email)
	return err
}

// UpsertUserByIndex names the lower(name) unique index, not a constraint.
func UpsertUserByIndex(ctx context.Context, db *sql.DB, email, name string) error {
	_, err := db.ExecContext(ctx, "INSERT INTO users (email, name) VALUES ($1, $2) ON CONFLICT ON CONSTRAINT users_lower_name DO NOTHING", email, name)
	return err
}

// UpsertUserByEmail names the email column's implicit unique constraint.
func UpsertUserByEmail(ctx context.Context, db *sql.DB, email, name string) error {
	_, err := db.ExecContext(ctx, "INSERT INTO users (email, name) VALUES ($1, $2) ON CONFLICT ON CONSTRAINT users_email_key DO UPDATE SET name = EXCLUDED.name", email, name)
	return err
}
