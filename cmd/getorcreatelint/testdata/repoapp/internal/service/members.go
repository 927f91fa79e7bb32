package service

import (
	"context"

	"example.com/repoapp/internal/ent"
	"example.com/repoapp/internal/members"
)

type Members struct {
	repo *members.Repo
}

// Join creates the member when no member has the email: the schema
// declares email Unique(), so a concurrent insert fails instead of
// duplicating.
func (s *Members) Join(ctx context.Context, email, handle string) (*ent.Member, error) {
	m, err := s.repo.ByEmail(ctx, email)
	if ent.IsNotFound(err) {
		return s.repo.Create(ctx, email, handle)
	}
	return m, err
}

// Claim creates a member for a handle no member has: nothing in the schema
// keeps two concurrent claims from both inserting.
func (s *Members) Claim(ctx context.Context, email, handle string) (*ent.Member, error) {
	m, err := s.repo.ByHandle(ctx, handle)
	if ent.IsNotFound(err) {
		return s.repo.Create(ctx, email, handle)
	}
	return m, err
}

// Reserve checks that the handle is free, then creates the member.
func (s *Members) Reserve(ctx context.Context, email, handle string) error {
	taken, err := s.repo.HandleTaken(ctx, handle)
	if err != nil || taken {
		return err
	}
	_, err = s.repo.Create(ctx, email, handle)
	return err
}
