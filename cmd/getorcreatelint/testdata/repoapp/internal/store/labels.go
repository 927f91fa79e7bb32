package store

import (
	"context"
	"errors"

	"gorm.io/gorm"

	"example.com/repoapp/models"
)

// LabelStore keeps labels, whose slug is unique.
type LabelStore struct {
	db *gorm.DB
}

// FindBySlug returns ErrNotFound when no label has the slug.
func (s *LabelStore) FindBySlug(ctx context.Context, slug string) (*models.Label, error) {
	var l models.Label
	err := s.db.WithContext(ctx).Where("slug = ?", slug).First(&l).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	return &l, nil
}

func (s *LabelStore) Create(ctx context.Context, l *models.Label) error {
	return s.db.WithContext(ctx).Create(l).Error
}
