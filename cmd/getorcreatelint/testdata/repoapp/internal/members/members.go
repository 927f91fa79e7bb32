// Package members is the repository of members, on the ent client: one
// lookup or one insert a method, the service decides what a miss means.
package members

import (
	"context"
	"fmt"

	"example.com/repoapp/internal/ent"
	"example.com/repoapp/internal/ent/member"
)

// Repo reads and writes members.
type Repo struct {
	client *ent.Client
}

func NewRepo(client *ent.Client) *Repo { return &Repo{client: client} }

// ByEmail returns ent's *NotFoundError when no member has the email.
func (r *Repo) ByEmail(ctx context.Context, email string) (*ent.Member, error) {
	return r.client.Member.Query().Where(member.Email(email)).Only(ctx)
}

// ByHandle wraps the lookup's error; errors.As and ent.IsNotFound still
// see the *NotFoundError.
func (r *Repo) ByHandle(ctx context.Context, handle string) (*ent.Member, error) {
	m, err := r.client.Member.Query().Where(member.Handle(handle)).First(ctx)
	if err != nil {
		return nil, fmt.Errorf("member %q: %w", handle, err)
	}
	return m, nil
}

// HandleTaken reports whether a member has the handle.
func (r *Repo) HandleTaken(ctx context.Context, handle string) (bool, error) {
	return r.client.Member.Query().Where(member.Handle(handle)).Exist(ctx)
}

func (r *Repo) Create(ctx context.Context, email, handle string) (*ent.Member, error) {
	return r.client.Member.Create().SetEmail(email).SetHandle(handle).Save(ctx)
}
