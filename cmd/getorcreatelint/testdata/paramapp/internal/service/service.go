// Package service gets or creates through the parametric repositories.
package service

import (
	"context"
	"errors"

	"gorm.io/gorm"

	"example.com/paramapp/internal/store"
	"example.com/paramapp/models"
)

type Service struct {
	users    *store.Repo[models.User]
	accounts *store.Repo[models.Account]
	members  *store.Members
}

// UserByEmail creates the user when no row has the email: users(email)
// has no unique constraint.
func (s *Service) UserByEmail(ctx context.Context, email string) (*models.User, error) {
	u, err := s.users.FindByField(ctx, "email", email)
	if errors.Is(err, gorm.ErrRecordNotFound) {
		u = &models.User{Email: email}
		return u, s.users.Create(ctx, u)
	}
	return u, err
}

// UserByName finds by a map condition.
func (s *Service) UserByName(ctx context.Context, name string) error {
	_, err := s.users.FindOne(ctx, map[string]any{"name": name})
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return s.users.Create(ctx, &models.User{Name: name})
	}
	return err
}

// Owner: any number of owners per tenant.
func (s *Service) Owner(ctx context.Context, tenant uint) error {
	_, err := s.members.Find(ctx, tenant, "owner")
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return s.members.Add(ctx, &models.Member{TenantID: tenant, Role: "owner"})
	}
	return err
}

// Named negatives.

// AccountByEmail: accounts(email) is unique.
func (s *Service) AccountByEmail(ctx context.Context, email string) error {
	_, err := s.accounts.FindByField(ctx, "email", email)
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return s.accounts.Create(ctx, &models.Account{Email: email})
	}
	return err
}

// Admin: one admin per tenant, backed by the partial unique index.
func (s *Service) Admin(ctx context.Context, tenant uint) error {
	_, err := s.members.Find(ctx, tenant, "admin")
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return s.members.Add(ctx, &models.Member{TenantID: tenant, Role: "admin"})
	}
	return err
}

// UserByColumn: the column is not known here (-strict shows it).
func (s *Service) UserByColumn(ctx context.Context, column, v string) error {
	_, err := s.users.FindByField(ctx, column, v)
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return s.users.Create(ctx, &models.User{Email: v})
	}
	return err
}
