// Package models declares models used from package crosspkg: their keys
// must be read from another package's struct tags.
package models

import (
	"gorm.io/gorm"
	"gorm.io/plugin/soft_delete"
)

const prefix = "app_"

type Customer struct {
	gorm.Model
	Email string `gorm:"uniqueIndex:idx_customers_email,where:deleted_at IS NULL"`
	Name  string
}

// Coupon's unique key includes the nullable deleted_at: every live row
// has deleted_at IS NULL, and NULLs never conflict, so it backs nothing.
type Coupon struct {
	ID        uint
	Code      string         `gorm:"uniqueIndex:idx_coupon_code_deleted"`
	DeletedAt gorm.DeletedAt `gorm:"uniqueIndex:idx_coupon_code_deleted"`
}

// Voucher uses the soft_delete plugin: live rows hold 0, so the composite
// key works.
type Voucher struct {
	ID        uint
	Code      string                `gorm:"uniqueIndex:idx_voucher_code_deleted"`
	DeletedAt soft_delete.DeletedAt `gorm:"uniqueIndex:idx_voucher_code_deleted"`
}

type Invoice struct {
	ID     uint
	Number string `gorm:"column:invoice_no;unique"`
	Ref    string
}

// TableName names the table from a constant of this package.
func (Invoice) TableName() string { return prefix + "invoices" }

type Address struct {
	Street string
	City   string
}

type Shop struct {
	ID    uint
	Owner Address `gorm:"embedded;embeddedPrefix:owner_"`
	Slug  string
}

type Dynamic struct {
	ID   uint
	Name string
}

var tableSuffix = "_v2"

// TableName is not a constant: the table cannot be known statically.
func (Dynamic) TableName() string { return "dynamic" + tableSuffix }
