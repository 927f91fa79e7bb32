// Package repo is a parametric repository layer: the columns, the
// conditions and the values of its lookups come from its callers.
package repo

import (
	"context"
	"errors"
	"fmt"

	"gorm.io/gorm"
)

type User struct {
	ID    uint
	Email string
	Name  string
}

type Account struct {
	ID    uint
	Email string `gorm:"uniqueIndex"`
	Name  string
}

// Member: one admin per tenant.
type Member struct {
	ID       uint
	TenantID uint `gorm:"uniqueIndex:idx_one_admin,where:role = 'admin'"`
	Role     string
}

type Repo struct{ db *gorm.DB }

// FindBy looks up by the column its caller names.
func (r *Repo) FindBy(ctx context.Context, column string, v any) (*User, error) { // want FindBy:`lookup users\(where\(\$1\+" = \?", \$2\)\) err#1`
	var u User
	err := r.db.WithContext(ctx).Where(column+" = ?", v).First(&u).Error
	return &u, err
}

// FindByFormatted builds the condition with fmt.Sprintf.
func (r *Repo) FindByFormatted(column string, v any) (*User, error) { // want FindByFormatted:`lookup users\(where\(\$0\+" = \?", \$1\)\) err#1`
	var u User
	err := r.db.Where(fmt.Sprintf("%s = ?", column), v).First(&u).Error
	return &u, err
}

// FindByMap builds a map condition.
func (r *Repo) FindByMap(column string, v any) (*User, error) { // want FindByMap:`lookup users\(where\(\{\$0: \$1\}\)\) err#1`
	var u User
	err := r.db.Where(map[string]any{column: v}).First(&u).Error
	return &u, err
}

// FindOne takes the whole condition.
func (r *Repo) FindOne(query any, args ...any) (*User, error) { // want FindOne:`lookup users\(where\(\$0, \$1...\)\) err#1`
	var u User
	err := r.db.Where(query, args...).First(&u).Error
	return &u, err
}

// FindFirst passes its conditions inline.
func (r *Repo) FindFirst(conds ...any) (*User, error) { // want FindFirst:`lookup users\(where\(\$0...\)\) err#1`
	var u User
	err := r.db.First(&u, conds...).Error
	return &u, err
}

// FindAccountBy looks up accounts, whose email is unique.
func (r *Repo) FindAccountBy(column string, v any) (*Account, error) { // want FindAccountBy:`lookup accounts\(where\(\$0\+" = \?", \$1\)\) err#1`
	var a Account
	err := r.db.Where(column+" = ?", v).First(&a).Error
	return &a, err
}

// FindMember's terms are fixed; the role's value is the caller's.
func (r *Repo) FindMember(tenant uint, role string) (*Member, error) { // want FindMember:`lookup members\(tenant_id,role\) err#1`
	var m Member
	err := r.db.Where("tenant_id = ? AND role = ?", tenant, role).First(&m).Error
	return &m, err
}

// FindByLowered changes its parameter before the lookup: the column is
// not the caller's.
func (r *Repo) FindByLowered(column string, v any) (*User, error) { // want FindByLowered:`lookup users\(\) err#1`
	column = "lower(" + column + ")"
	var u User
	err := r.db.Where(column+" = ?", v).First(&u).Error
	return &u, err
}

func (r *Repo) Create(ctx context.Context, u *User) error { // want Create:`insert users`
	return r.db.WithContext(ctx).Create(u).Error
}

func (r *Repo) CreateAccount(a *Account) error { // want CreateAccount:`insert accounts`
	return r.db.Create(a).Error
}

func (r *Repo) CreateMember(m *Member) error { // want CreateMember:`insert members`
	return r.db.Create(m).Error
}

// GetOrCreateBy looks up by the column it is given and inserts through
// Create: its own lookup's column is unknown here, so nothing is said.
func (r *Repo) GetOrCreateBy(ctx context.Context, column string, v any, u *User) error {
	var found User
	err := r.db.Where(column+" = ?", v).First(&found).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return r.Create(ctx, u)
	}
	return err
}

// FindByColumn passes the column as GORM's Where(column, value).
func (r *Repo) FindByColumn(column string, v any) (*User, error) { // want FindByColumn:`lookup users\(where\(\$0, \$1\)\) err#1`
	var u User
	err := r.db.Where(column, v).First(&u).Error
	return &u, err
}
