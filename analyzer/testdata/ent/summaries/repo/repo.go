// Package repo is a repository layer over the ent client: each method
// runs one lookup or one insert, the service decides what to do with a
// miss.
package repo

import (
	"context"
	"fmt"

	"entgo.io/ent/dialect/sql"

	"example.com/entapp/ent"
	"example.com/entapp/ent/predicate"
	"example.com/entapp/ent/user"
)

// UserRepo reads and writes users.
type UserRepo struct{ client *ent.Client }

// ByName returns the query's results as they are: the *NotFoundError and
// a nil user on a miss.
func (r *UserRepo) ByName(ctx context.Context, name string) (*ent.User, error) { // want ByName:`lookup users\(name\) nil#0,err#1`
	return r.client.User.Query().Where(user.Name(name)).Only(ctx)
}

// ByEmail looks up by a field the schema declares Unique().
func (r *UserRepo) ByEmail(ctx context.Context, email string) (*ent.User, error) { // want ByEmail:`lookup users\(email\) nil#0,err#1`
	return r.client.User.Query().Where(user.Email(email)).Only(ctx)
}

// NameTaken returns Exist's bool.
func (r *UserRepo) NameTaken(ctx context.Context, name string) (bool, error) { // want NameTaken:`lookup users\(name\) bool#0`
	return r.client.User.Query().Where(user.Name(name)).Exist(ctx)
}

// FirstNamed wraps the lookup's error with %w.
func (r *UserRepo) FirstNamed(ctx context.Context, name string) (*ent.User, error) { // want FirstNamed:`lookup users\(name\) nil#0,err#1`
	u, err := r.client.User.Query().Where(user.Name(name)).First(ctx)
	if err != nil {
		return nil, fmt.Errorf("user %q: %w", name, err)
	}
	return u, nil
}

// Find masks the miss: nil and no error when nothing was found.
func (r *UserRepo) Find(ctx context.Context, name string) (*ent.User, error) { // want Find:`lookup users\(name\) nil#0`
	u, err := r.client.User.Query().Where(user.Name(name)).Only(ctx)
	if err != nil {
		return nil, ent.MaskNotFound(err)
	}
	return u, nil
}

// Cached looks up only when nothing is cached, and returns nil for an
// empty name without looking up: a nil user does not mean a miss.
func (r *UserRepo) Cached(ctx context.Context, name string, cached *ent.User) (*ent.User, error) { // want Cached:`lookup users\(name\) err#1`
	if cached != nil {
		return cached, nil
	}
	if name == "" {
		return nil, nil
	}
	return r.client.User.Query().Where(user.Name(name)).Only(ctx)
}

// ByHandle writes its predicate with ent's SQL package: the repository
// imports ent itself, and is still the user's code.
func (r *UserRepo) ByHandle(ctx context.Context, handle string) (*ent.User, error) { // want ByHandle:`lookup users\(handle\) nil#0,err#1`
	return r.client.User.Query().Where(predicate.User(sql.FieldEQ(user.FieldHandle, handle))).Only(ctx)
}

// CountNamed returns a count: only its caller's comparison tells a miss.
func (r *UserRepo) CountNamed(ctx context.Context, name string) (int, error) { // want CountNamed:`lookup users\(name\) unclear`
	return r.client.User.Query().Where(user.Name(name)).Count(ctx)
}

// Create inserts a user.
func (r *UserRepo) Create(ctx context.Context, name string) (*ent.User, error) { // want Create:`insert users`
	return r.client.User.Create().SetName(name).SetEmail(name + "@example.com").Save(ctx)
}

// CreateAll inserts users in one statement.
func (r *UserRepo) CreateAll(ctx context.Context, names ...string) error { // want CreateAll:`insert users`
	builders := make([]*ent.UserCreate, len(names))
	for i, n := range names {
		builders[i] = r.client.User.Create().SetName(n)
	}
	return r.client.User.CreateBulk(builders...).Exec(ctx)
}

// Ensure gets or creates through the methods above, in their own
// package.
func (r *UserRepo) Ensure(ctx context.Context, name string) (*ent.User, error) {
	u, err := r.ByName(ctx, name) // want `Ensure: ByName \(lookup on users \(name\), summaries/repo/repo\.go:23\) then Create \(insert into users, summaries/repo/repo\.go:79\): no unique constraint covers \(name\) on users \(model User\) \(unique index user_tenant_name \(tenant, name\) also needs tenant\)`
	if ent.IsNotFound(err) {
		return r.Create(ctx, name)
	}
	return u, err
}

// EnsureOwnLookup looks up itself and inserts through Create.
func (r *UserRepo) EnsureOwnLookup(ctx context.Context, name string) (*ent.User, error) {
	u, err := r.client.User.Query().Where(user.Name(name)).Only(ctx) // want `EnsureOwnLookup: Only \(lookup on users \(name\), summaries/repo/repo\.go:103\) then Create \(insert into users, summaries/repo/repo\.go:79\): no unique constraint covers \(name\) on users \(model User\) \(unique index user_tenant_name \(tenant, name\) also needs tenant\)`
	if ent.IsNotFound(err) {
		return r.Create(ctx, name)
	}
	return u, err
}

// Maybe returns FirstX's user as it is: nil on a miss.
func (r *UserRepo) Maybe(ctx context.Context, name string) *ent.User { // want Maybe:`lookup users\(name\) nil#0`
	return r.client.User.Query().Where(user.Name(name)).FirstX(ctx)
}
