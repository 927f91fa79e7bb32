package store

import (
	"context"
	"database/sql"
	"fmt"

	"example.com/repoapp/models"
)

// AccountStore keeps accounts through database/sql.
type AccountStore struct {
	db *sql.DB
}

// FindByEmail returns an error wrapping sql.ErrNoRows when no account has
// the email.
func (s *AccountStore) FindByEmail(ctx context.Context, email string) (models.Account, error) {
	var a models.Account
	err := s.db.QueryRowContext(ctx, "SELECT id, email FROM accounts WHERE email = $1", email).Scan(&a.ID, &a.Email)
	if err != nil {
		return models.Account{}, fmt.Errorf("account %s: %w", email, err)
	}
	return a, nil
}

func (s *AccountStore) Create(ctx context.Context, email string) (int64, error) {
	var id int64
	err := s.db.QueryRowContext(ctx, "INSERT INTO accounts (email) VALUES ($1) RETURNING id", email).Scan(&id)
	return id, err
}
