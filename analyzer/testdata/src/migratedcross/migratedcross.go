// Package migratedcross checks lookups on a model of another package
// against keys found only in migrations.
package migratedcross

import (
	"gorm.io/gorm"

	"migmodels"
)

func nopeExpressionIndexBacksPlainLookup(db *gorm.DB, email string) {
	var a migmodels.Account
	db.Where("email = ?", email).FirstOrCreate(&a)
}

func nopeSameExpression(db *gorm.DB, email string) {
	var a migmodels.Account
	db.Where("lower(email) = lower(?)", email).FirstOrCreate(&a)
}

func nopeKeyAddedLater(db *gorm.DB, ref string) {
	var a migmodels.Account
	db.Where(migmodels.Account{Ref: ref}).FirstOrCreate(&a)
}

func keyDropped(db *gorm.DB, code string) {
	var a migmodels.Account
	db.Where("old_code = ?", code).FirstOrCreate(&a) // want `FirstOrCreate on accounts looks up \(old_code\) but no unique constraint covers it; concurrent calls can insert duplicates: add a unique index in a migration: CREATE UNIQUE INDEX CONCURRENTLY idx_accounts_old_code ON accounts \(old_code\) WHERE deleted_at IS NULL$`
}

func nopePartialIndexImpliedBySoftDelete(db *gorm.DB, nick string) {
	var a migmodels.Account
	db.Where(migmodels.Account{Nickname: nick}).FirstOrCreate(&a)
}

func partialIndexNotImpliedWhenUnscoped(db *gorm.DB, nick string) {
	var a migmodels.Account
	db.Unscoped().Where("nickname = ?", nick).FirstOrCreate(&a) // want `looks up \(nickname\) but no unique constraint covers it \(unique index accounts_nickname_live \(nickname\) where deleted_at is null is partial`
}

func nopeRenamedColumnKeepsItsKey(db *gorm.DB, zone string) {
	var a migmodels.Account
	db.Where("zone = ?", zone).FirstOrCreate(&a)
}

func nullableKeyColumn(db *gorm.DB, tenant *uint, handle string) {
	var a migmodels.Account
	db.Where(map[string]any{"tenant_id": tenant, "handle": handle}).FirstOrCreate(&a) // want `looks up \(tenant_id, handle\) but no unique constraint covers it \(unique index accounts_tenant_handle \(tenant_id, handle\) does not help when tenant_id is NULL: NULLs never conflict\).*CREATE UNIQUE INDEX CONCURRENTLY idx_accounts_tenant_id_handle ON accounts \(tenant_id, handle\) NULLS NOT DISTINCT WHERE deleted_at IS NULL$`
}

func nopeNonNullKeyColumn(db *gorm.DB, tenant uint, handle string) {
	var a migmodels.Account
	db.Where(map[string]any{"tenant_id": tenant, "handle": handle}).FirstOrCreate(&a)
}

func nopeKeyFromCompositeSubset(db *gorm.DB, tenant uint, handle, nick string) {
	var a migmodels.Account
	db.Where("tenant_id = ? AND handle = ? AND nickname = ?", tenant, handle, nick).FirstOrCreate(&a)
}
