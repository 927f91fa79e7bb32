// Package upserts has bun inserts with On(...) and Ignore(), checked as
// the SQL bun writes for them.
package upserts

import (
	"context"

	"github.com/uptrace/bun"

	"example.com/buncases/models"
)

// No key is exactly (name): PostgreSQL and SQLite reject the statement.
func targetNoKey(ctx context.Context, db *bun.DB, name string) error {
	_, err := db.NewInsert().Model(&models.Account{Name: name}).On("CONFLICT (name) DO NOTHING").Exec(ctx) // want `^Exec on accounts: the conflict target \(name\) matches no unique key; PostgreSQL and SQLite reject the INSERT at run time: add bun:",unique" to Account\.Name or a unique index on accounts\(name\)`
	return err
}

// One column of a group key is not the key.
func targetPartOfGroup(ctx context.Context, db *bun.DB, org int64) error {
	_, err := db.NewInsert().Model(&models.Account{OrgID: org}).On("CONFLICT (org_id) DO UPDATE").Set("name = EXCLUDED.name").Exec(ctx) // want `^Exec on accounts: the conflict target \(org_id\) matches no unique key \(unique constraint org_handle \(org_id, handle\) has other columns\)`
	return err
}

// The tag keys match: not reported.
func targetKey(ctx context.Context, db *bun.DB, email string) error {
	_, err := db.NewInsert().Model(&models.Account{Email: email}).On("CONFLICT (email) DO NOTHING").Exec(ctx)
	return err
}

func targetGroup(ctx context.Context, db *bun.DB, org int64, handle string) error {
	_, err := db.NewInsert().Model(&models.Account{OrgID: org, Handle: handle}).On("CONFLICT (handle, org_id) DO UPDATE").Set("name = EXCLUDED.name").Exec(ctx)
	return err
}

// Tag has no key but its generated primary key, which the insert leaves
// to the database: nothing can conflict.
func ignoreNoKey(ctx context.Context, db *bun.DB, name string) error {
	_, err := db.NewInsert().Model(&models.Tag{Name: name}).Ignore().Exec(ctx) // want `^Exec on tags: Ignore\(\) \(ON CONFLICT DO NOTHING\) only skips rows that conflict with a unique key, and tags has none but its primary key \(id\), which the insert does not set; every call inserts a row`
	return err
}

// The insert sets the primary key: it can conflict. Not reported.
func ignoreSetsKey(ctx context.Context, db *bun.DB, id int64, name string) error {
	_, err := db.NewInsert().Model(&models.Tag{ID: id, Name: name}).Ignore().Exec(ctx)
	return err
}

// A model held in a variable: whether the insert sets the key is not
// known, so nothing is reported.
func ignoreVariable(ctx context.Context, db *bun.DB, t *models.Tag) error {
	_, err := db.NewInsert().Model(t).Ignore().Exec(ctx)
	return err
}

// The conflict clause is built at run time: not read.
func onNotConstant(ctx context.Context, db *bun.DB, clause string) error {
	_, err := db.NewInsert().Model(&models.Tag{}).On(clause).Exec(ctx)
	return err
}
