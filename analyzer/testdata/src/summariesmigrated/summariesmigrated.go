// Package summariesmigrated gets or creates a model whose table a
// migration creates, through a lookup helper: the fix is the migration's
// index, never a struct tag, which would not change the database.
package summariesmigrated

import (
	"errors"

	"gorm.io/gorm"

	"migmodels"
)

// findByCode returns GORM's error as it is.
func findByCode(db *gorm.DB, code string) (*migmodels.Account, error) { // want findByCode:`lookup accounts\(old_code,deleted_at\) err#1`
	var a migmodels.Account
	err := db.Where("old_code = ?", code).First(&a).Error
	return &a, err
}

func ensureByCode(db *gorm.DB, code string) error {
	if _, err := findByCode(db, code); errors.Is(err, gorm.ErrRecordNotFound) { // want `^ensureByCode: findByCode \(lookup on accounts \(old_code\), summariesmigrated/summariesmigrated.go:17\) then Create \(insert into accounts, summariesmigrated/summariesmigrated.go:\d+\): no unique constraint covers \(old_code\) on accounts \(model Account\); concurrent calls can insert duplicates: add a unique index in a migration: CREATE UNIQUE INDEX CONCURRENTLY idx_accounts_old_code ON accounts \(old_code\) WHERE deleted_at IS NULL$`
		return db.Create(&migmodels.Account{OldCode: code}).Error
	}
	return nil
}
