package migrations

import (
	"context"
	"database/sql"

	"github.com/pressly/goose/v3"
)

// Memberships is registered with goose.NewProvider by the store package.
var Memberships = goose.NewGoMigration(5,
	&goose.GoFunc{RunTx: createMemberships},
	&goose.GoFunc{RunTx: dropMemberships},
)

const membershipsTable = `
CREATE TABLE memberships (
    org_id bigint NOT NULL REFERENCES orgs (id),
    user_id bigint NOT NULL REFERENCES users (id),
    role text NOT NULL,
    PRIMARY KEY (org_id, user_id)
)`

func createMemberships(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, membershipsTable)
	return err
}

func dropMemberships(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, "DROP TABLE memberships")
	return err
}
