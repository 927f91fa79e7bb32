// Package api calls the service's helpers: summaries two packages away.
package api

import (
	"errors"

	"gorm.io/gorm"

	"summaries/service"
	"summaries/store"
)

// TagRepo has one implementation in the module (tagRepo).
type TagRepo interface {
	Find(name string) (*store.Tag, error)
	Add(t *store.Tag) error
}

type tagRepo struct{ db *gorm.DB }

func (r tagRepo) Find(name string) (*store.Tag, error) { // want Find:`lookup tags\(name\) err#1`
	return store.FindTagByName(r.db, name)
}

func (r tagRepo) Add(t *store.Tag) error { // want Add:`insert tags`
	return store.CreateTag(r.db, t)
}

func Handle(repo TagRepo, name string) error {
	_, err := repo.Find(name) // want `Handle: Find \(lookup on tags \(name\), store/store.go:33\) then Add \(insert into tags, store/store.go:39\)`
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return repo.Add(&store.Tag{Name: name})
	}
	return err
}

// Through the service's EnsureTag: a get-or-create itself, not a lookup.
func nopeEnsure(db *gorm.DB, name string) {
	if _, err := service.EnsureTag(db, name); err != nil {
		_ = store.CreateTag(db, &store.Tag{Name: name})
	}
}
