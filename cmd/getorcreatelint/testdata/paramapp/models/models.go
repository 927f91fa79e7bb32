// Package models holds the GORM models of the application.
package models

// User's email and name are not unique.
type User struct {
	ID    uint
	Email string
	Name  string
}

// Account's email is unique.
type Account struct {
	ID    uint
	Email string `gorm:"uniqueIndex"`
}

// Member: one admin per tenant, any number of other roles.
type Member struct {
	ID       uint
	TenantID uint `gorm:"uniqueIndex:idx_one_admin,where:role = 'admin'"`
	Role     string
}
