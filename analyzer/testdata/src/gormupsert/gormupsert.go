// Package gormupsert checks GORM's clause.OnConflict upserts on
// PostgreSQL, where GORM writes ON CONFLICT (Columns): the target must
// match a unique key from the migrations (testdata/migrations/sqlshop) or
// the models' tags, and DoNothing needs a key the insert can conflict on.
package gormupsert

import (
	"context"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

type Tag struct {
	ID   uint
	Name string
	Slug string
}

type User struct {
	ID        uint
	Email     string
	Name      string
	Nickname  string
	DeletedAt gorm.DeletedAt
}

type Event struct {
	ID   uint
	Kind string
}

// Label has no migration: its tags are the schema.
type Label struct {
	ID    uint
	Name  string `gorm:"uniqueIndex"`
	Color string
}

type Setting struct {
	Key   string `gorm:"primaryKey"`
	Value string
}

func targetWithoutKey(db *gorm.DB, name string) error {
	return db.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "name"}}, DoNothing: true}).Create(&Tag{Name: name}).Error // want `^Create on tags: the conflict target \(name\) matches no unique key; PostgreSQL rejects the INSERT at run time with "there is no unique or exclusion constraint matching the ON CONFLICT specification": add a unique index in a migration: CREATE UNIQUE INDEX CONCURRENTLY idx_tags_name ON tags \(name\)$`
}

func targetWithoutTagKey(db *gorm.DB, l *Label) error {
	return db.Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "color"}},
		DoUpdates: clause.AssignmentColumns([]string{"name"}),
	}).Create(l).Error // want `^Create on labels: the conflict target \(color\) matches no unique key; PostgreSQL rejects .*: add gorm:"uniqueIndex" to Label.Color or a unique index on labels\(color\)$`
}

func partialWithoutTargetWhere(db *gorm.DB, u *User) error {
	return db.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "nickname"}}, DoNothing: true}).Create(u).Error // want `Create on users: the conflict target \(nickname\) matches no unique key \(unique index users_nickname_live \(nickname\) where deleted_at is null is partial: repeat its predicate in the target`
}

func doUpdatesWithoutColumns(db *gorm.DB, t *Tag) error {
	return db.Clauses(clause.OnConflict{DoUpdates: clause.AssignmentColumns([]string{"slug"})}).Create(t).Error // want `^Create on tags: clause.OnConflict \(ON CONFLICT DO UPDATE\) has no conflict target; PostgreSQL rejects the INSERT at run time with "ON CONFLICT DO UPDATE requires inference specification or constraint name": name the columns of a unique key such as \(id\)$`
}

func doNothingWithoutKey(db *gorm.DB, kind string) error {
	ev := Event{Kind: kind}
	return db.Clauses(clause.OnConflict{DoNothing: true}).Create(&ev).Error // want `^Create on events: clause.OnConflict \(ON CONFLICT DO NOTHING\) only skips rows that conflict with a unique key, and events has none but its primary key \(id\), which the insert does not set; every call inserts a row, duplicates included: add a unique index on the columns that identify a row and name them as the conflict target$`
}

func doNothingOnZeroVariable(db *gorm.DB, kind string) error {
	var ev Event
	ev.Kind = kind
	return db.Clauses(clause.OnConflict{DoNothing: true}).Create(&ev).Error // want `Create on events: clause.OnConflict \(ON CONFLICT DO NOTHING\) only skips rows`
}

func updateAllTargetsUnsetKey(db *gorm.DB, name string) error {
	return db.Clauses(clause.OnConflict{UpdateAll: true}).Create(&Tag{Name: name}).Error // want `^Create on tags: clause.OnConflict \(ON CONFLICT \(id\) DO UPDATE\) targets the primary key \(id\), which the insert does not set, so it never conflicts`
}

func chainInVariable(db *gorm.DB, name string) error {
	q := db.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "slug"}}, DoNothing: true})
	t := Tag{Name: name, Slug: name}
	return q.Create(&t).Error // want `Create on tags: the conflict target \(slug\) matches no unique key`
}

func nopeTargetMatchesTagKey(db *gorm.DB, l *Label) error {
	return db.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "name"}}, UpdateAll: true}).Create(l).Error
}

func nopeTargetMatchesMigrationKey(db *gorm.DB, u *User) error {
	return db.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "email"}}, DoNothing: true}).Create(u).Error
}

func nopePartialWithTargetWhere(db *gorm.DB, u *User) error {
	return db.Clauses(clause.OnConflict{
		Columns:     []clause.Column{{Name: "nickname"}},
		TargetWhere: clause.Where{Exprs: []clause.Expression{clause.Expr{SQL: "deleted_at IS NULL"}}},
		DoNothing:   true,
	}).Create(u).Error
}

func nopeRawExpressionColumn(db *gorm.DB, u *User) error {
	return db.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "lower(name)", Raw: true}}, DoNothing: true}).Create(u).Error
}

func nopeEventFromCaller(db *gorm.DB, ev *Event) error {
	return db.Clauses(clause.OnConflict{DoNothing: true}).Create(ev).Error
}

func nopeEventWithKey(db *gorm.DB, id uint, kind string) error {
	return db.Clauses(clause.OnConflict{DoNothing: true}).Create(&Event{ID: id, Kind: kind}).Error
}

func nopeNaturalKeySet(db *gorm.DB, key, value string) error {
	return db.Clauses(clause.OnConflict{UpdateAll: true}).Create(&Setting{Key: key, Value: value}).Error
}

func nopeSaveIsNotChecked(db *gorm.DB, name string) error {
	return db.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "name"}}, DoNothing: true}).Save(&Tag{Name: name}).Error
}

func nopeClauseNotALiteral(db *gorm.DB, oc clause.OnConflict, name string) error {
	return db.Clauses(oc).Create(&Tag{Name: name}).Error
}

func nopeNoOnConflict(db *gorm.DB, kind string) error {
	return db.Create(&Event{Kind: kind}).Error
}

// The generics API takes the clause as gorm.G's option.
func genericTargetWithoutKey(ctx context.Context, db *gorm.DB, name string) error {
	return gorm.G[Tag](db, clause.OnConflict{Columns: []clause.Column{{Name: "name"}}, DoNothing: true}).Create(ctx, &Tag{Name: name}) // want `^Create on tags: the conflict target \(name\) matches no unique key; PostgreSQL rejects the INSERT at run time`
}

func genericTargetOnKey(ctx context.Context, db *gorm.DB, name string) error {
	return gorm.G[Label](db, clause.OnConflict{Columns: []clause.Column{{Name: "name"}}, DoNothing: true}).Create(ctx, &Label{Name: name})
}
