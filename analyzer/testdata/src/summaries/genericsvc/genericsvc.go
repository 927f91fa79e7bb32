// Package genericsvc gets or creates through the generic repository.
package genericsvc

import (
	"context"
	"errors"

	"gorm.io/gorm"

	"summaries/generic"
	"summaries/repo"
)

func EnsureGeneric(r *generic.Repo[repo.User], email string) error {
	if _, err := r.FindByField("email", email); errors.Is(err, gorm.ErrRecordNotFound) { // want `EnsureGeneric: FindByField \(lookup on users \(email\), generic/generic\.go:15\) then Create \(insert into users, generic/generic\.go:20\): no unique constraint covers \(email\) on users \(model User\)`
		return r.Create(&repo.User{Email: email})
	}
	return nil
}

// UserRepo embeds the generic repository.
type UserRepo struct {
	*generic.Repo[repo.User]
}

func EnsureEmbedded(r UserRepo, name string) error {
	if _, err := r.FindByField("name", name); errors.Is(err, gorm.ErrRecordNotFound) { // want `EnsureEmbedded: FindByField \(lookup on users \(name\)`
		return r.Create(&repo.User{Name: name})
	}
	return nil
}

func EnsureFirst(db *gorm.DB, email string) error {
	var u repo.User
	if err := generic.First(db, &u, "email = ?", email); errors.Is(err, gorm.ErrRecordNotFound) { // want `EnsureFirst: First \(lookup on users \(email\)`
		return generic.Insert(db, &repo.User{Email: email})
	}
	return nil
}

func EnsureOneOf(db *gorm.DB, name string) error {
	if _, err := generic.FindOneOf[repo.User](db, "name", name); errors.Is(err, gorm.ErrRecordNotFound) { // want `EnsureOneOf: FindOneOf \(lookup on users \(name\)`
		return generic.Insert(db, &repo.User{Name: name})
	}
	return nil
}

// Named negatives.

// The account's email is unique.
func nopeAccountEmail(r *generic.Repo[repo.Account], email string) error {
	if _, err := r.FindByField("email", email); errors.Is(err, gorm.ErrRecordNotFound) {
		return r.Create(&repo.Account{Email: email})
	}
	return nil
}

// The lookup is on users, the insert on accounts.
func nopeOtherTable(users *generic.Repo[repo.User], accounts *generic.Repo[repo.Account], name string) error { // want nopeOtherTable:`lookup users\(name\) unclear`
	if _, err := users.FindByField("name", name); errors.Is(err, gorm.ErrRecordNotFound) {
		return accounts.Create(&repo.Account{Name: name})
	}
	return nil
}

// The caller's own type parameter: the model is not known here. Its
// lookup and insert are of one model, a get-or-create of its own: no
// lookup for its callers.
func nopeOpenModel[T any](r *generic.Repo[T], name string, row *T) error {
	if _, err := r.FindByField("name", name); errors.Is(err, gorm.ErrRecordNotFound) {
		return r.Create(row)
	}
	return nil
}

// A row of an interface type: the model is not known here; its summary
// leaves it to its callers.
func nopeAnyRow(db *gorm.DB, dest any, email string) error { // want nopeAnyRow:`lookup type\(\$1\)\(where\("email = \?", \$2\)\) unclear`
	if err := generic.First(db, dest, "email = ?", email); errors.Is(err, gorm.ErrRecordNotFound) {
		return generic.Insert(db, &repo.User{Email: email})
	}
	return nil
}

// Store wraps the generic repository and is generic itself: its callers'
// type arguments give the model through both.
type Store[T any] struct{ r *generic.Repo[T] }

func (s *Store[T]) By(field string, v any) (*T, error) { // want By:`lookup T#0\(where\(\$0\+" = \?", \$1\)\) err#1`
	return s.r.FindByField(field, v)
}

func (s *Store[T]) Add(t *T) error { // want Add:`insert T#0`
	return s.r.Create(t)
}

func EnsureStore(s *Store[repo.User], email string) error {
	if _, err := s.By("email", email); errors.Is(err, gorm.ErrRecordNotFound) { // want `EnsureStore: By \(lookup on users \(email\), generic/generic.go:\d+\) then Add \(insert into users, generic/generic.go:\d+\)`
		return s.Add(&repo.User{Email: email})
	}
	return nil
}

// The account's email is unique, through the wrapper too.
func nopeStoreAccount(s *Store[repo.Account], email string) error {
	if _, err := s.By("email", email); errors.Is(err, gorm.ErrRecordNotFound) {
		return s.Add(&repo.Account{Email: email})
	}
	return nil
}

func EnsureG(ctx context.Context, r *generic.GRepo[repo.User], email string) error {
	if _, err := r.FindBy(ctx, "email", email); errors.Is(err, gorm.ErrRecordNotFound) { // want `EnsureG: FindBy \(lookup on users \(email\), generic/generic.go:\d+\) then Create \(insert into users`
		return r.Create(ctx, &repo.User{Email: email})
	}
	return nil
}

// The account's email is unique, through GORM's generics API too.
func nopeGAccount(ctx context.Context, r *generic.GRepo[repo.Account], email string) error {
	if _, err := r.FindBy(ctx, "email", email); errors.Is(err, gorm.ErrRecordNotFound) {
		return r.Create(ctx, &repo.Account{Email: email})
	}
	return nil
}
