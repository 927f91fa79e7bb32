// Package gormjoin checks lookups on the join tables GORM creates for
// many2many fields: their primary key is both foreign-key columns.
package gormjoin

import "gorm.io/gorm"

type User struct {
	ID        uint
	Name      string
	Languages []Language `gorm:"many2many:user_languages"`
	Friends   []*User    `gorm:"many2many:user_friends"`
}

type Language struct {
	ID   uint
	Code string
}

// UserLanguage reads the join table of User.Languages.
type UserLanguage struct {
	UserID     uint
	LanguageID uint
}

// UserFriend reads the join table of the self-reference User.Friends,
// whose second column GORM names after the field.
type UserFriend struct {
	UserID   uint
	FriendID uint
}

func link(db *gorm.DB, user, lang uint) {
	var row UserLanguage
	db.Where(UserLanguage{UserID: user, LanguageID: lang}).FirstOrCreate(&row) // backed by the join table's primary key
}

func linkByColumns(db *gorm.DB, user, lang uint) {
	var row UserLanguage
	db.Where("language_id = ? AND user_id = ?", lang, user).FirstOrCreate(&row)
}

func firstLanguage(db *gorm.DB, user uint) {
	var row UserLanguage
	db.Where("user_id = ?", user).FirstOrCreate(&row) // want `FirstOrCreate on user_languages looks up \(user_id\)`
}

func anyUserOf(db *gorm.DB, lang uint) {
	var row UserLanguage
	db.Where(UserLanguage{LanguageID: lang}).FirstOrCreate(&row) // want `FirstOrCreate on user_languages looks up \(language_id\)`
}

func befriend(db *gorm.DB, user, friend uint) {
	var row UserFriend
	db.Where(UserFriend{UserID: user, FriendID: friend}).FirstOrCreate(&row)
}

func aFriendOf(db *gorm.DB, user uint) {
	var row UserFriend
	db.Where("user_id = ?", user).FirstOrCreate(&row) // want `FirstOrCreate on user_friends looks up \(user_id\)`
}
