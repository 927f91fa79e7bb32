// Package migrated uses a model whose table a migration describes: its
// keys come from there, and fixes are migrations.
package migrated

import (
	"context"
	"database/sql"
	"errors"

	"github.com/uptrace/bun"
)

type Coupon struct {
	ID   int64 `bun:",pk,autoincrement"`
	Code string
	Name string
}

func byName(ctx context.Context, db *bun.DB, name string) error {
	var c Coupon
	err := db.NewSelect().Model(&c).Where("name = ?", name).Scan(ctx) // want `^NewSelect\(\)\.Scan then NewInsert\(\)\.Exec \(line 23\) on coupons looks up \(name\) but no unique constraint covers it; concurrent calls can insert duplicates: add a unique index in a migration: CREATE UNIQUE INDEX CONCURRENTLY idx_coupons_name ON coupons \(name\); then make the insert NewInsert\(\)\.\.\.On\("CONFLICT \(name\) DO NOTHING"\)`
	if errors.Is(err, sql.ErrNoRows) {
		_, err = db.NewInsert().Model(&Coupon{Name: name}).Exec(ctx)
	}
	return err
}

// The migration's unique index backs the lookup: not reported.
func byCode(ctx context.Context, db *bun.DB, code string) error {
	var c Coupon
	err := db.NewSelect().Model(&c).Where("code = ?", code).Scan(ctx)
	if errors.Is(err, sql.ErrNoRows) {
		_, err = db.NewInsert().Model(&Coupon{Code: code}).Exec(ctx)
	}
	return err
}
