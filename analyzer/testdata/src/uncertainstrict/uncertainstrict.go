// Package uncertainstrict is package uncertain under -strict.
package uncertainstrict

import "gorm.io/gorm"

type Widget struct {
	ID   uint
	Code string
}

func tableChangedInDoBlock(db *gorm.DB, code string) {
	var w Widget
	db.Where("code = ?", code).FirstOrCreate(&w) // want `FirstOrCreate on widgets: lookup columns unknown \(migrations change table widgets in a DO block the linter cannot follow\)`
}
