package migrations

import (
	"context"
	"database/sql"

	"github.com/pressly/goose/v3"
)

func init() {
	goose.AddNamedMigrationContext("00004_create_orgs.go",
		func(ctx context.Context, tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, `CREATE TABLE orgs (
	id bigserial PRIMARY KEY,
	slug text NOT NULL UNIQUE,
	name text NOT NULL
)`); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, "INSERT INTO orgs (slug, name) VALUES ($1, $2)", "default", "Default")
			return err
		},
		func(ctx context.Context, tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, "DROP TABLE orgs")
			return err
		})
}
