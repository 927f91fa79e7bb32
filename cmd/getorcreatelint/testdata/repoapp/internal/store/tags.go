package store

import (
	"context"
	"errors"
	"fmt"

	"gorm.io/gorm"

	"example.com/repoapp/models"
)

// TagRepo is what the service needs of the tags table.
type TagRepo interface {
	FindTagByName(ctx context.Context, name string) (models.Tag, error)
	CreateTag(ctx context.Context, t *models.Tag) error
}

// TagStore is the GORM implementation of TagRepo.
type TagStore struct {
	db *gorm.DB
}

var _ TagRepo = (*TagStore)(nil)

func NewTagStore(db *gorm.DB) *TagStore { return &TagStore{db: db} }

// FindTagByName returns gorm.ErrRecordNotFound when no tag has the name.
func (s *TagStore) FindTagByName(ctx context.Context, name string) (models.Tag, error) {
	var t models.Tag
	err := s.db.WithContext(ctx).Where("name = ?", name).First(&t).Error
	return t, err
}

// GetTag returns a wrapped ErrNotFound when no tag has the name.
func (s *TagStore) GetTag(ctx context.Context, name string) (*models.Tag, error) {
	var t models.Tag
	err := s.db.WithContext(ctx).Where(&models.Tag{Name: name}).Take(&t).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, fmt.Errorf("tag %q: %w", name, ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	return &t, nil
}

// Exists tells whether a tag has the name.
func (s *TagStore) Exists(ctx context.Context, name string) (bool, error) {
	var n int64
	err := s.db.WithContext(ctx).Model(&models.Tag{}).Where("name = ?", name).Count(&n).Error
	return n > 0, err
}

// CachedTag answers "not found" from the cache without looking anything
// up, so its callers cannot take its not-found for a miss in the table.
func (s *TagStore) CachedTag(ctx context.Context, name string, cache map[string]bool) (*models.Tag, error) {
	if known, ok := cache[name]; ok && !known {
		return nil, ErrNotFound
	}
	var t models.Tag
	if err := s.db.WithContext(ctx).Where("name = ?", name).First(&t).Error; err != nil {
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return nil, ErrNotFound
		}
		return nil, err
	}
	return &t, nil
}

func (s *TagStore) CreateTag(ctx context.Context, t *models.Tag) error {
	return s.db.WithContext(ctx).Create(t).Error
}
