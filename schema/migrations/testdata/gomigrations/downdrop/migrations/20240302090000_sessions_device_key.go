package migrations

import (
	"context"
	"database/sql"

	"github.com/pressly/goose/v3"
)

func init() {
	goose.AddMigrationContext(addDeviceKey, removeDeviceKey)
}

const (
	deviceKey     = "CREATE UNIQUE INDEX sessions_user_device_key ON sessions (user_id, device_id)"
	dropDeviceKey = "DROP INDEX sessions_user_device_key"
)

func addDeviceKey(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, deviceKey)
	return err
}

// removeDeviceKey is the down function by its place in the registration,
// whatever its name.
func removeDeviceKey(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, dropDeviceKey)
	return err
}
