// Package models declares bun models in a package of their own: their
// tags reach the analyzer through export data.
package models

import "github.com/uptrace/bun"

// Account is unique by email (a tag) and by (org_id, handle) (a group).
type Account struct {
	bun.BaseModel `bun:"table:accounts,alias:a"`

	ID     int64  `bun:",pk,autoincrement"`
	Email  string `bun:",unique"`
	OrgID  int64  `bun:",unique:org_handle"`
	Handle string `bun:",unique:org_handle"`
	Name   string
}

// Tag has no key but its primary key; its table name comes from the type.
type Tag struct {
	ID   int64 `bun:",pk,autoincrement"`
	Name string
}

// Note is soft-deleted: bun adds deleted_at IS NULL to its selects.
type Note struct {
	ID        int64  `bun:",pk,autoincrement"`
	Slug      string `bun:",unique"`
	DeletedAt *int64 `bun:",soft_delete,nullzero"`
}
