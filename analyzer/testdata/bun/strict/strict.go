// Package strict has get-or-creates whose lookup cannot be read: reported
// with -strict only, with the reason.
package strict

import (
	"context"
	"database/sql"
	"errors"

	"github.com/uptrace/bun"

	"example.com/buncases/models"
)

func changedBuilder(ctx context.Context, db *bun.DB, name string, extra bool) error {
	var t models.Tag
	q := db.NewSelect().Model(&t).Where("name = ?", name)
	if extra {
		q.Where("id > 0")
	}
	err := q.Scan(ctx) // want `^NewSelect\(\)\.Scan then NewInsert\(\)\.Exec on tags: lookup columns unknown \(the query is changed elsewhere\)`
	if errors.Is(err, sql.ErrNoRows) {
		_, err = db.NewInsert().Model(&t).Exec(ctx)
	}
	return err
}

func whereOr(ctx context.Context, db *bun.DB, a, b string) error {
	var t models.Tag
	err := db.NewSelect().Model(&t).Where("name = ?", a).WhereOr("name = ?", b).Scan(ctx) // want `lookup columns unknown \(the condition uses WhereOr\)`
	if errors.Is(err, sql.ErrNoRows) {
		_, err = db.NewInsert().Model(&t).Exec(ctx)
	}
	return err
}

func tableExpr(ctx context.Context, db *bun.DB, name string) error {
	var t models.Tag
	err := db.NewSelect().Model(&t).TableExpr("archived_tags").Where("name = ?", name).Scan(ctx) // want `lookup columns unknown \(the table is named by TableExpr\)`
	if errors.Is(err, sql.ErrNoRows) {
		_, err = db.NewInsert().Model(&t).Exec(ctx)
	}
	return err
}
