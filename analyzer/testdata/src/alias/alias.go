// Package alias imports gorm under another name: calls are recognised by
// their resolved types, not by spelling.
package alias

import orm "gorm.io/gorm"

type Item struct {
	ID  uint
	SKU string
}

func aliased(db *orm.DB, sku string) {
	var it Item
	db.Where(Item{SKU: sku}).FirstOrCreate(&it) // want `FirstOrCreate on items looks up \(sku\)`
}

type repo struct{ conn *orm.DB }

func (r *repo) throughField(sku string) {
	var it Item
	r.conn.Where(&Item{SKU: sku}).FirstOrCreate(&it) // want `FirstOrCreate on items looks up \(sku\)`
}
