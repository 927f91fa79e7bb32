package livedb

import (
	"context"
	"errors"
	"io/fs"

	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlitefile"
)

// introspectSQLite reads the CREATE statements from the database file's
// schema table directly (see package sqlitefile): no SQLite engine, no lock,
// and nothing is ever written. The read is bounded, so ctx is not consulted.
func introspectSQLite(_ context.Context, dsn string, _ Options) (*schema.Catalog, error) {
	path, err := sqlitePath(dsn)
	if err != nil {
		return nil, failure(dsn, ErrBadDSN, err)
	}
	objs, err := sqlitefile.ReadSchema(path)
	if err != nil {
		return nil, failure(dsn, classifySQLite(err), err)
	}
	return sqlitefile.Catalog(objs, sourceOf(dsn)), nil
}

// classifySQLite maps a failure to read the file.
func classifySQLite(err error) error {
	if errors.Is(err, fs.ErrPermission) {
		return ErrPermission
	}
	return ErrConnect // missing, not a regular file, not a database
}
