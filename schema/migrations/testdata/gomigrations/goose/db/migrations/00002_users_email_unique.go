package migrations

import (
	"context"
	"database/sql"

	"github.com/pressly/goose/v3"
)

func init() {
	goose.AddMigrationContext(upUsersEmailUnique, downUsersEmailUnique)
}

func upUsersEmailUnique(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `
DROP INDEX users_email_idx;
CREATE UNIQUE INDEX users_email_key ON users (email);
`)
	return err
}

func downUsersEmailUnique(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `
DROP INDEX users_email_key;
CREATE INDEX users_email_idx ON users (email);
`)
	return err
}
