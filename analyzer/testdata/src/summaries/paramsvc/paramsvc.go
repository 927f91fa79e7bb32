// Package paramsvc gets or creates through the parametric repository:
// each call's arguments give the lookup its columns and values.
package paramsvc

import (
	"context"
	"errors"

	"gorm.io/gorm"

	"summaries/repo"
)

func EnsureByEmail(ctx context.Context, r *repo.Repo, email string) error {
	_, err := r.FindBy(ctx, "email", email) // want `EnsureByEmail: FindBy \(lookup on users \(email\), repo/repo\.go:37\) then Create \(insert into users, repo/repo\.go:93\): no unique constraint covers \(email\) on users \(model User\)`
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return r.Create(ctx, &repo.User{Email: email})
	}
	return err
}

func EnsureFormatted(ctx context.Context, r *repo.Repo, name string) error {
	if _, err := r.FindByFormatted("name", name); errors.Is(err, gorm.ErrRecordNotFound) { // want `EnsureFormatted: FindByFormatted \(lookup on users \(name\)`
		return r.Create(ctx, &repo.User{Name: name})
	}
	return nil
}

func EnsureMap(ctx context.Context, r *repo.Repo, email string) error {
	if _, err := r.FindByMap("email", email); errors.Is(err, gorm.ErrRecordNotFound) { // want `EnsureMap: FindByMap \(lookup on users \(email\)`
		return r.Create(ctx, &repo.User{Email: email})
	}
	return nil
}

func EnsureQuery(ctx context.Context, r *repo.Repo, email, name string) error {
	if _, err := r.FindOne("email = ? AND name = ?", email, name); errors.Is(err, gorm.ErrRecordNotFound) { // want `EnsureQuery: FindOne \(lookup on users \(email, name\)`
		return r.Create(ctx, &repo.User{Email: email, Name: name})
	}
	return nil
}

func EnsureStruct(ctx context.Context, r *repo.Repo, email string) error {
	if _, err := r.FindOne(&repo.User{Email: email}); errors.Is(err, gorm.ErrRecordNotFound) { // want `EnsureStruct: FindOne \(lookup on users \(email\)`
		return r.Create(ctx, &repo.User{Email: email})
	}
	return nil
}

func EnsureMapQuery(ctx context.Context, r *repo.Repo, name string) error {
	if _, err := r.FindOne(map[string]any{"name": name}); errors.Is(err, gorm.ErrRecordNotFound) { // want `EnsureMapQuery: FindOne \(lookup on users \(name\)`
		return r.Create(ctx, &repo.User{Name: name})
	}
	return nil
}

func EnsureInline(ctx context.Context, r *repo.Repo, email string) error {
	if _, err := r.FindFirst("email = ?", email); errors.Is(err, gorm.ErrRecordNotFound) { // want `EnsureInline: FindFirst \(lookup on users \(email\)`
		return r.Create(ctx, &repo.User{Email: email})
	}
	return nil
}

func EnsureAccountName(r *repo.Repo, name string) error {
	if _, err := r.FindAccountBy("name", name); errors.Is(err, gorm.ErrRecordNotFound) { // want `EnsureAccountName: FindAccountBy \(lookup on accounts \(name\)`
		return r.CreateAccount(&repo.Account{Name: name})
	}
	return nil
}

func EnsureMemberRole(r *repo.Repo, tenant uint, role string) error {
	if _, err := r.FindMember(tenant, role); errors.Is(err, gorm.ErrRecordNotFound) { // want `EnsureMemberRole: FindMember \(lookup on members \(tenant_id, role\)`
		return r.CreateMember(&repo.Member{TenantID: tenant, Role: role})
	}
	return nil
}

func EnsureMemberOwner(r *repo.Repo, tenant uint) error {
	if _, err := r.FindMember(tenant, "owner"); errors.Is(err, gorm.ErrRecordNotFound) { // want `EnsureMemberOwner: FindMember \(lookup on members \(tenant_id, role\), repo/repo\.go:79\) then CreateMember \(insert into members, repo/repo\.go:101\): no unique constraint covers \(tenant_id, role\) on members \(model Member\) \(unique index idx_one_admin \(tenant_id\) where role = 'admin' is partial and the lookup does not imply role = 'admin'\)`
		return r.CreateMember(&repo.Member{TenantID: tenant, Role: "owner"})
	}
	return nil
}

// Named negatives.

// The account's email is unique: the column substituted is backed.
func nopeAccountEmail(r *repo.Repo, email string) error {
	if _, err := r.FindAccountBy("email", email); errors.Is(err, gorm.ErrRecordNotFound) {
		return r.CreateAccount(&repo.Account{Email: email})
	}
	return nil
}

// The primary key backs a lookup by id.
func nopeByID(ctx context.Context, r *repo.Repo, id uint) error {
	if _, err := r.FindBy(ctx, "id", id); errors.Is(err, gorm.ErrRecordNotFound) {
		return r.Create(ctx, &repo.User{ID: id})
	}
	return nil
}

// One admin per tenant: the partial index backs the lookup of the admin.
func nopeMemberAdmin(r *repo.Repo, tenant uint) error {
	if _, err := r.FindMember(tenant, "admin"); errors.Is(err, gorm.ErrRecordNotFound) {
		return r.CreateMember(&repo.Member{TenantID: tenant, Role: "admin"})
	}
	return nil
}

// A column that is not a constant: the lookup is unknown (-strict).
func nopeColumnVariable(ctx context.Context, r *repo.Repo, column, v string) error {
	if _, err := r.FindBy(ctx, column, v); errors.Is(err, gorm.ErrRecordNotFound) {
		return r.Create(ctx, &repo.User{Email: v})
	}
	return nil
}

// The conditions are passed as a slice: unknown (-strict).
func nopeSpreadSlice(ctx context.Context, r *repo.Repo, conds []any) error {
	if _, err := r.FindOne("email = ?", conds...); errors.Is(err, gorm.ErrRecordNotFound) {
		return r.Create(ctx, &repo.User{})
	}
	return nil
}

// The helper rewrites its column before the lookup: unknown.
func nopeLowered(ctx context.Context, r *repo.Repo, email string) error {
	if _, err := r.FindByLowered("email", email); errors.Is(err, gorm.ErrRecordNotFound) {
		return r.Create(ctx, &repo.User{Email: email})
	}
	return nil
}

// The insert is on the found path.
func nopeFoundPath(ctx context.Context, r *repo.Repo, email string) error {
	if _, err := r.FindBy(ctx, "email", email); err == nil {
		return r.Create(ctx, &repo.User{Email: email})
	}
	return nil
}

// Users passes its own parameters on to the repository: its callers
// complete the lookups.
type Users struct{ r *repo.Repo }

func (s *Users) By(ctx context.Context, column string, v any) (*repo.User, error) { // want By:`lookup users\(where\(\$1\+" = \?", \$2\)\) err#1`
	return s.r.FindBy(ctx, column, v)
}

func (s *Users) Member(tenant uint, role string) (*repo.Member, error) { // want Member:`lookup members\(tenant_id,role\) err#1`
	return s.r.FindMember(tenant, role)
}

func (s *Users) Add(ctx context.Context, u *repo.User) error { // want Add:`insert users`
	return s.r.Create(ctx, u)
}

func (s *Users) AddMember(m *repo.Member) error { // want AddMember:`insert members`
	return s.r.CreateMember(m)
}

func EnsureThroughUsers(ctx context.Context, s *Users, email string) error {
	if _, err := s.By(ctx, "email", email); errors.Is(err, gorm.ErrRecordNotFound) { // want `EnsureThroughUsers: By \(lookup on users \(email\), repo/repo.go:\d+\) then Add \(insert into users`
		return s.Add(ctx, &repo.User{Email: email})
	}
	return nil
}

func EnsureThroughUsersOwner(s *Users, tenant uint) error {
	if _, err := s.Member(tenant, "owner"); errors.Is(err, gorm.ErrRecordNotFound) { // want `EnsureThroughUsersOwner: Member \(lookup on members \(tenant_id, role\).* WHERE role = 'owner'`
		return s.AddMember(&repo.Member{TenantID: tenant, Role: "owner"})
	}
	return nil
}

// The admin's lookup through the wrapper is backed by the partial index.
func nopeThroughUsersAdmin(s *Users, tenant uint) error {
	if _, err := s.Member(tenant, "admin"); errors.Is(err, gorm.ErrRecordNotFound) {
		return s.AddMember(&repo.Member{TenantID: tenant, Role: "admin"})
	}
	return nil
}

// The id through the wrapper: the primary key backs it.
func nopeThroughUsersID(ctx context.Context, s *Users, id uint) error {
	if _, err := s.By(ctx, "id", id); errors.Is(err, gorm.ErrRecordNotFound) {
		return s.Add(ctx, &repo.User{ID: id})
	}
	return nil
}

func EnsureByColumn(ctx context.Context, r *repo.Repo, name string) error {
	if _, err := r.FindByColumn("name", name); errors.Is(err, gorm.ErrRecordNotFound) { // want `EnsureByColumn: FindByColumn \(lookup on users \(name\)`
		return r.Create(ctx, &repo.User{Name: name})
	}
	return nil
}

// A method expression: the receiver is the first argument.
func EnsureByMethodExpr(ctx context.Context, r *repo.Repo, email string) error {
	if _, err := (*repo.Repo).FindBy(r, ctx, "email", email); errors.Is(err, gorm.ErrRecordNotFound) { // want `EnsureByMethodExpr: FindBy \(lookup on users \(email\)`
		return r.Create(ctx, &repo.User{Email: email})
	}
	return nil
}

// The id through a method expression: backed by the primary key.
func nopeByMethodExprID(ctx context.Context, r *repo.Repo, id uint) error {
	if _, err := (*repo.Repo).FindBy(r, ctx, "id", id); errors.Is(err, gorm.ErrRecordNotFound) {
		return r.Create(ctx, &repo.User{ID: id})
	}
	return nil
}

// A lookup with no conditions has no columns to name in the chain.
func EnsureAnyUser(ctx context.Context, r *repo.Repo) error {
	if _, err := r.AnyUser(); errors.Is(err, gorm.ErrRecordNotFound) { // want `^EnsureAnyUser: AnyUser \(lookup on users, repo/first\.go:6\) then Create \(insert into users, repo/repo\.go:93\): the lookup has no conditions, so it matches any row; concurrent calls can insert duplicates: pass the lookup columns as conditions$`
		return r.Create(ctx, &repo.User{Name: "first"})
	}
	return nil
}
