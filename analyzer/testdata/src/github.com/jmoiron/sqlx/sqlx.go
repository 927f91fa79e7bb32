// Package sqlx is a stand-in for github.com/jmoiron/sqlx v1.4.0 in the
// analyzer's tests: the types and methods the analyzer recognises, with
// the real signatures and no behaviour.
package sqlx

import (
	"context"
	"database/sql"
)

type DB struct {
	*sql.DB
	driverName string
}

type Tx struct {
	*sql.Tx
	driverName string
}

type Conn struct {
	*sql.Conn
	driverName string
}

type Stmt struct {
	*sql.Stmt
}

type Row struct {
	err  error
	rows *sql.Rows
}

type Rows struct {
	*sql.Rows
}

type Queryer interface {
	Query(query string, args ...interface{}) (*sql.Rows, error)
	Queryx(query string, args ...interface{}) (*Rows, error)
	QueryRowx(query string, args ...interface{}) *Row
}

type Execer interface {
	Exec(query string, args ...interface{}) (sql.Result, error)
}

type binder interface {
	DriverName() string
	Rebind(string) string
	BindNamed(string, interface{}) (string, []interface{}, error)
}

type Ext interface {
	binder
	Queryer
	Execer
}

type QueryerContext interface {
	QueryContext(ctx context.Context, query string, args ...interface{}) (*sql.Rows, error)
	QueryxContext(ctx context.Context, query string, args ...interface{}) (*Rows, error)
	QueryRowxContext(ctx context.Context, query string, args ...interface{}) *Row
}

type ExecerContext interface {
	ExecContext(ctx context.Context, query string, args ...interface{}) (sql.Result, error)
}

type ExtContext interface {
	binder
	QueryerContext
	ExecerContext
}

// Placeholder styles, for Rebind.
const (
	UNKNOWN = iota
	QUESTION
	DOLLAR
	NAMED
	AT
)

func Open(driverName, dataSourceName string) (*DB, error) { return nil, nil }

func Rebind(bindType int, query string) string { return query }

func Get(q Queryer, dest interface{}, query string, args ...interface{}) error { return nil }
func GetContext(ctx context.Context, q QueryerContext, dest interface{}, query string, args ...interface{}) error {
	return nil
}
func Select(q Queryer, dest interface{}, query string, args ...interface{}) error { return nil }
func MustExec(e Execer, query string, args ...interface{}) sql.Result             { return nil }
func NamedExec(e Ext, query string, arg interface{}) (sql.Result, error)          { return nil, nil }
func NamedExecContext(ctx context.Context, e ExtContext, query string, arg interface{}) (sql.Result, error) {
	return nil, nil
}

func (db *DB) DriverName() string         { return db.driverName }
func (db *DB) Rebind(query string) string { return query }
func (db *DB) BindNamed(query string, arg interface{}) (string, []interface{}, error) {
	return query, nil, nil
}
func (db *DB) NamedExec(query string, arg interface{}) (sql.Result, error)      { return nil, nil }
func (db *DB) Select(dest interface{}, query string, args ...interface{}) error { return nil }
func (db *DB) Get(dest interface{}, query string, args ...interface{}) error    { return nil }
func (db *DB) MustBegin() *Tx                                                   { return nil }
func (db *DB) Beginx() (*Tx, error)                                             { return nil, nil }
func (db *DB) Queryx(query string, args ...interface{}) (*Rows, error)          { return nil, nil }
func (db *DB) QueryRowx(query string, args ...interface{}) *Row                 { return nil }
func (db *DB) MustExec(query string, args ...interface{}) sql.Result            { return nil }
func (db *DB) Preparex(query string) (*Stmt, error)                             { return nil, nil }
func (db *DB) GetContext(ctx context.Context, dest interface{}, query string, args ...interface{}) error {
	return nil
}
func (db *DB) NamedExecContext(ctx context.Context, query string, arg interface{}) (sql.Result, error) {
	return nil, nil
}
func (db *DB) QueryxContext(ctx context.Context, query string, args ...interface{}) (*Rows, error) {
	return nil, nil
}
func (db *DB) QueryRowxContext(ctx context.Context, query string, args ...interface{}) *Row {
	return nil
}
func (db *DB) MustExecContext(ctx context.Context, query string, args ...interface{}) sql.Result {
	return nil
}
func (db *DB) PreparexContext(ctx context.Context, query string) (*Stmt, error) { return nil, nil }
func (db *DB) BeginTxx(ctx context.Context, opts *sql.TxOptions) (*Tx, error)   { return nil, nil }

func (tx *Tx) DriverName() string         { return tx.driverName }
func (tx *Tx) Rebind(query string) string { return query }
func (tx *Tx) BindNamed(query string, arg interface{}) (string, []interface{}, error) {
	return query, nil, nil
}
func (tx *Tx) NamedExec(query string, arg interface{}) (sql.Result, error)      { return nil, nil }
func (tx *Tx) Select(dest interface{}, query string, args ...interface{}) error { return nil }
func (tx *Tx) Queryx(query string, args ...interface{}) (*Rows, error)          { return nil, nil }
func (tx *Tx) QueryRowx(query string, args ...interface{}) *Row                 { return nil }
func (tx *Tx) Get(dest interface{}, query string, args ...interface{}) error    { return nil }
func (tx *Tx) MustExec(query string, args ...interface{}) sql.Result            { return nil }
func (tx *Tx) Preparex(query string) (*Stmt, error)                             { return nil, nil }
func (tx *Tx) Stmtx(stmt interface{}) *Stmt                                     { return nil }
func (tx *Tx) GetContext(ctx context.Context, dest interface{}, query string, args ...interface{}) error {
	return nil
}
func (tx *Tx) QueryRowxContext(ctx context.Context, query string, args ...interface{}) *Row {
	return nil
}
func (tx *Tx) NamedExecContext(ctx context.Context, query string, arg interface{}) (sql.Result, error) {
	return nil, nil
}
func (tx *Tx) MustExecContext(ctx context.Context, query string, args ...interface{}) sql.Result {
	return nil
}

func (c *Conn) GetContext(ctx context.Context, dest interface{}, query string, args ...interface{}) error {
	return nil
}
func (c *Conn) QueryRowxContext(ctx context.Context, query string, args ...interface{}) *Row {
	return nil
}

func (s *Stmt) Get(dest interface{}, args ...interface{}) error { return nil }
func (s *Stmt) GetContext(ctx context.Context, dest interface{}, args ...interface{}) error {
	return nil
}
func (s *Stmt) QueryRowx(args ...interface{}) *Row      { return nil }
func (s *Stmt) MustExec(args ...interface{}) sql.Result { return nil }

func (r *Row) Scan(dest ...interface{}) error             { return r.err }
func (r *Row) StructScan(dest interface{}) error          { return r.err }
func (r *Row) MapScan(dest map[string]interface{}) error  { return r.err }
func (r *Row) SliceScan() ([]interface{}, error)          { return nil, r.err }
func (r *Rows) StructScan(dest interface{}) error         { return nil }
func (r *Rows) MapScan(dest map[string]interface{}) error { return nil }

// NamedStmt is a prepared statement with :name placeholders.
type NamedStmt struct {
	Params      []string
	QueryString string
	Stmt        *Stmt
}

func (db *DB) PrepareNamed(query string) (*NamedStmt, error) { return nil, nil }
func (db *DB) PrepareNamedContext(ctx context.Context, query string) (*NamedStmt, error) {
	return nil, nil
}
func (db *DB) SelectContext(ctx context.Context, dest interface{}, query string, args ...interface{}) error {
	return nil
}
func (tx *Tx) PrepareNamed(query string) (*NamedStmt, error)       { return nil, nil }
func (tx *Tx) NamedStmt(stmt *NamedStmt) *NamedStmt                { return nil }
func (s *Stmt) Select(dest interface{}, args ...interface{}) error { return nil }
func SelectContext(ctx context.Context, q QueryerContext, dest interface{}, query string, args ...interface{}) error {
	return nil
}

func (n *NamedStmt) Close() error                                   { return nil }
func (n *NamedStmt) Exec(arg interface{}) (sql.Result, error)       { return nil, nil }
func (n *NamedStmt) Query(arg interface{}) (*sql.Rows, error)       { return nil, nil }
func (n *NamedStmt) QueryRow(arg interface{}) *Row                  { return nil }
func (n *NamedStmt) MustExec(arg interface{}) sql.Result            { return nil }
func (n *NamedStmt) Queryx(arg interface{}) (*Rows, error)          { return nil, nil }
func (n *NamedStmt) QueryRowx(arg interface{}) *Row                 { return nil }
func (n *NamedStmt) Select(dest interface{}, arg interface{}) error { return nil }
func (n *NamedStmt) Get(dest interface{}, arg interface{}) error    { return nil }
func (n *NamedStmt) ExecContext(ctx context.Context, arg interface{}) (sql.Result, error) {
	return nil, nil
}
func (n *NamedStmt) GetContext(ctx context.Context, dest interface{}, arg interface{}) error {
	return nil
}
func (n *NamedStmt) SelectContext(ctx context.Context, dest interface{}, arg interface{}) error {
	return nil
}
