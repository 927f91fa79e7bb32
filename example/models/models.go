// Package models holds the shop's GORM models. Their unique keys come from
// struct tags.
package models

import "gorm.io/gorm"

// User's email is unique: get-or-create by email is safe.
type User struct {
	gorm.Model
	Email string `gorm:"uniqueIndex:idx_users_email,where:deleted_at IS NULL"`
	Name  string
}

// Tag has no unique key on its name.
type Tag struct {
	ID   uint
	Name string
}

// Membership is unique per (team, user).
type Membership struct {
	ID     uint
	TeamID uint `gorm:"uniqueIndex:idx_team_user"`
	UserID uint `gorm:"uniqueIndex:idx_team_user"`
	Role   string
}

// Product lives in a table named by TableName.
type Product struct {
	ID  uint
	SKU string
}

func (Product) TableName() string { return "catalog_products" }

// Order's unique key (customer_id, external_ref) is declared in
// db/migrations only: the linter reads it from there.
type Order struct {
	ID          uint
	CustomerID  uint
	ExternalRef string
	TotalCents  int64
}
