// Package paramstrict: a parametric helper whose arguments do not make
// its lookup precise is an unknown lookup at the call, shown only with
// -strict.
package paramstrict

import (
	"context"
	"errors"

	"gorm.io/gorm"

	"summaries/generic"
	"summaries/repo"
)

func EnsureColumnVariable(ctx context.Context, r *repo.Repo, column, v string) error {
	if _, err := r.FindBy(ctx, column, v); errors.Is(err, gorm.ErrRecordNotFound) { // want `EnsureColumnVariable: FindBy \(lookup on users, repo/repo\.go:37\) then Create \(insert into users, repo/repo\.go:93\): lookup columns unknown \(the column passed to FindBy is not a constant\)`
		return r.Create(ctx, &repo.User{Email: v})
	}
	return nil
}

func EnsureSpreadSlice(ctx context.Context, r *repo.Repo, conds []any) error {
	if _, err := r.FindOne("email = ?", conds...); errors.Is(err, gorm.ErrRecordNotFound) { // want `EnsureSpreadSlice: FindOne \(lookup on users, repo/repo\.go:58\) then Create \(insert into users, repo/repo\.go:93\): lookup columns unknown \(FindOne's conditions are passed as a slice\)`
		return r.Create(ctx, &repo.User{})
	}
	return nil
}

func EnsureQueryVariable(ctx context.Context, r *repo.Repo, q string, email string) error {
	if _, err := r.FindOne(q, email); errors.Is(err, gorm.ErrRecordNotFound) { // want `EnsureQueryVariable: FindOne \(lookup on users, repo/repo\.go:58\) then Create \(insert into users, repo/repo\.go:93\): lookup columns unknown \(the condition is not a constant string\)`
		return r.Create(ctx, &repo.User{Email: email})
	}
	return nil
}

func EnsureLowered(ctx context.Context, r *repo.Repo, email string) error {
	if _, err := r.FindByLowered("email", email); errors.Is(err, gorm.ErrRecordNotFound) { // want `EnsureLowered: FindByLowered \(lookup on users, repo/repo\.go:88\) then Create \(insert into users, repo/repo\.go:93\): lookup columns unknown \(the condition is not a constant string\)`
		return r.Create(ctx, &repo.User{Email: email})
	}
	return nil
}

// A constant column: a finding, not an unknown lookup.
func EnsureByEmail(ctx context.Context, r *repo.Repo, email string) error {
	if _, err := r.FindBy(ctx, "email", email); errors.Is(err, gorm.ErrRecordNotFound) { // want `EnsureByEmail: FindBy \(lookup on users \(email\), repo/repo\.go:37\) then Create \(insert into users, repo/repo\.go:93\): no unique constraint covers \(email\) on users \(model User\)`
		return r.Create(ctx, &repo.User{Email: email})
	}
	return nil
}

// The primary key passed inline: the model's key backs it, even with
// -strict (the model is found from the helper's summary).
func nopeFirstByID(ctx context.Context, r *repo.Repo, id uint) error {
	if _, err := r.FindFirst(id); errors.Is(err, gorm.ErrRecordNotFound) {
		return r.Create(ctx, &repo.User{ID: id})
	}
	return nil
}

// The generic repository's model is known, its column is not: unknown.
func EnsureGenericColumn(r *generic.Repo[repo.User], column, v string) error {
	if _, err := r.FindByField(column, v); errors.Is(err, gorm.ErrRecordNotFound) { // want `EnsureGenericColumn: FindByField \(lookup on users, generic/generic\.go:15\) then Create \(insert into users, generic/generic\.go:20\): lookup columns unknown \(the column passed to FindByField is not a constant\)`
		return r.Create(&repo.User{Email: v})
	}
	return nil
}
