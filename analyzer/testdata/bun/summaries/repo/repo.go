// Package repo is a repository layer on bun: each method runs one SELECT
// or one INSERT, the service decides what to do with a miss.
package repo

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/uptrace/bun"

	"example.com/buncases/models"
)

// ErrNotFound is the repository's own "no such row".
var ErrNotFound = errors.New("not found")

// Tags reads and writes tags.
type Tags struct{ db bun.IDB }

// ByName returns Scan's error as it is: sql.ErrNoRows on a miss.
func (r *Tags) ByName(ctx context.Context, name string) (*models.Tag, error) { // want ByName:`lookup tags\(name\) err#1`
	t := new(models.Tag)
	if err := r.db.NewSelect().Model(t).Where("name = ?", name).Scan(ctx); err != nil {
		return nil, err
	}
	return t, nil
}

// Load fills t and returns Scan's error as its only result.
func (r *Tags) Load(ctx context.Context, t *models.Tag, name string) error { // want Load:`lookup tags\(name\) err#0`
	return r.db.NewSelect().Model(t).Where("name = ?", name).Scan(ctx)
}

// Get turns sql.ErrNoRows into the package's sentinel, wrapped.
func (r *Tags) Get(ctx context.Context, name string) (*models.Tag, error) { // want Get:`lookup tags\(name\) nil#0,sentinel#1`
	var t models.Tag
	err := r.db.NewSelect().Model(&t).Where("name = ?", name).Scan(ctx)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("tag %q: %w", name, ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	return &t, nil
}

// Taken returns Exists's bool.
func (r *Tags) Taken(ctx context.Context, name string) (bool, error) { // want Taken:`lookup tags\(name\) bool#0`
	return r.db.NewSelect().Model((*models.Tag)(nil)).Where("name = ?", name).Exists(ctx)
}

// ByEmail looks up by a column the model's tags declare unique.
func (r *Tags) ByEmail(ctx context.Context, email string) (*models.Account, error) { // want ByEmail:`lookup accounts\(email\) err#1`
	a := new(models.Account)
	if err := r.db.NewSelect().Model(a).Where("email = ?", email).Scan(ctx); err != nil {
		return nil, err
	}
	return a, nil
}

// Named lists the tags with a name: an empty slice is no error.
func (r *Tags) Named(ctx context.Context, name string) ([]models.Tag, error) { // want Named:`lookup tags\(name\) unclear`
	var ts []models.Tag
	err := r.db.NewSelect().Model(&ts).Where("name = ?", name).Scan(ctx)
	return ts, err
}

func (r *Tags) Create(ctx context.Context, name string) error { // want Create:`insert tags`
	_, err := r.db.NewInsert().Model(&models.Tag{Name: name}).Exec(ctx)
	return err
}

func (r *Tags) CreateAccount(ctx context.Context, email string) error { // want CreateAccount:`insert accounts`
	_, err := r.db.NewInsert().Model(&models.Account{Email: email}).Exec(ctx)
	return err
}

// Ensure gets or creates through the methods above, in their own
// package.
func (r *Tags) Ensure(ctx context.Context, name string) error {
	_, err := r.ByName(ctx, name) // want `Ensure: ByName \(lookup on tags \(name\), summaries/repo/repo\.go:25\) then Create \(insert into tags, summaries/repo/repo\.go:71\): no unique constraint covers \(name\) on tags \(model Tag\)`
	if errors.Is(err, sql.ErrNoRows) {
		return r.Create(ctx, name)
	}
	return err
}

// Cached looks up only for a non-empty name, and returns a nil tag
// without looking up otherwise: a nil tag does not mean a miss, Scan's
// error still does.
func (r *Tags) Cached(ctx context.Context, name string) (*models.Tag, error) { // want Cached:`lookup tags\(name\) err#1`
	if name == "" {
		return nil, nil
	}
	var t models.Tag
	if err := r.db.NewSelect().Model(&t).Where("name = ?", name).Scan(ctx); err != nil {
		return nil, err
	}
	return &t, nil
}
