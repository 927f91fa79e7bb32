// Package stdstore uses database/sql.
package stdstore

import (
	"context"
	"database/sql"
	"errors"
)

const findTag = "SELECT id FROM tags WHERE name = $1"

// TagID returns the tag's id, creating the tag if needed. Two concurrent
// calls can both miss and both insert: tags(name) has no unique index.
func TagID(ctx context.Context, db *sql.DB, name string) (int64, error) {
	var id int64
	err := db.QueryRowContext(ctx, findTag, name).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		err = db.QueryRowContext(ctx, "INSERT INTO tags (name) VALUES ($1) RETURNING id", name).Scan(&id)
	}
	return id, err
}

// UserID is backed by the unique email.
func UserID(ctx context.Context, db *sql.DB, email string) (int64, error) {
	var id int64
	err := db.QueryRowContext(ctx, "SELECT id FROM users WHERE email = $1", email).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		err = db.QueryRowContext(ctx, "INSERT INTO users (email) VALUES ($1) RETURNING id", email).Scan(&id)
	}
	return id, err
}

// Record relies on a conflict events cannot raise.
func Record(ctx context.Context, db *sql.DB, kind string) error {
	_, err := db.ExecContext(ctx, "INSERT INTO events (kind) VALUES ($1) ON CONFLICT DO NOTHING", kind)
	return err
}
