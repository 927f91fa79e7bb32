// Package strictprefix is analysed with strict: true and
// gorm-table-prefix: app_.
package strictprefix

import "gorm.io/gorm"

type Product struct {
	ID  uint
	SKU string
}

func bySKU(db *gorm.DB, sku string) {
	var p Product
	db.Where("sku = ?", sku).FirstOrCreate(&p) // want `FirstOrCreate on app_products looks up \(sku\)`
}

func unknownLookup(db *gorm.DB, sku, name string) {
	var p Product
	db.Where("sku = ? OR name = ?", sku, name).FirstOrCreate(&p) // want `FirstOrCreate on app_products: lookup columns unknown`
}
