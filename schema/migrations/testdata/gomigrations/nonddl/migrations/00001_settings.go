package migrations

import (
	"context"
	"database/sql"
	"fmt"
	"log"

	"github.com/pressly/goose/v3"
)

func init() {
	goose.AddMigrationContext(upSettings, downSettings)
}

type setting struct {
	Key   string `db:"key" json:"key"`
	Value string `db:"value"`
}

var defaults = []setting{
	{Key: "create_users", Value: "CREATE users on first login"},
	{Key: "theme", Value: "dark"},
}

// CREATE UNIQUE INDEX in_a_comment ON settings (value) is not code.
func upSettings(ctx context.Context, tx *sql.Tx) error {
	log.Println("create settings table")
	if _, err := tx.ExecContext(ctx, `CREATE TABLE settings (key text PRIMARY KEY, value text NOT NULL)`); err != nil {
		return fmt.Errorf("create settings: %w", err)
	}
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM settings WHERE key = $1", "theme").Scan(&n); err != nil {
		return err
	}
	for _, s := range defaults {
		if _, err := tx.ExecContext(ctx, "INSERT INTO settings (key, value) VALUES ($1, $2)", s.Key, s.Value); err != nil {
			return err
		}
	}
	for _, table := range []string{"settings_archive", "settings_staging"} {
		// Built at run time: noted, not replayed.
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("CREATE UNIQUE INDEX %s_key_key ON %s (key)", table, table)); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "ALTER TABLE "+table+" ADD CONSTRAINT "+table+"_value_key UNIQUE (value)"); err != nil {
			return err
		}
	}
	return nil
}

func downSettings(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, "DROP TABLE settings")
	return err
}
