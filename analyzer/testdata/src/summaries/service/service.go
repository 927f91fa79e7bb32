// Package service gets or creates through the store's helpers.
package service

import (
	"errors"

	"gorm.io/gorm"

	"summaries/store"
)

func EnsureTag(db *gorm.DB, name string) (*store.Tag, error) {
	t, err := store.FindTagByName(db, name) // want `EnsureTag: FindTagByName \(lookup on tags \(name\), store/store.go:33\) then CreateTag \(insert into tags, store/store.go:39\): no unique constraint covers \(name\) on tags \(model Tag\); concurrent calls can insert duplicates: add gorm:\"uniqueIndex\" to Tag.Name or a unique index on tags\(name\)$`
	if errors.Is(err, gorm.ErrRecordNotFound) {
		t = &store.Tag{Name: name}
		if err := store.CreateTag(db, t); err != nil {
			return nil, err
		}
		return t, nil
	}
	return t, err
}

func EnsureTagDirectInsert(db *gorm.DB, name string) error {
	_, err := store.GetTag(db, name) // want `EnsureTagDirectInsert: GetTag \(lookup on tags \(name\), store/store.go:33\) then Create \(insert into tags, service/service.go:\d+\)`
	if store.IsNotFound(err) {
		return db.Create(&store.Tag{Name: name}).Error
	}
	return err
}

func EnsureViaForward(db *gorm.DB, name string) error {
	if _, err := store.LoadTag(db, name); err != nil { // want `EnsureViaForward: LoadTag \(lookup on tags \(name\)`
		if !errors.Is(err, gorm.ErrRecordNotFound) {
			return err
		}
		return store.CreateTag(db, &store.Tag{Name: name})
	}
	return nil
}

func EnsureExists(db *gorm.DB, name string) error {
	ok, err := store.TagExists(db, name) // want `EnsureExists: TagExists \(lookup on tags \(name\)`
	if err != nil {
		return err
	}
	if !ok {
		return store.CreateTag(db, &store.Tag{Name: name})
	}
	return nil
}

func EnsureFound(db *gorm.DB, name string) {
	if _, found := store.LookupTag(db, name); !found { // want `EnsureFound: LookupTag \(lookup on tags \(name\)`
		_ = store.CreateTag(db, &store.Tag{Name: name})
	}
}

func EnsureNil(db *gorm.DB, name string) {
	if t := store.TagOrNil(db, name); t == nil { // want `EnsureNil: TagOrNil \(lookup on tags \(name\)`
		_ = store.CreateTag(db, &store.Tag{Name: name})
	}
}

func EnsureUser(r *store.Users, email string) error {
	_, err := r.FindByEmail(email) // want `EnsureUser: FindByEmail \(lookup on users \(email\), store/store.go:\d+\) then Create \(insert into users`
	if errors.Is(err, store.ErrNotFound) {
		return r.Create(&store.User{Email: email})
	}
	return err
}

func EnsureClosure(db *gorm.DB, name string) {
	find := func(n string) (*store.Tag, error) {
		var t store.Tag
		err := db.Where("name = ?", n).First(&t).Error
		return &t, err
	}
	if _, err := find(name); errors.Is(err, gorm.ErrRecordNotFound) { // want `EnsureClosure: find \(lookup on tags \(name\)`
		_ = store.CreateTag(db, &store.Tag{Name: name})
	}
}

// Named negatives.

func nopeBacked(db *gorm.DB, name string) {
	if _, err := store.FindLabel(db, name); errors.Is(err, gorm.ErrRecordNotFound) {
		_ = store.CreateLabel(db, &store.Label{Name: name})
	}
}

func nopeFoundPath(db *gorm.DB, name string) {
	if _, err := store.FindTagByName(db, name); err == nil {
		_ = store.CreateTag(db, &store.Tag{Name: name})
	}
}

func nopeOtherTable(r *store.Users, db *gorm.DB, email string) {
	if _, err := r.FindByEmail(email); errors.Is(err, store.ErrNotFound) {
		_ = store.CreateTag(db, &store.Tag{Name: email})
	}
}

func nopeNilWithoutLookup(db *gorm.DB, name string, on bool) {
	if t, _ := store.TagIfEnabled(db, name, on); t == nil {
		_ = store.CreateTag(db, &store.Tag{Name: name})
	}
}

func nopeSentinelWithoutLookup(db *gorm.DB, name string, cached bool) {
	if _, err := store.TagOnePath(db, name, cached); errors.Is(err, store.ErrNotFound) {
		_ = store.CreateTag(db, &store.Tag{Name: name})
	}
}

func nopeSwallowed(db *gorm.DB, name string) {
	if t, err := store.SwallowTag(db, name); err == nil && t.ID == 0 {
		_ = store.CreateTag(db, &store.Tag{Name: name})
	}
}

func nopeConditionalInsert(db *gorm.DB, name string, really bool) {
	if _, err := store.FindTagByName(db, name); errors.Is(err, gorm.ErrRecordNotFound) {
		_ = store.CreateTagIf(db, &store.Tag{Name: name}, really)
	}
}

func EnsureUserWrapped(r *store.Users, email string) error {
	_, err := r.FindUserWrapped(email) // want `EnsureUserWrapped: FindUserWrapped \(lookup on users \(email\), store/store.go:\d+\) then Create \(insert into users`
	if errors.Is(err, store.ErrNotFound) {
		return r.Create(&store.User{Email: email})
	}
	return err
}

func nopeUserFormatted(r *store.Users, email string) error {
	_, err := r.FindUserFormatted(email)
	if errors.Is(err, store.ErrNotFound) {
		return r.Create(&store.User{Email: email})
	}
	return err
}

// The literal's lookup reads a column captured from the enclosing
// function, not one of the literal's own parameters: the call's "name"
// is not its column.
func nopeCapturedColumn(column string, db *gorm.DB, name string) {
	find := func(c, v string) (*store.Tag, error) {
		var t store.Tag
		err := db.Where(column+" = ?", v).First(&t).Error
		return &t, err
	}
	if _, err := find("name", name); errors.Is(err, gorm.ErrRecordNotFound) {
		_ = store.CreateTag(db, &store.Tag{Name: name})
	}
}

// AddTag validates, then inserts: the check refuses what it finds, so
// the insert runs where nothing was found.
func AddTag(db *gorm.DB, name string) error {
	if err := store.CheckTagFree(db, name); err != nil { // want `AddTag: CheckTagFree \(lookup on tags \(name\), store/store.go:\d+\) then CreateTag \(insert into tags, store/store.go:39\): no unique constraint covers \(name\) on tags`
		return err
	}
	return store.CreateTag(db, &store.Tag{Name: name})
}

func nopeLooseCheck(db *gorm.DB, name string) error {
	if err := store.CheckTagFreeLoosely(db, name, false); err != nil {
		return err
	}
	return store.CreateTag(db, &store.Tag{Name: name})
}

func nopeInsertWhereFound(db *gorm.DB, name string) error {
	if err := store.CheckTagFree(db, name); err == nil {
		return nil
	}
	return store.CreateTag(db, &store.Tag{Name: name})
}

func nopeNilErrIsFound(db *gorm.DB, name string) error { // want nopeNilErrIsFound:`lookup tags\(name\) err#0`
	if err := store.CheckTagErr(db, name); err != nil {
		return err
	}
	return store.CreateTag(db, &store.Tag{Name: name})
}

// SaveNewTag inserts with Save a row it builds.
func SaveNewTag(db *gorm.DB, name string) error {
	if err := store.CheckTagFree(db, name); err != nil { // want `SaveNewTag: CheckTagFree \(lookup on tags \(name\), store/store.go:\d+\) then Save \(insert into tags, service/service.go:\d+\)`
		return err
	}
	t := store.Tag{Name: name}
	return db.Save(&t).Error
}

// nopeSaveOfReadRow renames a row it read: Save updates it.
func nopeSaveOfReadRow(db *gorm.DB, old, name string) error { // want nopeSaveOfReadRow:`lookup tags\(name\) err#0`
	t, err := store.FindTagByName(db, old)
	if err != nil {
		return err
	}
	if err := store.CheckTagFree(db, name); err != nil {
		return err
	}
	t.Name = name
	return db.Save(t).Error
}

// nopeSaveOfCallersRow saves the row its caller passes: it may have been
// read, and Save would update it.
func nopeSaveOfCallersRow(db *gorm.DB, t *store.Tag) error { // want nopeSaveOfCallersRow:`lookup tags\(name\) unclear`
	if err := store.CheckTagFree(db, t.Name); err != nil {
		return err
	}
	return db.Save(t).Error
}
