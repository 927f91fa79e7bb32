// Package categories is analysed with categories: [directive]: only
// malformed ignore directives are reported.
package categories

import "gorm.io/gorm"

type Product struct {
	ID  uint
	SKU string
}

func nopeGetOrCreateNotSelected(db *gorm.DB, sku string) {
	var p Product
	db.Where("sku = ?", sku).FirstOrCreate(&p)
}

func directiveWithoutReason(db *gorm.DB, sku string) {
	var p Product
	//getorcreatelint:ignore // want `getorcreatelint:ignore needs a reason`
	db.Where("sku = ?", sku).FirstOrCreate(&p)
}
