// Package pgxcollect checks pgx v5 lookups read through the collectors
// that consume a Query's rows (CollectOneRow, CollectExactlyOneRow,
// CollectRows with RowToStructByName, RowTo, ...), and through statements
// prepared by name.
package pgxcollect

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

type Tag struct {
	ID   int64
	Name string
}

func collectOneRow(ctx context.Context, conn *pgx.Conn, name string) (Tag, error) {
	rows, _ := conn.Query(ctx, "SELECT id, name FROM tags WHERE name = $1", name) // want `^SELECT then INSERT \(line 25\) on tags looks up \(name\) but no unique constraint covers it`
	t, err := pgx.CollectOneRow(rows, pgx.RowToStructByName[Tag])
	if errors.Is(err, pgx.ErrNoRows) {
		_, err = conn.Exec(ctx, "INSERT INTO tags (name) VALUES ($1)", name)
	}
	return t, err
}

func collectExactlyOneRowByPos(ctx context.Context, p *pgxpool.Pool, name string) error {
	rows, err := p.Query(ctx, "SELECT id, name FROM tags WHERE name = $1", name) // want `SELECT then INSERT \(line 40\) on tags looks up \(name\)`
	if err != nil {
		return err
	}
	_, err = pgx.CollectExactlyOneRow(rows, pgx.RowToStructByPos[Tag])
	if err == nil {
		return nil
	}
	if errors.Is(err, pgx.ErrNoRows) {
		_, err = p.Exec(ctx, "INSERT INTO tags (name) VALUES ($1)", name)
	}
	return err
}

func rowToZero(ctx context.Context, tx pgx.Tx, name string) (int64, error) {
	rows, _ := tx.Query(ctx, "SELECT id FROM tags WHERE name = $1", name) // want `SELECT then INSERT \(line 52\) on tags looks up \(name\)`
	id, err := pgx.CollectOneRow(rows, pgx.RowTo[int64])
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return 0, err
	}
	if id == 0 {
		err = tx.QueryRow(ctx, "INSERT INTO tags (name) VALUES ($1) RETURNING id", name).Scan(&id)
	}
	return id, err
}

func rowToAddrOfNil(ctx context.Context, conn *pgx.Conn, name string) error {
	rows, _ := conn.Query(ctx, "SELECT id, name FROM tags WHERE name = $1", name) // want `SELECT then INSERT \(line 64\) on tags looks up \(name\)`
	t, err := pgx.CollectOneRow(rows, pgx.RowToAddrOfStructByName[Tag])
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return err
	}
	if t == nil {
		_, err = conn.Exec(ctx, "INSERT INTO tags (name) VALUES ($1)", name)
	}
	return err
}

func collectRowsEmpty(ctx context.Context, conn *pgx.Conn, name string) error {
	rows, _ := conn.Query(ctx, "SELECT id, name FROM tags WHERE name = $1", name) // want `SELECT then INSERT \(line 76\) on tags looks up \(name\)`
	tags, err := pgx.CollectRows(rows, pgx.RowToStructByName[Tag])
	if err != nil {
		return err
	}
	if len(tags) == 0 {
		_, err = conn.Exec(ctx, "INSERT INTO tags (name) VALUES ($1)", name)
	}
	return err
}

func countCollected(ctx context.Context, conn *pgx.Conn, name string) error {
	rows, _ := conn.Query(ctx, "SELECT count(*) FROM tags WHERE name = $1", name) // want `SELECT then INSERT \(line 88\) on tags looks up \(name\)`
	n, err := pgx.CollectOneRow(rows, pgx.RowTo[int64])
	if err != nil {
		return err
	}
	if n == 0 {
		_, err = conn.Exec(ctx, "INSERT INTO tags (name) VALUES ($1)", name)
	}
	return err
}

func preparedByName(ctx context.Context, conn *pgx.Conn, name string) (int64, error) {
	if _, err := conn.Prepare(ctx, "find_tag", "SELECT id FROM tags WHERE name = $1"); err != nil {
		return 0, err
	}
	var id int64
	err := conn.QueryRow(ctx, "find_tag", name).Scan(&id) // want `SELECT then INSERT \(line 100\) on tags looks up \(name\)`
	if errors.Is(err, pgx.ErrNoRows) {
		err = conn.QueryRow(ctx, "INSERT INTO tags (name) VALUES ($1) RETURNING id", name).Scan(&id)
	}
	return id, err
}

func preparedInsertByName(ctx context.Context, tx *pgxpool.Tx, name string) error {
	if _, err := tx.Prepare(ctx, "add_tag", "INSERT INTO tags (name) VALUES ($1)"); err != nil {
		return err
	}
	var id int64
	err := tx.QueryRow(ctx, "SELECT id FROM tags WHERE name = $1", name).Scan(&id) // want `SELECT then INSERT \(line 112\) on tags looks up \(name\)`
	if errors.Is(err, pgx.ErrNoRows) {
		_, err = tx.Exec(ctx, "add_tag", name)
	}
	return err
}

func nopeCollectBackedByEmail(ctx context.Context, conn *pgx.Conn, email string) error {
	rows, _ := conn.Query(ctx, "SELECT id FROM users WHERE email = $1", email)
	_, err := pgx.CollectOneRow(rows, pgx.RowTo[int64])
	if errors.Is(err, pgx.ErrNoRows) {
		_, err = conn.Exec(ctx, "INSERT INTO users (email) VALUES ($1)", email)
	}
	return err
}

// The insert runs where a row was collected.
func nopeCollectInsertWhenFound(ctx context.Context, conn *pgx.Conn, name string) error {
	rows, _ := conn.Query(ctx, "SELECT id FROM tags WHERE name = $1", name)
	_, err := pgx.CollectOneRow(rows, pgx.RowTo[int64])
	if err == nil {
		_, err = conn.Exec(ctx, "INSERT INTO tags (name) VALUES ($1)", name)
	}
	return err
}

// Another function prepared the name: its query is unknown here.
func nopePreparedElsewhere(ctx context.Context, conn *pgx.Conn, name string) error {
	var id int64
	err := conn.QueryRow(ctx, "find_tag", name).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		_, err = conn.Exec(ctx, "INSERT INTO tags (name) VALUES ($1)", name)
	}
	return err
}

// The prepared lookup is by email, which a unique index backs.
func nopePreparedBacked(ctx context.Context, conn *pgx.Conn, email string) error {
	if _, err := conn.Prepare(ctx, "find_user", "SELECT id FROM users WHERE email = $1"); err != nil {
		return err
	}
	var id int64
	err := conn.QueryRow(ctx, "find_user", email).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		_, err = conn.Exec(ctx, "INSERT INTO users (email) VALUES ($1)", email)
	}
	return err
}

func preparedDescription(ctx context.Context, conn *pgx.Conn, name string) error {
	sd, err := conn.Prepare(ctx, "find_tag_sd", "SELECT id FROM tags WHERE name = $1")
	if err != nil {
		return err
	}
	rows, _ := conn.Query(ctx, sd.Name, name) // want `SELECT then INSERT \(line 166\) on tags looks up \(name\)`
	if _, err = pgx.CollectOneRow(rows, pgx.RowTo[int64]); errors.Is(err, pgx.ErrNoRows) {
		_, err = conn.Exec(ctx, "INSERT INTO tags (name) VALUES ($1)", name)
	}
	return err
}

// The description comes from elsewhere: its query is unknown here.
func nopeDescriptionParameter(ctx context.Context, conn *pgx.Conn, sd *pgconn.StatementDescription, name string) error {
	var id int64
	err := conn.QueryRow(ctx, sd.SQL, name).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		_, err = conn.Exec(ctx, "INSERT INTO tags (name) VALUES ($1)", name)
	}
	return err
}
