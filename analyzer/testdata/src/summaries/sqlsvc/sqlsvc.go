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
