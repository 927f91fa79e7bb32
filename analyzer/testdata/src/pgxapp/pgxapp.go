// Package pgxapp checks get-then-insert with pgx v5: QueryRow and Query on
// pgx.Conn, pgx.Tx (an interface) and pgxpool's Pool, Conn and Tx.
package pgxapp

import (
	"context"
	"database/sql"
	"errors"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

func conn(ctx context.Context, c *pgx.Conn, name string) (int64, error) {
	var id int64
	err := c.QueryRow(ctx, "SELECT id FROM tags WHERE name = $1", name).Scan(&id) // want `^SELECT then INSERT \(line 18\) on tags looks up \(name\) but no unique constraint covers it; concurrent calls can insert duplicates: add a unique index in a migration: CREATE UNIQUE INDEX CONCURRENTLY idx_tags_name ON tags \(name\); then make the insert INSERT \.\.\. ON CONFLICT \(name\) DO NOTHING and select the row again when it inserts nothing$`
	if errors.Is(err, pgx.ErrNoRows) {
		err = c.QueryRow(ctx, "INSERT INTO tags (name) VALUES ($1) RETURNING id", name).Scan(&id)
	}
	return id, err
}

func pool(ctx context.Context, p *pgxpool.Pool, name string) error {
	var id int64
	err := p.QueryRow(ctx, "SELECT id FROM tags WHERE name = $1", name).Scan(&id) // want `SELECT then INSERT \(line 27\) on tags looks up \(name\)`
	if err == pgx.ErrNoRows {
		_, err = p.Exec(ctx, "INSERT INTO tags (name) VALUES ($1)", name)
	}
	return err
}

func txInterface(ctx context.Context, tx pgx.Tx, name string) error {
	var id int64
	err := tx.QueryRow(ctx, "SELECT id FROM tags WHERE name = $1", name).Scan(&id) // want `SELECT then INSERT \(line 36\) on tags looks up \(name\)`
	if errors.Is(err, sql.ErrNoRows) {
		_, err = tx.Exec(ctx, "INSERT INTO tags (name) VALUES ($1)", name)
	}
	return err
}

func pooledConnAndTx(ctx context.Context, c *pgxpool.Conn, tx *pgxpool.Tx, name string) error {
	var id int64
	row := c.QueryRow(ctx, "SELECT id FROM tags WHERE name = $1", name) // want `SELECT then INSERT \(line 45\) on tags looks up \(name\)`
	if err := row.Scan(&id); errors.Is(err, pgx.ErrNoRows) {
		_, err = tx.Exec(ctx, "INSERT INTO tags (name) VALUES ($1)", name)
		return err
	}
	return nil
}

func queryNext(ctx context.Context, p *pgxpool.Pool, name string) error {
	rows, err := p.Query(ctx, "SELECT id FROM tags WHERE name = $1", name) // want `SELECT then INSERT \(line 60\) on tags looks up \(name\)`
	if err != nil {
		return err
	}
	defer rows.Close()
	if rows.Next() {
		return nil
	}
	_, err = p.Exec(ctx, "INSERT INTO tags (name) VALUES ($1)", name)
	return err
}

func namedArgs(ctx context.Context, c *pgx.Conn, tenant *int64, handle string) error {
	var id int64
	args := pgx.NamedArgs{"tenant": tenant, "handle": handle}
	err := c.QueryRow(ctx, "SELECT id FROM users WHERE tenant_id = @tenant AND handle = @handle", pgx.NamedArgs{"tenant": tenant, "handle": handle}).Scan(&id) // want `on users looks up \(tenant_id, handle\) but no unique constraint covers it \(unique index users_tenant_handle \(tenant_id, handle\) does not help when tenant_id is NULL: NULLs never conflict\)`
	if errors.Is(err, pgx.ErrNoRows) {
		_, err = c.Exec(ctx, "INSERT INTO users (email, tenant_id, handle) VALUES (@handle, @tenant, @handle)", args)
	}
	return err
}

func existsEarlyReturn(ctx context.Context, p *pgxpool.Pool, name string) error {
	var exists bool
	if err := p.QueryRow(ctx, "SELECT EXISTS(SELECT 1 FROM tags t WHERE t.name = $1)", name).Scan(&exists); err != nil { // want `SELECT then INSERT \(line 82\) on tags looks up \(name\)`
		return err
	}
	if exists {
		return nil
	}
	_, err := p.Exec(ctx, "INSERT INTO tags (name) VALUES ($1)", name)
	return err
}

func nopeBackedByEmail(ctx context.Context, p *pgxpool.Pool, email string) error {
	var id int64
	err := p.QueryRow(ctx, "SELECT id FROM users WHERE email = $1", email).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		_, err = p.Exec(ctx, "INSERT INTO users (email) VALUES ($1)", email)
	}
	return err
}

func nopeNonNullTenant(ctx context.Context, c *pgx.Conn, tenant int64, handle string) error {
	var id int64
	err := c.QueryRow(ctx, "SELECT id FROM users WHERE tenant_id = @tenant AND handle = @handle", pgx.NamedArgs{"tenant": tenant, "handle": handle}).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		_, err = c.Exec(ctx, "INSERT INTO users (email, tenant_id, handle) VALUES ($1, $2, $3)", handle, tenant, handle)
	}
	return err
}

func nopeUpsertAfterLookup(ctx context.Context, p *pgxpool.Pool, email string) error {
	var id int64
	err := p.QueryRow(ctx, "SELECT id FROM users WHERE lower(email) = lower($1)", email).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		_, err = p.Exec(ctx, "INSERT INTO users (email) VALUES ($1) ON CONFLICT (email) DO NOTHING", email)
	}
	return err
}
