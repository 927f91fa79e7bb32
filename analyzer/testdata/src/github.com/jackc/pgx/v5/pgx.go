// Package pgx is a stand-in for github.com/jackc/pgx/v5 v5.12.0 in the
// analyzer's tests: the types and methods the analyzer recognises, with
// the real signatures and no behaviour.
package pgx

import (
	"context"
	"database/sql"
	"errors"

	"github.com/jackc/pgx/v5/pgconn"
)

// ErrNoRows wraps database/sql's, as the real one does.
var ErrNoRows = errors.Join(sql.ErrNoRows)

var ErrTooManyRows = errors.New("too many rows in result set")

type NamedArgs map[string]any

type Conn struct{}

type Row interface {
	Scan(dest ...any) error
}

type Rows interface {
	Close()
	Err() error
	CommandTag() pgconn.CommandTag
	FieldDescriptions() []pgconn.FieldDescription
	Next() bool
	Scan(dest ...any) error
	Values() ([]any, error)
	RawValues() [][]byte
	Conn() *Conn
}

type Tx interface {
	Begin(ctx context.Context) (Tx, error)
	Commit(ctx context.Context) error
	Rollback(ctx context.Context) error
	Prepare(ctx context.Context, name, sql string) (*pgconn.StatementDescription, error)
	Exec(ctx context.Context, sql string, arguments ...any) (commandTag pgconn.CommandTag, err error)
	Query(ctx context.Context, sql string, args ...any) (Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) Row
	Conn() *Conn
}

type TxOptions struct{}

func Connect(ctx context.Context, connString string) (*Conn, error) { return nil, nil }

func (c *Conn) Begin(ctx context.Context) (Tx, error) { return nil, nil }
func (c *Conn) Exec(ctx context.Context, sql string, arguments ...any) (pgconn.CommandTag, error) {
	return pgconn.CommandTag{}, nil
}
func (c *Conn) Query(ctx context.Context, sql string, args ...any) (Rows, error) { return nil, nil }
func (c *Conn) QueryRow(ctx context.Context, sql string, args ...any) Row        { return nil }
func (c *Conn) Prepare(ctx context.Context, name, sql string) (sd *pgconn.StatementDescription, err error) {
	return nil, nil
}

func (c *Conn) Deallocate(ctx context.Context, name string) error { return nil }

// CollectableRow is the subset of Rows methods that a RowToFunc is allowed to call.
type CollectableRow interface {
	FieldDescriptions() []pgconn.FieldDescription
	Scan(dest ...any) error
	Values() ([]any, error)
	RawValues() [][]byte
}

type RowToFunc[T any] func(row CollectableRow) (T, error)

func AppendRows[T any, S ~[]T](slice S, rows Rows, fn RowToFunc[T]) (S, error) { return nil, nil }
func CollectRows[T any](rows Rows, fn RowToFunc[T]) ([]T, error)               { return nil, nil }
func CollectOneRow[T any](rows Rows, fn RowToFunc[T]) (T, error) {
	var value T
	return value, ErrNoRows
}
func CollectExactlyOneRow[T any](rows Rows, fn RowToFunc[T]) (T, error) {
	var value T
	return value, ErrNoRows
}
func RowTo[T any](row CollectableRow) (T, error) {
	var value T
	return value, nil
}
func RowToAddrOf[T any](row CollectableRow) (*T, error)             { return nil, nil }
func RowToMap(row CollectableRow) (map[string]any, error)           { return nil, nil }
func RowToStructByPos[T any](row CollectableRow) (T, error)         { var v T; return v, nil }
func RowToAddrOfStructByPos[T any](row CollectableRow) (*T, error)  { return nil, nil }
func RowToStructByName[T any](row CollectableRow) (T, error)        { var v T; return v, nil }
func RowToAddrOfStructByName[T any](row CollectableRow) (*T, error) { return nil, nil }
func RowToStructByNameLax[T any](row CollectableRow) (T, error)     { var v T; return v, nil }
