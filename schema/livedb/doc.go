// Package livedb reads the unique keys of a running database into a
// *schema.Catalog, so that a live schema can back lookups beside struct tags
// and migrations.
//
// # API
//
//	cat, err := livedb.Introspect(ctx, dsn, livedb.Options{})
//	desc := livedb.Redact(dsn)        // "postgres://app@127.0.0.1:5432/appdb", never the password
//	d, err := livedb.DialectOf(dsn)   // sqlscan.Postgres, MySQL or SQLite
//
// Every table of the database appears in the catalog with its columns
// (NotNull from the server) and its unique keys: primary keys, unique
// constraints and unique indexes (on PostgreSQL btree ones only, the kind
// that can be unique), with expression items and partial predicates
// normalised by sqlscan.Normalize so that they compare equal to those read
// from migrations. PostgreSQL tables of every non-system schema are read,
// named schema.table outside public. Each key's Source.File is
// Redact(dsn), Line 0.
//
// # Connection strings
//
//   - PostgreSQL: postgres://user:pass@host:port/db?sslmode=disable, or
//     postgresql://..., or libpq's keyword/value form ("host=db port=5432
//     dbname=app user=app"). As with psql, what the DSN leaves out comes
//     from the PG* environment variables and ~/.pgpass.
//   - MySQL and MariaDB: mysql://user:pass@host:port/db?param=value
//     (mysql://user:pass@/db?socket=/path/mysqld.sock for a unix socket),
//     translated to the go-sql-driver form, or that native form
//     ("user:pass@tcp(host:3306)/db") with Options.Dialect set to
//     sqlscan.MySQL. Only the connection's database is read.
//   - SQLite: sqlite:///abs/path.db, sqlite://rel/path.db, file:path.db, or a
//     bare path ending in .db, .sqlite or .sqlite3. The file must exist.
//
// # Read-only and bounded
//
// Every query runs inside a read-only transaction: BEGIN READ ONLY with
// default_transaction_read_only on PostgreSQL, START TRANSACTION READ ONLY on
// MySQL, and for SQLite a connection opened with mode=ro and
// query_only. Connecting is bounded by Options.ConnectTimeout and each query
// by Options.QueryTimeout (both 10s by default), on the client and, where the
// server has one, as a server-side statement timeout.
//
// # What the server is trusted with
//
// The DSN may come from a repository's configuration, so the server it
// names is not trusted beyond answering the schema queries. A PostgreSQL
// server asking for the password in clear text is refused before anything
// is sent (require_auth gets "!password", whatever the DSN says) unless
// Options.AllowCleartextPassword is set; MD5 authentication, whose answer
// is a salted hash, stays allowed. MySQL's LOAD DATA LOCAL INFILE requests
// are always refused (allowAllFiles in the DSN is overridden), as are the
// cleartext plugin (unless Options.AllowCleartextPassword) and pre-4.1
// password hashing. What no client setting prevents: MySQL's
// caching_sha2_password (the default since MySQL 8) and sha256_password,
// on a full authentication, send the password encrypted with a public key
// the server supplies, or as is over TLS, so the server named by the DSN
// can always learn a MySQL password; PostgreSQL SCRAM and MD5 give it a
// value it can attack offline. Only a server the user chose should get
// credentials.
//
// # Errors
//
// Errors are *Error values whose text names the database and never
// contains the password. Once the driver has parsed the DSN the target is
// rebuilt from its configuration (user, host, port, database: the host
// really contacted); before, it is Redact(dsn). Driver messages are
// redacted by shape, not by searching for the password's text (which would
// garble them around a short password and show where it occurs): echoes of
// the DSN, user:password@ in URLs and native DSNs, password= pairs and
// password-like URL parameters; the quoted pieces of a parse error are
// dropped. The driver's error itself is not reachable through Unwrap.
// errors.Is tells the cause apart: ErrBadDSN, ErrConnect, ErrAuth,
// ErrPermission, ErrUnknownDatabase, ErrTimeout, ErrQuery. All of them mean
// the schema could not be read, and a command line tool should exit 1.
//
// This package imports the three database drivers; the analyzer does not
// import it, so builds that embed the analyzer (the golangci-lint plugin)
// stay free of them.
package livedb
