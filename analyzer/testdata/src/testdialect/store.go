// Package testdialect runs on MySQL; its tests open SQLite. The package
// and its test variant say the same of the same code: the test's driver
// is not the code's database, so the fix is MySQL's (no partial index).
package testdialect

import (
	"gorm.io/driver/mysql"
	"gorm.io/gorm"
)

var dsn = mysql.Open("app@/app")

type Label struct {
	gorm.Model
	Name string
}

func ensureLabel(db *gorm.DB, name string) {
	var l Label
	db.Where(Label{Name: name}).FirstOrCreate(&l) // want `^FirstOrCreate on labels looks up \(name\) but no unique constraint covers it; concurrent calls can insert duplicates: add gorm:"uniqueIndex" to Label.Name or a unique index on labels\(name\)$`
}
