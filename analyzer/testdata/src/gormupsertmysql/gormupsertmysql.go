// Package gormupsertmysql checks GORM's clause.OnConflict on MySQL, where
// GORM writes ON DUPLICATE KEY UPDATE and ignores Columns: there is no
// target to match, but the upsert still needs a key it can conflict on.
package gormupsertmysql

import (
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

type Tag struct {
	ID   uint
	Name string
}

type Event struct {
	ID   uint
	Kind string
}

type City struct {
	ID      uint
	Country string
	Name    string
}

func doNothingWithoutKey(db *gorm.DB, kind string) error {
	return db.Clauses(clause.OnConflict{DoNothing: true}).Create(&Event{Kind: kind}).Error // want `^Create on events: clause.OnConflict \(ON DUPLICATE KEY UPDATE\) only skips rows that conflict with a unique key, and events has none but its primary key \(id\), which the insert does not set; every call inserts a row, duplicates included: add a unique index on the columns that identify a row$`
}

func columnsAreIgnored(db *gorm.DB, name string) error {
	return db.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "name"}}, DoNothing: true}).Create(&Tag{Name: name}).Error // want `Create on tags: clause.OnConflict \(ON DUPLICATE KEY UPDATE\) only skips rows that conflict with a unique key, and tags has none but its primary key \(id\)`
}

func nopeCityHasKey(db *gorm.DB, country, name string) error {
	return db.Clauses(clause.OnConflict{DoNothing: true}).Create(&City{Country: country, Name: name}).Error
}
