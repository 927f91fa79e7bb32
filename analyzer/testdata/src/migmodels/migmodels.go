// Package migmodels declares a model with no key tags: its keys come from
// the migrations in testdata/migrations/accounts only.
package migmodels

import "gorm.io/gorm"

type Account struct {
	ID        uint
	Email     string
	Handle    string
	TenantID  *uint
	Nickname  string
	DeletedAt gorm.DeletedAt
	OldCode   string
	Zone      string
	Ref       string
}
