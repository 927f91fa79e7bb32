// Package migrated checks a model of the same package against keys found
// only in migrations; tag keys still count beside them.
package migrated

import "gorm.io/gorm"

type Account struct {
	ID       uint
	Email    string
	Handle   string `gorm:"uniqueIndex"`
	Nickname string
	Zone     string
}

func nopeTagKeyCounts(db *gorm.DB, handle string) {
	var a Account
	db.Where(Account{Handle: handle}).FirstOrCreate(&a)
}

func nopeMigrationKeyCounts(db *gorm.DB, zone string) {
	var a Account
	db.Where(Account{Zone: zone}).FirstOrCreate(&a)
}

func noSoftDeleteNoPartialIndex(db *gorm.DB, nick string) {
	var a Account
	db.Where(Account{Nickname: nick}).FirstOrCreate(&a) // want `FirstOrCreate on accounts looks up \(nickname\) but no unique constraint covers it \(unique index accounts_nickname_live \(nickname\) where deleted_at is null is partial and the lookup does not imply deleted_at is null\)`
}
