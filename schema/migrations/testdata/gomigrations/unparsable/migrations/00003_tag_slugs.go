package migrations

import (
	"context"
	"database/sql"

	"github.com/pressly/goose/v3"
)

func init() {
	goose.AddMigrationContext(upTagSlugs, downTagSlugs)
}

func upTagSlugs(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `
ALTER TABLE tags ADD COLUMN slug text;
CREATE UNIQUE INDEX tags_slug_key ON tags (slug);
`)
	return err
}

func downTagSlugs(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, "DROP INDEX tags_slug_key")
	return err
}
