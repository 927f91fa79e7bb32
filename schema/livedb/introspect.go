package livedb

import (
	"context"
	"time"

	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// DefaultTimeout bounds connecting and each query when Options leaves them 0.
const DefaultTimeout = 10 * time.Second

// Options tune Introspect. The zero value is ready to use.
type Options struct {
	// Dialect names the database for a DSN in a driver's native form;
	// sqlscan.Generic (the zero value) means DialectOf(dsn).
	Dialect sqlscan.Dialect
	// ConnectTimeout bounds opening the connection (DefaultTimeout if 0).
	ConnectTimeout time.Duration
	// QueryTimeout bounds each query, on the client and as the server's
	// statement timeout where it has one (DefaultTimeout if 0).
	QueryTimeout time.Duration
	// AllowCleartextPassword lets the server ask for the password in clear
	// text (PostgreSQL "password" authentication, MySQL's
	// mysql_clear_password plugin). Off by default: a server the DSN names
	// (possibly from a repository's configuration) would receive the
	// password, or PGPASSWORD, or a ~/.pgpass entry, as is. Whatever the DSN
	// says, MySQL's LOAD DATA LOCAL INFILE is always refused and old
	// (pre-4.1) MySQL password hashing is never used.
	AllowCleartextPassword bool
}

func (o Options) withDefaults() Options {
	if o.ConnectTimeout <= 0 {
		o.ConnectTimeout = DefaultTimeout
	}
	if o.QueryTimeout <= 0 {
		o.QueryTimeout = DefaultTimeout
	}
	return o
}

// Introspect connects to the database dsn names, reads its tables, columns
// and unique keys inside a read-only transaction, and returns them as a
// catalog. Errors are *Error values safe to print (see the package doc).
func Introspect(ctx context.Context, dsn string, opts Options) (*schema.Catalog, error) {
	d := opts.Dialect
	if d == sqlscan.Generic {
		var err error
		if d, err = DialectOf(dsn); err != nil {
			return nil, err
		}
	}
	opts = opts.withDefaults()
	var cat *schema.Catalog
	var err error
	switch d {
	case sqlscan.Postgres:
		cat, err = introspectPostgres(ctx, dsn, opts)
	case sqlscan.MySQL:
		cat, err = introspectMySQL(ctx, dsn, opts)
	case sqlscan.SQLite:
		cat, err = introspectSQLite(ctx, dsn, opts)
	default:
		return nil, &Error{Target: Redact(dsn), Kind: ErrBadDSN, Detail: "unsupported dialect " + d.String()}
	}
	if err != nil {
		return nil, err
	}
	cat.AddDialect(d)
	return cat, nil
}

// sourceOf is the Source of everything read from dsn: the redacted DSN.
func sourceOf(dsn string) schema.Source { return schema.Source{File: Redact(dsn)} }
