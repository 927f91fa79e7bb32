package store

import (
	"context"

	"gorm.io/gorm"

	"example.com/repoapp/models"
)

// AuditStore appends audit entries; every call is a new row by design.
type AuditStore struct {
	db *gorm.DB
}

func (s *AuditStore) Record(ctx context.Context, action, tag string) error {
	return s.db.WithContext(ctx).Create(&models.AuditEntry{Action: action, Tag: tag}).Error
}
