// Package store is a parametric repository layer: a generic repository
// whose model is its type argument, and finders whose columns and values
// their callers pass.
package store

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"example.com/paramapp/models"
)

// Repo keeps rows of one model.
type Repo[T any] struct {
	db *gorm.DB
}

func NewRepo[T any](db *gorm.DB) *Repo[T] { return &Repo[T]{db: db} }

// FindByField returns gorm.ErrRecordNotFound when no row has v in field.
func (r *Repo[T]) FindByField(ctx context.Context, field string, v any) (*T, error) {
	var t T
	err := r.db.WithContext(ctx).Where(field+" = ?", v).First(&t).Error
	return &t, err
}

// FindOne takes the whole condition.
func (r *Repo[T]) FindOne(ctx context.Context, query any, args ...any) (*T, error) {
	var t T
	err := r.db.WithContext(ctx).Where(query, args...).First(&t).Error
	return &t, err
}

func (r *Repo[T]) Create(ctx context.Context, t *T) error {
	return r.db.WithContext(ctx).Create(t).Error
}

// Members finds members by tenant and role.
type Members struct {
	db *gorm.DB
}

func (m *Members) Find(ctx context.Context, tenant uint, role string) (*models.Member, error) {
	var mem models.Member
	err := m.db.WithContext(ctx).Where(fmt.Sprintf("%s = ? AND role = ?", "tenant_id"), tenant, role).First(&mem).Error
	return &mem, err
}

func (m *Members) Add(ctx context.Context, mem *models.Member) error {
	return m.db.WithContext(ctx).Create(mem).Error
}
