// Package service gets or creates users through the repository.
package service

import (
	"context"
	"errors"

	"example.com/entapp/ent"

	"example.com/entcases/summaries/repo"
)

func EnsureByName(ctx context.Context, r *repo.UserRepo, name string) (*ent.User, error) {
	u, err := r.ByName(ctx, name) // want `^EnsureByName: ByName \(lookup on users \(name\), summaries/repo/repo\.go:23\) then Create \(insert into users, summaries/repo/repo\.go:79\): no unique constraint covers \(name\) on users \(model User\) \(unique index user_tenant_name \(tenant, name\) also needs tenant\); concurrent calls can insert duplicates: include tenant in the lookup, or add \.Unique\(\) to the "name" field of the User schema or a unique index on users\(name\); then Create\(\)\.\.\.OnConflictColumns\(user\.FieldName\)\.Ignore\(\)\.ID\(ctx\) \(sql/upsert feature\) gets or creates in one statement$`
	if ent.IsNotFound(err) {
		return r.Create(ctx, name)
	}
	return u, err
}

// The schema declares email Unique(): nothing to report.
func EnsureByEmail(ctx context.Context, r *repo.UserRepo, email string) (*ent.User, error) {
	u, err := r.ByEmail(ctx, email)
	if ent.IsNotFound(err) {
		return r.Create(ctx, email)
	}
	return u, err
}

func EnsureNilUser(ctx context.Context, r *repo.UserRepo, name string) (*ent.User, error) {
	u, err := r.ByName(ctx, name) // want `EnsureNilUser: ByName \(lookup on users \(name\)`
	if u == nil {
		return r.Create(ctx, name)
	}
	return u, err
}

func EnsureNotTaken(ctx context.Context, r *repo.UserRepo, name string) error {
	taken, err := r.NameTaken(ctx, name) // want `EnsureNotTaken: NameTaken \(lookup on users \(name\)`
	if err != nil {
		return err
	}
	if !taken {
		_, err = r.Create(ctx, name)
	}
	return err
}

func EnsureWrapped(ctx context.Context, r *repo.UserRepo, name string) (*ent.User, error) {
	u, err := r.FirstNamed(ctx, name) // want `EnsureWrapped: FirstNamed \(lookup on users \(name\)`
	var nf *ent.NotFoundError
	if errors.As(err, &nf) {
		return r.Create(ctx, name)
	}
	return u, err
}

func EnsureMasked(ctx context.Context, r *repo.UserRepo, name string) (*ent.User, error) {
	u, err := r.Find(ctx, name) // want `EnsureMasked: Find \(lookup on users \(name\)`
	if err != nil {
		return nil, err
	}
	if u == nil {
		return r.Create(ctx, name)
	}
	return u, nil
}

// A masked miss has no error to test: IsNotFound never holds.
func EnsureMaskedIsNotFound(ctx context.Context, r *repo.UserRepo, name string) (*ent.User, error) {
	u, err := r.Find(ctx, name)
	if ent.IsNotFound(err) {
		return r.Create(ctx, name)
	}
	return u, err
}

// Cached's error is NotFoundError only after its lookup.
func EnsureCachedErr(ctx context.Context, r *repo.UserRepo, name string, cached *ent.User) (*ent.User, error) {
	u, err := r.Cached(ctx, name, cached) // want `EnsureCachedErr: Cached \(lookup on users \(name\)`
	if ent.IsNotFound(err) {
		return r.Create(ctx, name)
	}
	return u, err
}

// Cached's nil user does not tell a miss (an empty name returns nil
// without looking up): no finding.
func EnsureCachedNil(ctx context.Context, r *repo.UserRepo, name string, cached *ent.User) (*ent.User, error) {
	u, err := r.Cached(ctx, name, cached)
	if err != nil {
		return nil, err
	}
	if u == nil {
		return r.Create(ctx, name)
	}
	return u, nil
}

// A count's result says nothing by itself: without -strict, nothing.
func EnsureCounted(ctx context.Context, r *repo.UserRepo, name string) error {
	n, err := r.CountNamed(ctx, name)
	if err != nil {
		return err
	}
	if n == 0 {
		_, err = r.Create(ctx, name)
	}
	return err
}

func EnsureBulk(ctx context.Context, r *repo.UserRepo, name string) error {
	if _, err := r.ByName(ctx, name); ent.IsNotFound(err) { // want `EnsureBulk: ByName \(lookup on users \(name\), summaries/repo/repo\.go:23\) then CreateAll \(insert into users, summaries/repo/repo\.go:88\): no unique constraint covers \(name\) on users \(model User\) \(unique index user_tenant_name \(tenant, name\) also needs tenant\)`
		return r.CreateAll(ctx, name)
	}
	return nil
}

// The insert runs where a row was found: no get-or-create.
func UpdateFound(ctx context.Context, r *repo.UserRepo, name string) error {
	if _, err := r.ByName(ctx, name); err == nil {
		_, err = r.Create(ctx, name+"-copy")
		return err
	}
	return nil
}

// Users is the repository as the service sees it; *repo.UserRepo is its
// only implementation.
type Users interface {
	ByName(ctx context.Context, name string) (*ent.User, error)
	Create(ctx context.Context, name string) (*ent.User, error)
}

func EnsureThroughInterface(ctx context.Context, us Users, name string) (*ent.User, error) {
	u, err := us.ByName(ctx, name) // want `EnsureThroughInterface: ByName \(lookup on users \(name\)`
	if ent.IsNotFound(err) {
		return us.Create(ctx, name)
	}
	return u, err
}

func EnsureByHandle(ctx context.Context, r *repo.UserRepo, handle string) (*ent.User, error) {
	u, err := r.ByHandle(ctx, handle) // want `EnsureByHandle: ByHandle \(lookup on users \(handle\), summaries/repo/repo\.go:69\) then Create \(insert into users, summaries/repo/repo\.go:79\): no unique constraint covers \(handle\) on users \(model User\) \(unique index user_handle \(handle\) where active is partial and the lookup does not imply active\); concurrent calls can insert duplicates: add \.Unique\(\) to the "handle" field of the User schema or a unique index on users\(handle\); then Create\(\)\.\.\.OnConflictColumns\(user\.FieldHandle\)`
	if ent.IsNotFound(err) {
		return r.Create(ctx, handle)
	}
	return u, err
}

func EnsureMaybe(ctx context.Context, r *repo.UserRepo, name string) (*ent.User, error) {
	if u := r.Maybe(ctx, name); u != nil { // want `EnsureMaybe: Maybe \(lookup on users \(name\)`
		return u, nil
	}
	return r.Create(ctx, name)
}

// The fix is the composite index, in the schema's terms, as for the same
// lookup in one function.
func EnsurePet(ctx context.Context, r *repo.PetRepo, name string, owner int) error {
	if _, err := r.ByNameOwner(ctx, name, owner); ent.IsNotFound(err) { // want `^EnsurePet: ByNameOwner \(lookup on pets \(name, owner_id\), summaries/repo/pets\.go:17\) then Create \(insert into pets, summaries/repo/pets\.go:21\): no unique constraint covers \(name, owner_id\) on pets \(model Pet\); concurrent calls can insert duplicates: add index\.Fields\("name", "owner_id"\)\.Unique\(\) to the Indexes of the Pet schema or a unique index on pets\(name, owner_id\); then Create\(\)\.\.\.OnConflictColumns\(pet\.FieldName, pet\.FieldOwnerID\)\.Ignore\(\)\.ID\(ctx\) \(sql/upsert feature\) gets or creates in one statement$`
		return r.Create(ctx, name, owner)
	}
	return nil
}

// An edge's foreign key: the index names the edge.
func EnsureOwnerTag(ctx context.Context, r *repo.TagRepo, owner int) error {
	tagged, err := r.OwnerTagged(ctx, owner) // want `^EnsureOwnerTag: OwnerTagged \(lookup on tags \(user_tags\), summaries/repo/pets\.go:29\) then Create \(insert into tags, summaries/repo/pets\.go:33\): .*: include name in the lookup, or add index\.Edges\("owner"\)\.Unique\(\) to the Indexes of the Tag schema or a unique index on tags\(user_tags\); then Create\(\)\.\.\.OnConflictColumns\(tag\.OwnerColumn\)\.Ignore\(\)\.ID\(ctx\) \(sql/upsert feature\) gets or creates in one statement$`
	if err != nil || tagged {
		return err
	}
	return r.Create(ctx, "default", owner)
}
