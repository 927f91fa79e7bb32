// Package store holds the repositories: one struct a table, each hiding
// its library (GORM or database/sql) behind lookups and inserts.
package store

import "errors"

// ErrNotFound is what the repositories return when no row matches.
var ErrNotFound = errors.New("not found")
