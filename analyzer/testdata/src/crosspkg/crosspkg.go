// Package crosspkg calls get-or-create on models declared in package
// models.
package crosspkg

import (
	"errors"

	"gorm.io/gorm"

	"models"
)

func nopeEmailBackedByPartialIndex(db *gorm.DB, email string) {
	var c models.Customer
	db.Where(models.Customer{Email: email}).FirstOrCreate(&c)
}

func unscopedLosesThePartialIndex(db *gorm.DB, email string) {
	var c models.Customer
	db.Unscoped().Where("email = ?", email).FirstOrCreate(&c) // want `FirstOrCreate on customers looks up \(email\) but no unique constraint covers it \(unique index idx_customers_email \(email\) where deleted_at is null is partial and the lookup does not imply deleted_at is null\)`
}

func softDeletedName(db *gorm.DB, name string) {
	var c models.Customer
	db.Where("name = ?", name).FirstOrCreate(&c) // want `FirstOrCreate on customers looks up \(name\) but no unique constraint covers it; concurrent calls can insert duplicates: add gorm:"uniqueIndex:idx_customers_name,where:deleted_at IS NULL" to Customer.Name or a unique index on customers\(name\) WHERE deleted_at IS NULL`
}

func tableNameConstant(db *gorm.DB, ref string) error {
	var inv models.Invoice
	err := db.Where("ref = ?", ref).First(&inv).Error // want `First then Create \(line 32\) on app_invoices looks up \(ref\).*to Invoice.Ref or a unique index on app_invoices\(ref\)`
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return db.Create(&models.Invoice{Ref: ref}).Error
	}
	return err
}

func nopeColumnTagUnique(db *gorm.DB, number string) {
	var inv models.Invoice
	db.Where(models.Invoice{Number: number}).FirstOrCreate(&inv)
}

func embeddedPrefix(db *gorm.DB, city string) {
	var s models.Shop
	db.Where(models.Shop{Owner: models.Address{City: city}}).FirstOrCreate(&s) // want `looks up \(owner_city\).*to Shop.Owner.City or a unique index on shops\(owner_city\)`
}

func nopeTableNameNotConstant(db *gorm.DB, name string) {
	var d models.Dynamic
	db.Where("name = ?", name).FirstOrCreate(&d)
}

func softDeleteInCompositeKey(db *gorm.DB, code string) {
	var c models.Coupon
	db.Where(models.Coupon{Code: code}).FirstOrCreate(&c) // want `FirstOrCreate on coupons looks up \(code\) but no unique constraint covers it \(unique index idx_coupon_code_deleted \(code, deleted_at\) does not help: the lookup requires deleted_at IS NULL and NULLs never conflict\); concurrent calls can insert duplicates: add gorm:"uniqueIndex:idx_coupons_code,where:deleted_at IS NULL" to Coupon.Code`
}

func nopeSoftDeletePluginInCompositeKey(db *gorm.DB, code string) {
	var v models.Voucher
	db.Where(models.Voucher{Code: code}).FirstOrCreate(&v)
}
