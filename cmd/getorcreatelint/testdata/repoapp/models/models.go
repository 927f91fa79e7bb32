// Package models holds the GORM models of the application.
package models

import "time"

// Tag's name is not unique: nothing stops two rows with one name.
type Tag struct {
	ID        uint
	Name      string
	CreatedAt time.Time
}

// Label's slug is unique.
type Label struct {
	ID   uint
	Slug string `gorm:"uniqueIndex"`
}

// AuditEntry records what happened to a tag.
type AuditEntry struct {
	ID     uint
	Action string
	Tag    string
}

// Account is stored through database/sql; its table is in migrations/.
type Account struct {
	ID    int64
	Email string
}
