package migrations

import (
	"context"
	"database/sql"

	"github.com/pressly/goose/v3"
)

func init() {
	goose.AddMigrationContext(upInviteKeys, downInviteKeys)
}

const inviteEmailKey = `CREATE UNIQUE INDEX invites_email_key ON invites (email)`

func upInviteKeys(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, inviteEmailKey)
	return err
}

func downInviteKeys(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `DROP INDEX invites_email_key`)
	return err
}
