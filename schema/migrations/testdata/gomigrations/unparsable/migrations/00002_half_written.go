package migrations

import (
	"context"
	"database/sql"
)

// A merge conflict left this file broken: it is skipped with a warning.
func upHalfWritten(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, "CREATE UNIQUE INDEX tags_never ON tags (id)")
<<<<<<< HEAD
	return err
=======
	return nil
>>>>>>> feature
}
