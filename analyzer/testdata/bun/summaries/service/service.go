// Package service gets or creates tags through the repository.
package service

import (
	"context"
	"database/sql"
	"errors"

	"example.com/buncases/models"
	"example.com/buncases/summaries/repo"
)

func EnsureTag(ctx context.Context, r *repo.Tags, name string) error {
	_, err := r.ByName(ctx, name) // want `^EnsureTag: ByName \(lookup on tags \(name\), summaries/repo/repo\.go:25\) then Create \(insert into tags, summaries/repo/repo\.go:71\): no unique constraint covers \(name\) on tags \(model Tag\); concurrent calls can insert duplicates: add bun:",unique" to Tag\.Name or a unique index on tags\(name\); then make the insert NewInsert\(\)\.\.\.On\("CONFLICT \(name\) DO NOTHING"\) and select the row again when it inserts nothing \(PostgreSQL, SQLite\), or NewInsert\(\)\.\.\.Ignore\(\) \(MySQL\)$`
	if errors.Is(err, sql.ErrNoRows) {
		return r.Create(ctx, name)
	}
	return err
}

func EnsureLoaded(ctx context.Context, r *repo.Tags, name string) error {
	var t models.Tag
	if err := r.Load(ctx, &t, name); err == sql.ErrNoRows { // want `EnsureLoaded: Load \(lookup on tags \(name\)`
		return r.Create(ctx, name)
	}
	return nil
}

func EnsureBySentinel(ctx context.Context, r *repo.Tags, name string) error {
	if _, err := r.Get(ctx, name); errors.Is(err, repo.ErrNotFound) { // want `EnsureBySentinel: Get \(lookup on tags \(name\)`
		return r.Create(ctx, name)
	}
	return nil
}

func EnsureFree(ctx context.Context, r *repo.Tags, name string) error {
	taken, err := r.Taken(ctx, name) // want `EnsureFree: Taken \(lookup on tags \(name\)`
	if err != nil || taken {
		return err
	}
	return r.Create(ctx, name)
}

// Account emails are unique: nothing to report.
func EnsureAccount(ctx context.Context, r *repo.Tags, email string) error {
	_, err := r.ByEmail(ctx, email)
	if errors.Is(err, sql.ErrNoRows) {
		return r.CreateAccount(ctx, email)
	}
	return err
}

// An empty list is no error: the insert after it is not on a not-found
// path a caller can see, and stays silent without -strict.
func EnsureListed(ctx context.Context, r *repo.Tags, name string) error {
	ts, err := r.Named(ctx, name)
	if err != nil {
		return err
	}
	if len(ts) == 0 {
		return r.Create(ctx, name)
	}
	return nil
}

// The insert runs where a row was found: no get-or-create.
func CopyTag(ctx context.Context, r *repo.Tags, name string) error { // want CopyTag:`lookup tags\(name\) err#0`
	if _, err := r.ByName(ctx, name); err != nil {
		return err
	}
	return r.Create(ctx, name+" copy")
}

// Cached's nil tag does not tell a miss: no finding.
func EnsureCachedNil(ctx context.Context, r *repo.Tags, name string) error { // want EnsureCachedNil:`lookup tags\(name\) err#0`
	t, err := r.Cached(ctx, name)
	if err != nil {
		return err
	}
	if t == nil {
		return r.Create(ctx, name)
	}
	return nil
}

func EnsureCachedErr(ctx context.Context, r *repo.Tags, name string) error {
	_, err := r.Cached(ctx, name) // want `EnsureCachedErr: Cached \(lookup on tags \(name\)`
	if errors.Is(err, sql.ErrNoRows) {
		return r.Create(ctx, name)
	}
	return err
}

// The fix is a unique tag group on both fields, as for the same lookup in
// one function.
func EnsureOrgAccount(ctx context.Context, r *repo.Tags, org int64, name string) error {
	_, err := r.ByOrgName(ctx, org, name) // want `^EnsureOrgAccount: ByOrgName \(lookup on accounts \(name, org_id\), summaries/repo/accounts\.go:12\) then CreateAccount \(insert into accounts, summaries/repo/repo\.go:76\): no unique constraint covers \(name, org_id\) on accounts \(model Account\) \(unique constraint org_handle \(org_id, handle\) also needs handle\); concurrent calls can insert duplicates: include handle in the lookup, or add bun:",unique:idx_accounts_name_org_id" to Account\.Name and Account\.OrgID or a unique index on accounts\(name, org_id\); then make the insert NewInsert\(\)\.\.\.On\("CONFLICT \(name, org_id\) DO NOTHING"\) and select the row again when it inserts nothing \(PostgreSQL, SQLite\), or NewInsert\(\)\.\.\.Ignore\(\) \(MySQL\)$`
	if errors.Is(err, sql.ErrNoRows) {
		return r.CreateAccount(ctx, name)
	}
	return err
}
