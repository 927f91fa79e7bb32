// Package generic is a generic repository: its callers' type arguments
// and row arguments give its lookups and inserts their models.
package generic

import (
	"context"

	"gorm.io/gorm"
)

type Repo[T any] struct{ db *gorm.DB }

func (r *Repo[T]) FindByField(field string, v any) (*T, error) { // want FindByField:`lookup T#0\(where\(\$0\+" = \?", \$1\)\) err#1`
	var t T
	err := r.db.Where(field+" = ?", v).First(&t).Error
	return &t, err
}

func (r *Repo[T]) Create(t *T) error { // want Create:`insert T#0`
	return r.db.Create(t).Error
}

// First looks up into the row its caller passes.
func First(db *gorm.DB, dest any, conds ...any) error { // want First:`lookup type\(\$1\)\(where\(\$2...\)\) err#0`
	return db.First(dest, conds...).Error
}

// Insert inserts the row its caller passes.
func Insert(db *gorm.DB, v any) error { // want Insert:`insert type\(\$1\)`
	return db.Create(v).Error
}

// FindOneOf is a generic function: its type argument is the model.
func FindOneOf[T any](db *gorm.DB, column string, v any) (*T, error) { // want FindOneOf:`lookup T#0\(where\(\$1\+" = \?", \$2\)\) nil#0,err#1`
	var t T
	if err := db.Where(column+" = ?", v).Take(&t).Error; err != nil {
		return nil, err
	}
	return &t, nil
}

// GRepo uses GORM's generics API with its own type parameter.
type GRepo[T any] struct{ db *gorm.DB }

func (r *GRepo[T]) FindBy(ctx context.Context, column string, v any) (T, error) { // want FindBy:`lookup T#0\(where\(\$1\+" = \?", \$2\)\) err#1`
	t, err := gorm.G[T](r.db).Where(column+" = ?", v).First(ctx)
	return t, err
}

func (r *GRepo[T]) Create(ctx context.Context, t *T) error { // want Create:`insert T#0`
	return gorm.G[T](r.db).Create(ctx, t)
}
