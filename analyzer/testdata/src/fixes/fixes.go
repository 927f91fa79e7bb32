// Package fixes checks the struct-tag edits offered for unbacked lookups
// on models declared in the same package.
package fixes

import "gorm.io/gorm"

type NoTag struct {
	ID   uint
	Name string
}

type JSONTag struct {
	ID   uint
	Slug string `json:"slug"`
}

type GormTag struct {
	ID    uint
	Email string `gorm:"size:255;not null" json:"email"`
}

type Pair struct {
	ID     uint
	Owner  uint
	Handle string `gorm:"index"`
}

type Live struct {
	gorm.Model
	Code string
}

func noTag(db *gorm.DB, name string) {
	var v NoTag
	db.Where(NoTag{Name: name}).FirstOrCreate(&v) // want `FirstOrCreate on no_tags looks up \(name\)`
}

func jsonTag(db *gorm.DB, slug string) {
	var v JSONTag
	db.Where("slug = ?", slug).FirstOrCreate(&v) // want `FirstOrCreate on json_tags looks up \(slug\)`
}

func gormTag(db *gorm.DB, email string) {
	var v GormTag
	db.Where("email = ?", email).FirstOrCreate(&v) // want `FirstOrCreate on gorm_tags looks up \(email\)`
}

func composite(db *gorm.DB, owner uint, handle string) {
	var v Pair
	db.Where(Pair{Owner: owner, Handle: handle}).FirstOrCreate(&v) // want `FirstOrCreate on pairs looks up \(owner, handle\)`
}

func softDeleted(db *gorm.DB, code string) {
	var v Live
	db.Where(Live{Code: code}).FirstOrCreate(&v) // want `FirstOrCreate on lives looks up \(code\)`
}
