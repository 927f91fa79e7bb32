// Package pgstore uses github.com/jackc/pgx/v5.
package pgstore

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// EnsureTag checks with EXISTS, then inserts.
func EnsureTag(ctx context.Context, pool *pgxpool.Pool, name string) error {
	var exists bool
	if err := pool.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM tags WHERE name = $1)", name).Scan(&exists); err != nil {
		return err
	}
	if exists {
		return nil
	}
	_, err := pool.Exec(ctx, "INSERT INTO tags (name) VALUES ($1)", name)
	return err
}

// UpsertTag names a conflict target no unique index matches.
func UpsertTag(ctx context.Context, tx pgx.Tx, name string) error {
	_, err := tx.Exec(ctx, "INSERT INTO tags (name) VALUES ($1) ON CONFLICT (name) DO NOTHING", name)
	return err
}

// UserByName is backed by the lower(name) expression index.
func UserByName(ctx context.Context, conn *pgx.Conn, email, name string) (int64, error) {
	var id int64
	err := conn.QueryRow(ctx, "SELECT id FROM users WHERE name = $1", name).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		err = conn.QueryRow(ctx, "INSERT INTO users (email, name) VALUES ($1, $2) RETURNING id", email, name).Scan(&id)
	}
	return id, err
}
