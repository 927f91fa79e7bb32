// Package gormgenerics checks get-or-create written with GORM's generics
// API (gorm.G[T], GORM 1.30+): the model is T, the conditions those of the
// chain, the results come back as values.
package gormgenerics

import (
	"context"
	"errors"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

type Tag struct {
	ID   uint
	Name string
}

type Account struct {
	ID    uint
	Email string `gorm:"uniqueIndex"`
	Name  string
}

func firstThenCreate(ctx context.Context, db *gorm.DB, name string) (Tag, error) {
	t, err := gorm.G[Tag](db).Where("name = ?", name).First(ctx) // want `^First then Create \(line 29\) on tags looks up \(name\) but no unique constraint covers it; concurrent calls can insert duplicates: add gorm:"uniqueIndex" to Tag.Name or a unique index on tags\(name\)$`
	if errors.Is(err, gorm.ErrRecordNotFound) {
		t = Tag{Name: name}
		err = gorm.G[Tag](db).Create(ctx, &t)
	}
	return t, err
}

func takeThenClassicCreate(ctx context.Context, db *gorm.DB, name string) error {
	t, err := gorm.G[Tag](db).Where(Tag{Name: name}).Take(ctx) // want `^Take then Create \(line 37\) on tags looks up \(name\)`
	if err != nil {
		return db.Create(&Tag{Name: name}).Error
	}
	_ = t
	return nil
}

func zeroIDThenCreate(ctx context.Context, db *gorm.DB, name string) {
	t, _ := gorm.G[Tag](db).Where("name = ?", name).First(ctx) // want `First then Create \(line 46\) on tags looks up \(name\)`
	if t.ID == 0 {
		gorm.G[Tag](db).Create(ctx, &Tag{Name: name})
	}
}

func findThenCreate(ctx context.Context, db *gorm.DB, name string) {
	ts, _ := gorm.G[Tag](db).Where("name = ?", name).Limit(1).Find(ctx) // want `Find then Create \(line 53\) on tags looks up \(name\)`
	if len(ts) == 0 {
		gorm.G[Tag](db).Create(ctx, &Tag{Name: name})
	}
}

func countThenCreate(ctx context.Context, db *gorm.DB, name string) {
	n, err := gorm.G[Tag](db).Where(map[string]any{"name": name}).Count(ctx, "*") // want `Count then Create \(line 60\) on tags looks up \(name\)`
	if err == nil && n == 0 {
		gorm.G[Tag](db).Create(ctx, &Tag{Name: name})
	}
}

func chainInVariable(ctx context.Context, db *gorm.DB, name string) {
	q := gorm.G[Tag](db).Where("name = ?", name)
	if _, err := q.First(ctx); errors.Is(err, gorm.ErrRecordNotFound) { // want `First then Create \(line 67\) on tags looks up \(name\)`
		gorm.G[Tag](db).Create(ctx, &Tag{Name: name})
	}
}

// Negatives.

func backedByUniqueIndex(ctx context.Context, db *gorm.DB, email string) {
	if _, err := gorm.G[Account](db).Where("email = ?", email).First(ctx); errors.Is(err, gorm.ErrRecordNotFound) {
		gorm.G[Account](db).Create(ctx, &Account{Email: email})
	}
}

func insertOnFound(ctx context.Context, db *gorm.DB, name string) {
	if _, err := gorm.G[Tag](db).Where("name = ?", name).First(ctx); err == nil {
		gorm.G[Tag](db).Create(ctx, &Tag{Name: name + "-copy"})
	}
}

func otherModelInserted(ctx context.Context, db *gorm.DB, name string) {
	if _, err := gorm.G[Tag](db).Where("name = ?", name).First(ctx); errors.Is(err, gorm.ErrRecordNotFound) {
		gorm.G[Account](db).Create(ctx, &Account{Name: name})
	}
}

func orIsUnknown(ctx context.Context, db *gorm.DB, name string) {
	if _, err := gorm.G[Tag](db).Where("name = ?", name).Or("name = ?", name+"s").First(ctx); errors.Is(err, gorm.ErrRecordNotFound) {
		gorm.G[Tag](db).Create(ctx, &Tag{Name: name})
	}
}

func genericScopeWithBranch(ctx context.Context, db *gorm.DB, name string) {
	byName := func(s *gorm.Statement) {
		if name != "" {
			s.Where("name = ?", name)
		}
	}
	if _, err := gorm.G[Tag](db).Scopes(byName).First(ctx); errors.Is(err, gorm.ErrRecordNotFound) {
		gorm.G[Tag](db).Create(ctx, &Tag{Name: name})
	}
}

func lockingClauseIsNeutral(ctx context.Context, db *gorm.DB, email string) {
	if _, err := gorm.G[Account](db, clause.Locking{Strength: "UPDATE"}).Where("email = ?", email).First(ctx); errors.Is(err, gorm.ErrRecordNotFound) {
		gorm.G[Account](db).Create(ctx, &Account{Email: email})
	}
}

func conditionClauseIsUnknown(ctx context.Context, db *gorm.DB, name string) {
	if _, err := gorm.G[Tag](db, clause.Eq{Column: "name", Value: name}).First(ctx); errors.Is(err, gorm.ErrRecordNotFound) {
		gorm.G[Tag](db).Create(ctx, &Tag{Name: name})
	}
}

// upsertNoKey relies on a conflict Tag cannot raise: the verdict for
// upserts applies to the generics API's G(db, clause.OnConflict{...}).
func upsertNoKey(ctx context.Context, db *gorm.DB, name string) error {
	return gorm.G[Tag](db, clause.OnConflict{DoNothing: true}).Create(ctx, &Tag{Name: name}) // want `^Create on tags: clause.OnConflict \(ON CONFLICT DO NOTHING\) only skips rows that conflict with a unique key, and tags has none but its primary key \(id\)`
}

func upsertOnKey(ctx context.Context, db *gorm.DB, email string) error {
	return gorm.G[Account](db, clause.OnConflict{DoNothing: true}).Create(ctx, &Account{Email: email})
}

// Not a get-or-create: a type with methods named like GORM's.
type fakeG[T any] struct{}

func (fakeG[T]) First(ctx context.Context) (T, error)   { var t T; return t, nil }
func (fakeG[T]) Create(ctx context.Context, t *T) error { return nil }

func notGORM(ctx context.Context, name string) {
	var g fakeG[Tag]
	if _, err := g.First(ctx); err != nil {
		g.Create(ctx, &Tag{Name: name})
	}
}

type Member struct {
	ID        uint
	Email     string
	CompanyID uint
}

func joinsKeepModelColumns(ctx context.Context, db *gorm.DB, email string) {
	m, err := gorm.G[Member](db).Joins(clause.JoinTarget{Association: "Company"}, nil).Where("email = ?", email).First(ctx) // want `First then Create \(line 153\) on members looks up \(email\)`
	if errors.Is(err, gorm.ErrRecordNotFound) {
		m = Member{Email: email}
		gorm.G[Member](db).Create(ctx, &m)
	}
}

func nopeJoinsOtherTableColumn(ctx context.Context, db *gorm.DB, email, name string) {
	m, err := gorm.G[Member](db).Joins(clause.JoinTarget{Association: "Company"}, nil).Where("email = ? AND name = ?", email, name).First(ctx)
	if errors.Is(err, gorm.ErrRecordNotFound) {
		m = Member{Email: email}
		gorm.G[Member](db).Create(ctx, &m)
	}
}

// The misses of a loop, inserted in one batch by the generics API.
func collectMissing(ctx context.Context, db *gorm.DB, names []string) error {
	var missing []Tag
	for _, name := range names {
		if _, err := gorm.G[Tag](db).Where("name = ?", name).First(ctx); errors.Is(err, gorm.ErrRecordNotFound) { // want `First, collecting misses, then CreateInBatches \(line 173\) on tags looks up \(name\)`
			missing = append(missing, Tag{Name: name})
		}
	}
	return gorm.G[Tag](db).CreateInBatches(ctx, &missing, 100)
}

// Scopes of the generics API add to the statement in place.
func namedTag(name string) func(*gorm.Statement) {
	return func(s *gorm.Statement) { s.Where("name = ?", name) }
}

func genericScopes(ctx context.Context, db *gorm.DB, name string) {
	if _, err := gorm.G[Tag](db).Scopes(namedTag(name)).First(ctx); errors.Is(err, gorm.ErrRecordNotFound) { // want `First then Create \(line 183\) on tags looks up \(name\)`
		gorm.G[Tag](db).Create(ctx, &Tag{Name: name})
	}
}
