// Package directive exercises //getorcreatelint:ignore.
package directive

import "gorm.io/gorm"

type Tag struct {
	ID   uint
	Name string
}

func nopeIgnoredOnSameLine(db *gorm.DB, name string) {
	var t Tag
	db.Where(Tag{Name: name}).FirstOrCreate(&t) //getorcreatelint:ignore tags are seeded once at start-up
}

func nopeIgnoredOnLineAbove(db *gorm.DB, name string) {
	var t Tag
	//getorcreatelint:ignore guarded by an advisory lock taken by the caller
	db.Where(Tag{Name: name}).FirstOrCreate(&t)
}

func nopeIgnoredAboveMultiLineStatement(db *gorm.DB, name string) {
	var t Tag
	// getorcreatelint:ignore single writer: the import job
	err := db.Where(Tag{Name: name}).
		FirstOrCreate(&t).Error
	_ = err
}

func reasonRequired(db *gorm.DB, name string) {
	var t Tag
	//getorcreatelint:ignore // want `getorcreatelint:ignore needs a reason`
	db.Where(Tag{Name: name}).FirstOrCreate(&t) // want `FirstOrCreate on tags looks up \(name\)`
}

func notADirective(db *gorm.DB, name string) {
	var t Tag
	//getorcreatelint:ignored is not the directive
	db.Where(Tag{Name: name}).FirstOrCreate(&t) // want `FirstOrCreate on tags looks up \(name\)`
}
