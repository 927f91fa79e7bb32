package migrations

import (
	"context"
	"database/sql"

	"github.com/pressly/goose/v3"
)

func init() {
	goose.AddMigrationContext(Up20240301120000, Down20240301120000)
}

func Up20240301120000(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `
CREATE TABLE sessions (
	id bigint PRIMARY KEY,
	user_id bigint NOT NULL,
	device_id text NOT NULL,
	token_hash text NOT NULL
);
CREATE UNIQUE INDEX sessions_token_hash_key ON sessions (token_hash);
`)
	return err
}

// Down20240301120000 drops the index before the table: neither applies on
// the way up.
func Down20240301120000(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, "DROP INDEX sessions_token_hash_key"); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, "DROP TABLE sessions")
	return err
}
