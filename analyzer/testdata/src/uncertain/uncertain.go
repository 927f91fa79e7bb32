// Package uncertain looks up a table that a migration changes inside a DO
// block: the linter cannot know its keys, so it stays silent.
package uncertain

import "gorm.io/gorm"

type Widget struct {
	ID   uint
	Code string
}

func nopeTableChangedInDoBlock(db *gorm.DB, code string) {
	var w Widget
	db.Where("code = ?", code).FirstOrCreate(&w)
}
