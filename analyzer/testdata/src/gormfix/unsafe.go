package gormfix

import "gorm.io/gorm"

// Tray: splitting the declaration would drop the comment inside it, so no
// fix is offered; the finding still names the tag to add.
type Tray struct {
	ID                 uint
	Kind /* k */, Size string
}

func trayOfKind(db *gorm.DB, kind string) {
	var t Tray
	db.Where("kind = ?", kind).FirstOrCreate(&t) // want `FirstOrCreate on trays looks up \(kind\) .*: add gorm:"uniqueIndex" to Tray.Kind`
}

// Box: the gorm value ends in a backslash, so a separator added after it
// would be read as escaped. The composite finding on (owner, label) gets no
// fix, and its setting is not written on Label alone either: Label gets only
// the single-column index its own lookup needs.
type Box struct {
	ID    uint
	Owner uint `gorm:"comment:x\\"`
	Label string
}

func boxOf(db *gorm.DB, owner uint, label string) {
	var b Box
	db.Where("owner = ? AND label = ?", owner, label).FirstOrCreate(&b) // want `FirstOrCreate on boxes looks up \(owner, label\)`
}

func boxByLabel(db *gorm.DB, label string) {
	var b Box
	db.Where("label = ?", label).FirstOrCreate(&b) // want `FirstOrCreate on boxes looks up \(label\)`
}
