// Package gorm synthesizes the part of gorm.io/gorm's API the analyzer
// tests use. Signatures match gorm.io/gorm v1.31.2; bodies do nothing.
package gorm

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"time"

	"gorm.io/gorm/clause"
)

var ErrRecordNotFound = errors.New("record not found")

type DB struct {
	Error        error
	RowsAffected int64
}

// Statement is the statement a query builds; scopes of the generics API
// receive it.
type Statement struct {
	*DB
}

type Model struct {
	ID        uint `gorm:"primarykey"`
	CreatedAt time.Time
	UpdatedAt time.Time
	DeletedAt DeletedAt `gorm:"index"`
}

type DeletedAt sql.NullTime

func (n *DeletedAt) Scan(value interface{}) error { return nil }
func (n DeletedAt) Value() (driver.Value, error)  { return nil, nil }

func (db *DB) Model(value interface{}) (tx *DB)                          { return db }
func (db *DB) Clauses(conds ...clause.Expression) (tx *DB)               { return db }
func (db *DB) Table(name string, args ...interface{}) (tx *DB)           { return db }
func (db *DB) Select(query interface{}, args ...interface{}) (tx *DB)    { return db }
func (db *DB) Omit(columns ...string) (tx *DB)                           { return db }
func (db *DB) Where(query interface{}, args ...interface{}) (tx *DB)     { return db }
func (db *DB) Not(query interface{}, args ...interface{}) (tx *DB)       { return db }
func (db *DB) Or(query interface{}, args ...interface{}) (tx *DB)        { return db }
func (db *DB) Joins(query string, args ...interface{}) (tx *DB)          { return db }
func (db *DB) Order(value interface{}) (tx *DB)                          { return db }
func (db *DB) Limit(limit int) (tx *DB)                                  { return db }
func (db *DB) Scopes(funcs ...func(*DB) *DB) (tx *DB)                    { return db }
func (db *DB) Preload(query string, args ...interface{}) (tx *DB)        { return db }
func (db *DB) Attrs(attrs ...interface{}) (tx *DB)                       { return db }
func (db *DB) Assign(attrs ...interface{}) (tx *DB)                      { return db }
func (db *DB) Unscoped() (tx *DB)                                        { return db }
func (db *DB) Raw(sql string, values ...interface{}) (tx *DB)            { return db }
func (db *DB) Create(value interface{}) (tx *DB)                         { return db }
func (db *DB) CreateInBatches(value interface{}, batchSize int) (tx *DB) { return db }
func (db *DB) Save(value interface{}) (tx *DB)                           { return db }
func (db *DB) First(dest interface{}, conds ...interface{}) (tx *DB)     { return db }
func (db *DB) Take(dest interface{}, conds ...interface{}) (tx *DB)      { return db }
func (db *DB) Last(dest interface{}, conds ...interface{}) (tx *DB)      { return db }
func (db *DB) Find(dest interface{}, conds ...interface{}) (tx *DB)      { return db }
func (db *DB) FirstOrInit(dest interface{}, conds ...interface{}) (tx *DB) {
	return db
}
func (db *DB) FirstOrCreate(dest interface{}, conds ...interface{}) (tx *DB) {
	return db
}
func (db *DB) Updates(values interface{}) (tx *DB)                     { return db }
func (db *DB) Delete(value interface{}, conds ...interface{}) (tx *DB) { return db }
func (db *DB) Count(count *int64) (tx *DB)                             { return db }
func (db *DB) Transaction(fc func(tx *DB) error, opts ...*sql.TxOptions) (err error) {
	return nil
}
func (db *DB) Begin(opts ...*sql.TxOptions) *DB                      { return db }
func (db *DB) Commit() *DB                                           { return db }
func (db *DB) WithContext(ctx context.Context) *DB                   { return db }
func (db *DB) Debug() (tx *DB)                                       { return db }
func (db *DB) Exec(sql string, values ...interface{}) (tx *DB)       { return db }
func (db *DB) InnerJoins(query string, args ...interface{}) (tx *DB) { return db }
func (db *DB) Scan(dest interface{}) (tx *DB)                        { return db }
func (db *DB) Row() *sql.Row                                         { return nil }
