// Package models declares the application's models; package app uses them.
package models

import "gorm.io/gorm"

const tablePrefix = "crm_"

// Contact's email is unique on live rows only.
type Contact struct {
	gorm.Model
	Email string `gorm:"uniqueIndex:idx_contact_email,where:deleted_at IS NULL"`
	Phone string `gorm:"column:phone_number"`
}

// Company names its table with a constant of this package.
type Company struct {
	ID     uint
	Domain string `gorm:"unique"`
	Name   string
}

func (Company) TableName() string { return tablePrefix + "companies" }

// Address is embedded with a prefix.
type Address struct {
	City string
	Zip  string
}

type Site struct {
	ID      uint
	Address Address `gorm:"embedded;embeddedPrefix:addr_"`
}

// Seat is unique per (company, user).
type Seat struct {
	ID        uint
	CompanyID uint `gorm:"index:idx_seat,unique"`
	UserID    uint `gorm:"index:idx_seat,unique"`
}
