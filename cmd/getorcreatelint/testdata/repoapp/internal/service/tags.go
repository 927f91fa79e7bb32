// Package service holds the application's use cases; it reaches the
// database only through the repositories of package store.
package service

import (
	"context"
	"errors"

	"gorm.io/gorm"

	"example.com/repoapp/internal/store"
	"example.com/repoapp/models"
)

type Tags struct {
	repo   store.TagRepo
	tags   *store.TagStore
	audit  *store.AuditStore
	labels *store.LabelStore
}

// EnsureTag looks the tag up through the TagRepo interface and creates it
// when the repository found nothing: two concurrent calls both miss.
func (s *Tags) EnsureTag(ctx context.Context, name string) (models.Tag, error) {
	t, err := s.repo.FindTagByName(ctx, name)
	if errors.Is(err, gorm.ErrRecordNotFound) {
		t = models.Tag{Name: name}
		err = s.repo.CreateTag(ctx, &t)
	}
	return t, err
}

// EnsureTagBySentinel relies on the package's own sentinel.
func (s *Tags) EnsureTagBySentinel(ctx context.Context, name string) (*models.Tag, error) {
	t, err := s.tags.GetTag(ctx, name)
	if errors.Is(err, store.ErrNotFound) {
		t = &models.Tag{Name: name}
		if err := s.tags.CreateTag(ctx, t); err != nil {
			return nil, err
		}
		return t, nil
	}
	return t, err
}

// AddTagOnce checks with Exists before it inserts.
func (s *Tags) AddTagOnce(ctx context.Context, name string) error {
	ok, err := s.tags.Exists(ctx, name)
	if err != nil {
		return err
	}
	if !ok {
		return s.tags.CreateTag(ctx, &models.Tag{Name: name})
	}
	return nil
}

// EnsureLabel is backed by the unique slug.
func (s *Tags) EnsureLabel(ctx context.Context, slug string) (*models.Label, error) {
	l, err := s.labels.FindBySlug(ctx, slug)
	if errors.Is(err, store.ErrNotFound) {
		l = &models.Label{Slug: slug}
		err = s.labels.Create(ctx, l)
	}
	return l, err
}

// CopyTag inserts only where the lookup found the tag.
func (s *Tags) CopyTag(ctx context.Context, from, to string) error {
	t, err := s.repo.FindTagByName(ctx, from)
	if err != nil {
		return err
	}
	return s.repo.CreateTag(ctx, &models.Tag{Name: to, CreatedAt: t.CreatedAt})
}

// ReportMissingTag inserts into another table where the tag is missing.
func (s *Tags) ReportMissingTag(ctx context.Context, name string) error {
	_, err := s.repo.FindTagByName(ctx, name)
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return s.audit.Record(ctx, "missing", name)
	}
	return err
}

// EnsureCachedTag goes through a helper whose ErrNotFound may come from
// its cache, without a lookup.
func (s *Tags) EnsureCachedTag(ctx context.Context, name string, cache map[string]bool) error {
	_, err := s.tags.CachedTag(ctx, name, cache)
	if errors.Is(err, store.ErrNotFound) {
		return s.tags.CreateTag(ctx, &models.Tag{Name: name})
	}
	return err
}
