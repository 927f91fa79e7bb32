package service

import (
	"context"
	"database/sql"
	"errors"

	"example.com/repoapp/internal/store"
)

type Accounts struct {
	store *store.AccountStore
}

// AccountID returns the account's id, creating the account when the
// lookup found no row: accounts(email) has no unique constraint.
func (s *Accounts) AccountID(ctx context.Context, email string) (int64, error) {
	a, err := s.store.FindByEmail(ctx, email)
	if errors.Is(err, sql.ErrNoRows) {
		return s.store.Create(ctx, email)
	}
	return a.ID, err
}
