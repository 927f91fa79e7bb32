package migrations

import (
	"context"
	"database/sql"

	"github.com/pressly/goose/v3"
)

func init() {
	goose.AddMigrationContext(upCreateTags, downCreateTags)
}

func upCreateTags(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `CREATE TABLE tags (
	id integer PRIMARY KEY,
	name text NOT NULL UNIQUE
)`)
	return err
}

func downCreateTags(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, "DROP TABLE tags")
	return err
}
