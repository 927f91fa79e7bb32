// Package sqlrepo is a database/sql repository whose lookups bind their
// callers' values.
package sqlrepo

import (
	"context"
	"database/sql"
)

type Members struct{ db *sql.DB }

// Find binds the tenant and the role its caller passes.
func (m *Members) Find(ctx context.Context, tenant int64, role string) (int64, error) { // want Find:`lookup members\(tenant_id,role\) err#1`
	var id int64
	err := m.db.QueryRowContext(ctx, "SELECT id FROM members WHERE tenant_id = $1 AND role = $2", tenant, role).Scan(&id)
	return id, err
}

// FindLowered binds a value the helper computes: the caller's constant
// does not reach the query.
func (m *Members) FindLowered(ctx context.Context, tenant int64, role string) (int64, error) { // want FindLowered:`lookup members\(tenant_id,role\) err#1`
	var id int64
	lowered := role + ""
	err := m.db.QueryRowContext(ctx, "SELECT id FROM members WHERE tenant_id = $1 AND role = $2", tenant, lowered).Scan(&id)
	return id, err
}

func (m *Members) Add(ctx context.Context, tenant int64, role string) error { // want Add:`insert members`
	_, err := m.db.ExecContext(ctx, "INSERT INTO members (tenant_id, role) VALUES ($1, $2)", tenant, role)
	return err
}

type Users struct{ db *sql.DB }

// FindBy builds its WHERE from the column its caller names.
func (u *Users) FindBy(ctx context.Context, column string, v any) (int64, error) { // want FindBy:`lookup users\(where\("SELECT id FROM users WHERE "\+\$1\+" = \$1", \$2\)\) err#1`
	var id int64
	err := u.db.QueryRowContext(ctx, "SELECT id FROM users WHERE "+column+" = $1", v).Scan(&id)
	return id, err
}

// QueryID runs the query its caller passes.
func (u *Users) QueryID(ctx context.Context, query string, args ...any) (int64, error) { // want QueryID:`lookup \(where\(\$1, \$2...\)\) err#1`
	var id int64
	err := u.db.QueryRowContext(ctx, query, args...).Scan(&id)
	return id, err
}

func (u *Users) Add(ctx context.Context, email, name string) error { // want Add:`insert users`
	_, err := u.db.ExecContext(ctx, "INSERT INTO users (email, name) VALUES ($1, $2)", email, name)
	return err
}

// FindIn takes the table too: which table it reads is its caller's.
func (u *Users) FindIn(ctx context.Context, table, name string) (int64, error) { // want FindIn:`lookup \(where\("SELECT id FROM "\+\$1\+" WHERE name = \$1", \$2\)\) err#1`
	var id int64
	err := u.db.QueryRowContext(ctx, "SELECT id FROM "+table+" WHERE name = $1", name).Scan(&id)
	return id, err
}

// NameTaken is the exists helper of hand-written stores: SELECT true
// scanned into a bool, the error dropped. The bool stays false when no
// row matched.
func (u *Users) NameTaken(ctx context.Context, name string) bool { // want NameTaken:`lookup users\(name\) bool#0$`
	var taken bool
	u.db.QueryRowContext(ctx, "SELECT true FROM users WHERE name = $1 LIMIT 1", name).Scan(&taken)
	return taken
}

// EmailTaken is the same helper on a unique column.
func (u *Users) EmailTaken(ctx context.Context, email string) bool { // want EmailTaken:`lookup users\(email\) bool#0$`
	var taken bool
	u.db.QueryRowContext(ctx, "SELECT 1 FROM users WHERE email = $1", email).Scan(&taken)
	return taken
}

// NameActive scans a column: false is a row's value as well as no row,
// so the result does not say whether a row was found.
func (u *Users) NameActive(ctx context.Context, name string) bool { // want NameActive:`lookup users\(name\) unclear`
	var active bool
	u.db.QueryRowContext(ctx, "SELECT active FROM users WHERE name = $1", name).Scan(&active)
	return active
}
