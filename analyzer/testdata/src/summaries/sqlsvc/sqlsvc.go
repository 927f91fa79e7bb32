// Package sqlsvc gets or creates members through the SQL repository.
package sqlsvc

import (
	"context"
	"database/sql"
	"errors"

	"summaries/sqlrepo"
)

func EnsureOwner(ctx context.Context, m *sqlrepo.Members, tenant int64) error {
	if _, err := m.Find(ctx, tenant, "owner"); errors.Is(err, sql.ErrNoRows) { // want `EnsureOwner: Find \(lookup on members \(tenant_id, role\).* WHERE role = 'owner'`
		return m.Add(ctx, tenant, "owner")
	}
	return nil
}

func EnsureRole(ctx context.Context, m *sqlrepo.Members, tenant int64, role string) error {
	if _, err := m.Find(ctx, tenant, role); errors.Is(err, sql.ErrNoRows) { // want `EnsureRole: Find \(lookup on members \(tenant_id, role\)`
		return m.Add(ctx, tenant, role)
	}
	return nil
}

// The admin passed to a helper that binds its own value: the partial
// index's condition is not implied.
func EnsureAdminLowered(ctx context.Context, m *sqlrepo.Members, tenant int64) error {
	if _, err := m.FindLowered(ctx, tenant, "admin"); errors.Is(err, sql.ErrNoRows) { // want `EnsureAdminLowered: FindLowered \(lookup on members \(tenant_id, role\)`
		return m.Add(ctx, tenant, "admin")
	}
	return nil
}

// Named negative: one admin per tenant, backed by the partial index.
func nopeAdmin(ctx context.Context, m *sqlrepo.Members, tenant int64) error {
	if _, err := m.Find(ctx, tenant, "admin"); errors.Is(err, sql.ErrNoRows) {
		return m.Add(ctx, tenant, "admin")
	}
	return nil
}

func EnsureUserName(ctx context.Context, u *sqlrepo.Users, name string) error {
	if _, err := u.FindBy(ctx, "name", name); errors.Is(err, sql.ErrNoRows) { // want `EnsureUserName: FindBy \(lookup on users \(name\), sqlrepo/sqlrepo.go:\d+\) then Add \(insert into users`
		return u.Add(ctx, "", name)
	}
	return nil
}

func EnsureUserQuery(ctx context.Context, u *sqlrepo.Users, name string) error {
	if _, err := u.QueryID(ctx, "SELECT id FROM users WHERE name = $1", name); errors.Is(err, sql.ErrNoRows) { // want `EnsureUserQuery: QueryID \(lookup on users \(name\)`
		return u.Add(ctx, "", name)
	}
	return nil
}

// Named negatives.

// users(email) is unique.
func nopeUserEmail(ctx context.Context, u *sqlrepo.Users, email string) error {
	if _, err := u.FindBy(ctx, "email", email); errors.Is(err, sql.ErrNoRows) {
		return u.Add(ctx, email, "")
	}
	return nil
}

// A count: the helper's results were read as a row's.
func nopeUserCount(ctx context.Context, u *sqlrepo.Users, name string) error {
	if _, err := u.QueryID(ctx, "SELECT count(*) FROM users WHERE name = $1", name); errors.Is(err, sql.ErrNoRows) {
		return u.Add(ctx, "", name)
	}
	return nil
}

// A column that is not a constant: unknown (-strict).
func nopeUserColumn(ctx context.Context, u *sqlrepo.Users, column, v string) error {
	if _, err := u.FindBy(ctx, column, v); errors.Is(err, sql.ErrNoRows) {
		return u.Add(ctx, v, v)
	}
	return nil
}

func EnsureIn(ctx context.Context, u *sqlrepo.Users, name string) error {
	if _, err := u.FindIn(ctx, "users", name); errors.Is(err, sql.ErrNoRows) { // want `EnsureIn: FindIn \(lookup on users \(name\)`
		return u.Add(ctx, "", name)
	}
	return nil
}

func RegisterName(ctx context.Context, u *sqlrepo.Users, name string) error {
	if u.NameTaken(ctx, name) { // want `RegisterName: NameTaken \(lookup on users \(name\), sqlrepo/sqlrepo.go:\d+\) then Add \(insert into users, sqlrepo/sqlrepo.go:\d+\): no unique constraint covers \(name\) on users`
		return errors.New("name taken")
	}
	return u.Add(ctx, "", name)
}

func nopeRegisterEmail(ctx context.Context, u *sqlrepo.Users, email string) error {
	if u.EmailTaken(ctx, email) {
		return errors.New("email taken")
	}
	return u.Add(ctx, email, "")
}

func nopeActiveIsNotFound(ctx context.Context, u *sqlrepo.Users, name string) error {
	if u.NameActive(ctx, name) {
		return nil
	}
	return u.Add(ctx, "", name)
}
