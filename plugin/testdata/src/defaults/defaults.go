// Package defaults is analysed with no settings: the default options.
package defaults

import "gorm.io/gorm"

type Product struct {
	ID  uint
	SKU string
}

func bySKU(db *gorm.DB, sku string) {
	var p Product
	db.Where("sku = ?", sku).FirstOrCreate(&p) // want `FirstOrCreate on products looks up \(sku\) but no unique constraint covers it`
}

// Unknown lookups are reported only with strict: not here.
func nopeUnknownLookup(db *gorm.DB, sku, name string) {
	var p Product
	db.Where("sku = ? OR name = ?", sku, name).FirstOrCreate(&p)
}
