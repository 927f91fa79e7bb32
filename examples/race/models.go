// Package race shows that get-or-create without a unique constraint is a
// real race. Account has no unique key on Email; Member has one. Many
// goroutines calling GetOrCreateAccount with the same email insert
// duplicate rows; with GetOrCreateMember exactly one row exists and the
// callers that lost the race get a duplicate-key error.
//
// getorcreatelint reports GetOrCreateAccount and not GetOrCreateMember.
package race

import "gorm.io/gorm"

// Account has no unique constraint on Email.
type Account struct {
	ID    uint
	Email string
}

// Member has a unique index on Email.
type Member struct {
	ID    uint
	Email string `gorm:"uniqueIndex"`
}

// GetOrCreateAccount returns the account with email, creating it if none
// exists. Nothing stops two callers from both creating it.
func GetOrCreateAccount(db *gorm.DB, email string) (*Account, error) {
	var a Account
	err := db.Where(Account{Email: email}).FirstOrCreate(&a).Error
	return &a, err
}

// GetOrCreateMember is the same lookup, backed by the unique index: a
// second insert fails instead of duplicating the row.
func GetOrCreateMember(db *gorm.DB, email string) (*Member, error) {
	var m Member
	err := db.Where(Member{Email: email}).FirstOrCreate(&m).Error
	return &m, err
}
