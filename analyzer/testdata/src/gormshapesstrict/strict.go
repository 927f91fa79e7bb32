// Package gormshapesstrict shows, under -strict, why the shapes the
// linter leaves silent cannot be checked.
package gormshapesstrict

import (
	"context"
	"errors"

	"gorm.io/gorm"
)

type Member struct {
	ID     uint
	Email  string
	Status string
}

func joinedTableCondition(db *gorm.DB, email, company string) {
	var m Member
	db.Joins("Company").Where("members.email = ? AND Company.name = ?", email, company).FirstOrCreate(&m) // want `lookup columns unknown \(a condition names another table \(company\)\)`
}

func joinedUnknownColumn(db *gorm.DB, name string) {
	var m Member
	db.Joins("JOIN companies ON companies.id = members.company_id").Where("name = ?", name).FirstOrCreate(&m) // want `lookup columns unknown \(the query joins another table and name is not a column of Member\)`
}

func scopeFromParameter(db *gorm.DB, scope func(*gorm.DB) *gorm.DB, email string) {
	var m Member
	db.Scopes(scope).Where("email = ?", email).FirstOrCreate(&m) // want `lookup columns unknown \(a scope's body is not visible in the package\)`
}

func changedMap(db *gorm.DB, email, status string) {
	cond := map[string]any{"email": email}
	cond["status"] = status
	var m Member
	db.Where(cond).FirstOrCreate(&m) // want `lookup columns unknown \(the map condition is not a literal\)`
}

func rawNotConstant(db *gorm.DB, query, email string) {
	var m Member
	db.Raw(query, email).Scan(&m) // want `Raw Scan then Create: lookup columns unknown \(the raw SQL is not a constant\)`
	if m.ID == 0 {
		db.Create(&Member{Email: email})
	}
}

func genericOr(ctx context.Context, db *gorm.DB, email string) {
	if _, err := gorm.G[Member](db).Where("email = ?", email).Or("status = ?", "x").First(ctx); errors.Is(err, gorm.ErrRecordNotFound) { // want `First then Create on members: lookup columns unknown \(the chain calls Or\)`
		gorm.G[Member](db).Create(ctx, &Member{Email: email})
	}
}

func onlyNegated(db *gorm.DB) {
	var m Member
	db.Not("status = ?", "banned").FirstOrCreate(&m) // want `lookup columns unknown \(the lookup has only negated conditions\)`
}

func notBanned(db *gorm.DB) *gorm.DB { return db.Not("status = ?", "banned") }

func onlyNegatedInScope(db *gorm.DB) {
	var m Member
	db.Scopes(notBanned).FirstOrCreate(&m) // want `lookup columns unknown \(the lookup has only negated conditions\)`
}
