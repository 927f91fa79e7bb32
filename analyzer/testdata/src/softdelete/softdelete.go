// Package softdelete holds backed lookups on soft-deleted models: the key
// must leave soft-deleted rows out, or re-creating one fails.
package softdelete

import (
	"gorm.io/gorm"
	"gorm.io/plugin/soft_delete"
)

type User struct {
	gorm.Model
	Email string `gorm:"uniqueIndex"`
	Phone string `gorm:"uniqueIndex:idx_phone_live,where:deleted_at IS NULL"`
	Nick  string `gorm:"uniqueIndex:idx_nick_deleted"`
	Code  string
}

type Tag struct {
	ID        uint
	Name      string                `gorm:"uniqueIndex"`
	Label     string                `gorm:"uniqueIndex:idx_label_deleted"`
	DeletedAt soft_delete.DeletedAt `gorm:"uniqueIndex:idx_label_deleted"`
}

func fullKeyHoldsDeletedRows(db *gorm.DB, email string) {
	var u User
	db.Where(User{Email: email}).FirstOrCreate(&u) // want `FirstOrCreate on users looks up \(email\) among rows that are not soft-deleted, but unique index idx_users_email \(email\) also holds soft-deleted rows: once a row is soft-deleted, creating it again fails with a duplicate-key error; make the index partial: CREATE UNIQUE INDEX idx_users_email ON users \(email\) WHERE deleted_at IS NULL`
}

func nopePartialKey(db *gorm.DB, phone string) {
	var u User
	db.Where(User{Phone: phone}).FirstOrCreate(&u)
}

func nopeUnscopedLookupSeesDeletedRows(db *gorm.DB, email string) {
	var u User
	db.Unscoped().Where(User{Email: email}).FirstOrCreate(&u)
}

func nopePrimaryKey(db *gorm.DB, id uint) {
	var u User
	db.FirstOrCreate(&u, id)
}

func pluginSoftDeleteFullKey(db *gorm.DB, name string) {
	var t Tag
	db.Where(Tag{Name: name}).FirstOrCreate(&t) // want `FirstOrCreate on tags looks up \(name\) among rows that are not soft-deleted, but unique index idx_tags_name \(name\) also holds soft-deleted rows.*add deleted_at to the key`
}

func nopePluginSoftDeleteInKey(db *gorm.DB, label string) {
	var t Tag
	db.Where(Tag{Label: label}).FirstOrCreate(&t)
}

// fullKeyNarrowedOnSomePaths: excluding the row itself on one path pins
// nothing; the lookup is (email) among live rows on every path.
func fullKeyNarrowedOnSomePaths(db *gorm.DB, email string, excludeID uint) {
	var u User
	q := db.Where("email = ?", email)
	if excludeID > 0 {
		q = q.Where("id <> ?", excludeID)
	}
	q.FirstOrCreate(&u) // want `FirstOrCreate on users looks up \(email\) among rows that are not soft-deleted, but unique index idx_users_email \(email\) also holds soft-deleted rows`
}
