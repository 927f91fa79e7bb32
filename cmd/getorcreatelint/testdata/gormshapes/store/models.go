// Package store uses GORM's generics API and the query shapes besides
// a plain Where: Not, Joins, Scopes, conditions in variables, Raw
// SELECTs, and lookups whose misses are inserted in one batch.
package store

type Team struct {
	ID   uint
	Name string
}

type Player struct {
	ID     uint
	Email  string
	Status string
	TeamID uint
	Team   Team
}

type Voucher struct {
	ID   uint
	Code string `gorm:"uniqueIndex"`
}

type Topic struct {
	ID   uint
	Slug string
}
