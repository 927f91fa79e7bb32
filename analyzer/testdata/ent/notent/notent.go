// Package notent has types with ent's method names that are not
// ent-generated builders: nothing here is reported.
package notent

import (
	"context"
	"errors"
)

// UserQuery looks like a generated query but carries no ent config.
type UserQuery struct{ preds []func(string) bool }

func (q *UserQuery) Where(ps ...func(string) bool) *UserQuery {
	q.preds = append(q.preds, ps...)
	return q
}
func (q *UserQuery) Only(ctx context.Context) (*User, error) { return nil, &NotFoundError{} }
func (q *UserQuery) ExistX(ctx context.Context) bool         { return false }

// UserCreate looks like a generated create builder.
type UserCreate struct{ name string }

func (c *UserCreate) SetName(n string) *UserCreate            { c.name = n; return c }
func (c *UserCreate) Save(ctx context.Context) (*User, error) { return &User{Name: c.name}, nil }
func (c *UserCreate) ExecX(ctx context.Context)               {}

// UserClient looks like a generated client.
type UserClient struct{}

func (UserClient) Query() *UserQuery   { return &UserQuery{} }
func (UserClient) Create() *UserCreate { return &UserCreate{} }

type User struct{ Name string }

type NotFoundError struct{}

func (*NotFoundError) Error() string { return "not found" }

func IsNotFound(err error) bool { // want IsNotFound:"predicate"
	var nfe *NotFoundError
	return errors.As(err, &nfe)
}

func nopeLookalike(ctx context.Context, users UserClient, name string) (*User, error) {
	u, err := users.Query().Where(func(s string) bool { return s == name }).Only(ctx)
	if IsNotFound(err) {
		return users.Create().SetName(name).Save(ctx)
	}
	return u, err
}

func nopeLookalikeExist(ctx context.Context, users UserClient, name string) {
	if !users.Query().ExistX(ctx) {
		users.Create().SetName(name).ExecX(ctx)
	}
}
