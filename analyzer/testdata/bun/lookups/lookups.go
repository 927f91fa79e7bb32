// Package lookups has one get-or-create per way of running a bun SELECT,
// on columns no key covers, and the same on keys the tags declare, which
// nothing reports.
package lookups

import (
	"context"
	"database/sql"
	"errors"

	"github.com/uptrace/bun"

	"example.com/buncases/models"
)

func scanThenInsert(ctx context.Context, db *bun.DB, name string) (*models.Account, error) {
	var a models.Account
	err := db.NewSelect().Model(&a).Where("name = ?", name).Scan(ctx) // want `^NewSelect\(\)\.Scan then NewInsert\(\)\.Exec \(line 21\) on accounts looks up \(name\) but no unique constraint covers it; concurrent calls can insert duplicates: add bun:",unique" to Account\.Name or a unique index on accounts\(name\); then make the insert NewInsert\(\)\.\.\.On\("CONFLICT \(name\) DO NOTHING"\)`
	if errors.Is(err, sql.ErrNoRows) {
		a = models.Account{Name: name}
		_, err = db.NewInsert().Model(&a).Exec(ctx)
	}
	return &a, err
}

func exists(ctx context.Context, db bun.IDB, name string) error {
	ok, err := db.NewSelect().Model((*models.Tag)(nil)).Where("name = ?", name).Exists(ctx) // want `^NewSelect\(\)\.Exists then NewInsert\(\)\.Exec \(line 32\) on tags looks up \(name\)`
	if err != nil {
		return err
	}
	if !ok {
		_, err = db.NewInsert().Model(&models.Tag{Name: name}).Exec(ctx)
	}
	return err
}

func count(ctx context.Context, tx bun.Tx, name string) error {
	n, err := tx.NewSelect().Model((*models.Tag)(nil)).Where("name = ?", name).Count(ctx) // want `^NewSelect\(\)\.Count then NewInsert\(\)\.Exec \(line 43\) on tags looks up \(name\)`
	if err != nil {
		return err
	}
	if n == 0 {
		_, err = tx.NewInsert().Model(&models.Tag{Name: name}).Exec(ctx)
	}
	return err
}

// The query is stored in a variable and run later.
func stored(ctx context.Context, db *bun.DB, name string) error {
	var t models.Tag
	q := db.NewSelect().Model(&t).Where("name = ?", name)
	if err := q.Scan(ctx); err == sql.ErrNoRows { // want `^NewSelect\(\)\.Scan then NewInsert\(\)\.Exec \(line 53\) on tags looks up \(name\)`
		_, err = db.NewInsert().Model(&t).Exec(ctx)
		return err
	}
	return nil
}

// A group key: the lookup pins only one of its columns.
func partOfGroup(ctx context.Context, db *bun.DB, org int64) error {
	var a models.Account
	err := db.NewSelect().Model(&a).Where("org_id = ?", org).Limit(1).Scan(ctx) // want `looks up \(org_id\) but no unique constraint covers it \(unique constraint org_handle \(org_id, handle\) also needs handle\); concurrent calls can insert duplicates: include handle in the lookup`
	if errors.Is(err, sql.ErrNoRows) {
		_, err = db.NewInsert().Model(&models.Account{OrgID: org}).Exec(ctx)
	}
	return err
}

// Backed by the unique tag on email: not reported.
func byEmail(ctx context.Context, db *bun.DB, email string) error {
	var a models.Account
	err := db.NewSelect().Model(&a).Where("email = ?", email).Scan(ctx)
	if errors.Is(err, sql.ErrNoRows) {
		_, err = db.NewInsert().Model(&models.Account{Email: email}).Exec(ctx)
	}
	return err
}

// Backed by the group key: not reported.
func byGroup(ctx context.Context, db *bun.DB, org int64, handle string) error {
	var a models.Account
	err := db.NewSelect().Model(&a).Where("org_id = ? AND handle = ?", org, handle).Scan(ctx)
	if errors.Is(err, sql.ErrNoRows) {
		_, err = db.NewInsert().Model(&models.Account{OrgID: org, Handle: handle}).Exec(ctx)
	}
	return err
}

// Backed by the primary key: not reported.
func byPK(ctx context.Context, db *bun.DB, id int64) error {
	a := models.Account{ID: id}
	err := db.NewSelect().Model(&a).WherePK().Scan(ctx)
	if errors.Is(err, sql.ErrNoRows) {
		_, err = db.NewInsert().Model(&a).Exec(ctx)
	}
	return err
}

// The insert runs where the lookup found a row: not a get-or-create.
func insertWhenFound(ctx context.Context, db *bun.DB, name string) error {
	var t models.Tag
	err := db.NewSelect().Model(&t).Where("name = ?", name).Scan(ctx)
	if err == nil {
		_, err = db.NewInsert().Model(&models.Tag{Name: name + " copy"}).Exec(ctx)
	}
	return err
}

// The insert is into another table: not a get-or-create.
func otherTable(ctx context.Context, db *bun.DB, name string) error { // want otherTable:`lookup tags\(name\) unclear`
	var t models.Tag
	err := db.NewSelect().Model(&t).Where("name = ?", name).Scan(ctx)
	if errors.Is(err, sql.ErrNoRows) {
		_, err = db.NewInsert().Model(&models.Account{Name: name}).Exec(ctx)
	}
	return err
}

// The insert skips a conflicting row: atomic, not a get-or-create (the
// upsert itself is checked in package upserts).
func insertIgnore(ctx context.Context, db *bun.DB, email string) error { // want insertIgnore:`lookup accounts\(email\) unclear`
	var a models.Account
	err := db.NewSelect().Model(&a).Where("email = ?", email).Scan(ctx)
	if errors.Is(err, sql.ErrNoRows) {
		_, err = db.NewInsert().Model(&models.Account{Email: email}).On("CONFLICT (email) DO NOTHING").Exec(ctx)
	}
	return err
}

// A soft-deleted model backed by a key that holds deleted rows.
func softDeleted(ctx context.Context, db *bun.DB, slug string) error {
	var n models.Note
	err := db.NewSelect().Model(&n).Where("slug = ?", slug).Scan(ctx) // want `^NewSelect\(\)\.Scan then NewInsert\(\)\.Exec on notes looks up \(slug\) among rows that are not soft-deleted, but unique constraint \(slug\) also holds soft-deleted rows`
	if errors.Is(err, sql.ErrNoRows) {
		_, err = db.NewInsert().Model(&models.Note{Slug: slug}).Exec(ctx)
	}
	return err
}

// WhereAllWithDeleted sees deleted rows too: backed, and no conflict.
func allRows(ctx context.Context, db *bun.DB, slug string) error {
	var n models.Note
	err := db.NewSelect().Model(&n).WhereAllWithDeleted().Where("slug = ?", slug).Scan(ctx)
	if errors.Is(err, sql.ErrNoRows) {
		_, err = db.NewInsert().Model(&models.Note{Slug: slug}).Exec(ctx)
	}
	return err
}

// The builder is changed on a line of its own: the conditions cannot be
// told, so nothing is reported (see package strict).
func changedBuilder(ctx context.Context, db *bun.DB, name string, extra bool) error {
	var t models.Tag
	q := db.NewSelect().Model(&t).Where("name = ?", name)
	if extra {
		q.Where("id > 0")
	}
	err := q.Scan(ctx)
	if errors.Is(err, sql.ErrNoRows) {
		_, err = db.NewInsert().Model(&t).Exec(ctx)
	}
	return err
}
