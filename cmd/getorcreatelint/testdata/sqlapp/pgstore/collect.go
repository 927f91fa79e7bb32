package pgstore

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

type Tag struct {
	ID   int64  `db:"id"`
	Name string `db:"name"`
}

// CollectTag reads the lookup through pgx.CollectOneRow.
func CollectTag(ctx context.Context, pool *pgxpool.Pool, name string) (Tag, error) {
	rows, _ := pool.Query(ctx, "SELECT id, name FROM tags WHERE name = $1", name)
	t, err := pgx.CollectOneRow(rows, pgx.RowToStructByName[Tag])
	if errors.Is(err, pgx.ErrNoRows) {
		rows, _ = pool.Query(ctx, "INSERT INTO tags (name) VALUES ($1) RETURNING id, name", name)
		return pgx.CollectExactlyOneRow(rows, pgx.RowToStructByPos[Tag])
	}
	return t, err
}

// PreparedTagID runs a statement prepared by name.
func PreparedTagID(ctx context.Context, conn *pgx.Conn, name string) (int64, error) {
	if _, err := conn.Prepare(ctx, "tag_by_name", "SELECT id FROM tags WHERE name = $1"); err != nil {
		return 0, err
	}
	var id int64
	err := conn.QueryRow(ctx, "tag_by_name", name).Scan(&id)
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return 0, err
	}
	if id == 0 {
		err = conn.QueryRow(ctx, "INSERT INTO tags (name) VALUES ($1) RETURNING id", name).Scan(&id)
	}
	return id, err
}

// CollectUser is backed by the unique email.
func CollectUser(ctx context.Context, conn *pgx.Conn, email string) (int64, error) {
	rows, _ := conn.Query(ctx, "SELECT id FROM users WHERE email = $1", email)
	id, err := pgx.CollectOneRow(rows, pgx.RowTo[int64])
	if errors.Is(err, pgx.ErrNoRows) {
		err = conn.QueryRow(ctx, "INSERT INTO users (email) VALUES ($1) RETURNING id", email).Scan(&id)
	}
	return id, err
}

// Book names an exclusion constraint: fine with DO NOTHING.
func Book(ctx context.Context, pool *pgxpool.Pool, room int64, during string) error {
	_, err := pool.Exec(ctx, "INSERT INTO bookings (room, during) VALUES ($1, $2) ON CONFLICT ON CONSTRAINT bookings_no_overlap DO NOTHING", room, during)
	return err
}

// Rebook names it with DO UPDATE, which PostgreSQL refuses.
func Rebook(ctx context.Context, pool *pgxpool.Pool, room int64, during string) error {
	_, err := pool.Exec(ctx, "INSERT INTO bookings (room, during) VALUES ($1, $2) ON CONFLICT ON CONSTRAINT bookings_no_overlap DO UPDATE SET during = EXCLUDED.during", room, during)
	return err
}
