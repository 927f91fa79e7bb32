// Package gormshapes checks the GORM shapes whose conditions are known
// although the chain is not a plain Where: Not, Joins on the base table's
// columns, scopes of the package, conditions held in local variables, Raw
// SELECTs, and lookups whose misses are inserted in one batch.
package gormshapes

import (
	"errors"

	"gorm.io/gorm"
)

type Company struct {
	ID   uint
	Name string
}

type Member struct {
	ID        uint
	Email     string
	Status    string
	CompanyID uint
	Company   Company
}

type Badge struct {
	ID   uint
	Code string `gorm:"uniqueIndex"`
}

// Not narrows the lookup: the equalities stay the key.
func notNarrows(db *gorm.DB, email string) {
	var m Member
	db.Where("email = ?", email).Not("status = ?", "banned").FirstOrCreate(&m) // want `^FirstOrCreate on members looks up \(email\) but no unique constraint covers it`
}

func notWithStruct(db *gorm.DB, email string) {
	var m Member
	db.Where(Member{Email: email}).Not(Member{Status: "banned"}).FirstOrCreate(&m) // want `FirstOrCreate on members looks up \(email\)`
}

func notOnBackedLookup(db *gorm.DB, code string) {
	var b Badge
	db.Where("code = ?", code).Not("id = ?", 0).FirstOrCreate(&b)
}

// Joins: conditions on the model's own columns keep the lookup known.
func joinsBaseColumns(db *gorm.DB, email string) {
	var m Member
	db.Joins("Company").Where("members.email = ?", email).FirstOrCreate(&m) // want `FirstOrCreate on members looks up \(email\)`
}

func joinsUnqualifiedModelColumn(db *gorm.DB, email string) {
	var m Member
	db.Joins("JOIN companies ON companies.id = members.company_id").Where("email = ?", email).FirstOrCreate(&m) // want `FirstOrCreate on members looks up \(email\)`
}

func joinsStructCondition(db *gorm.DB, email string) {
	var m Member
	db.InnerJoins("Company").Where(&Member{Email: email}).FirstOrCreate(&m) // want `FirstOrCreate on members looks up \(email\)`
}

func nopeJoinsJoinedTableCondition(db *gorm.DB, email, company string) {
	var m Member
	db.Joins("Company").Where("members.email = ? AND Company.name = ?", email, company).FirstOrCreate(&m)
}

func nopeJoinsColumnNotOfModel(db *gorm.DB, email, name string) {
	var m Member
	db.Joins("JOIN companies ON companies.id = members.company_id").Where("email = ? AND name = ?", email, name).FirstOrCreate(&m)
}

func nopeJoinsMapKeyOfJoinedTable(db *gorm.DB, name string) {
	var m Member
	db.Joins("Company").Where(map[string]any{"companies.name": name}).FirstOrCreate(&m)
}

// Scopes of the package: a function, a function returning one, a literal.
func activeMembers(db *gorm.DB) *gorm.DB { return db.Where("status = ?", "active") }

func byEmail(email string) func(*gorm.DB) *gorm.DB {
	return func(db *gorm.DB) *gorm.DB { return db.Where("email = ?", email) }
}

func scopesRead(db *gorm.DB, email string) {
	var m Member
	db.Scopes(activeMembers, byEmail(email)).FirstOrCreate(&m) // want `FirstOrCreate on members looks up \(status, email\)`
}

func scopeLiteral(db *gorm.DB, email string) {
	var m Member
	db.Scopes(func(tx *gorm.DB) *gorm.DB { return tx.Where(Member{Email: email}) }).FirstOrCreate(&m) // want `FirstOrCreate on members looks up \(email\)`
}

func scopeBacked(db *gorm.DB, code string) {
	var b Badge
	db.Scopes(func(tx *gorm.DB) *gorm.DB { return tx.Where("code = ?", code) }).FirstOrCreate(&b)
}

func conditionalScope(db *gorm.DB) *gorm.DB {
	if db == nil {
		return db
	}
	return db.Where("status = ?", "active")
}

func nopeScopeWithBranches(db *gorm.DB, email string) {
	var m Member
	db.Scopes(conditionalScope).Where("email = ?", email).FirstOrCreate(&m)
}

func nopeScopeFromParameter(db *gorm.DB, scope func(*gorm.DB) *gorm.DB, email string) {
	var m Member
	db.Scopes(scope).Where("email = ?", email).FirstOrCreate(&m)
}

func otherDB(*gorm.DB) *gorm.DB { return nil }

func nopeScopeIgnoresItsParameter(db *gorm.DB, email string) {
	var m Member
	db.Scopes(otherDB).Where("email = ?", email).FirstOrCreate(&m)
}

// Conditions held in a local variable assigned once from a literal.
func structInVariable(db *gorm.DB, email string) {
	cond := Member{Email: email}
	var m Member
	db.Where(cond).FirstOrCreate(&m) // want `FirstOrCreate on members looks up \(email\)`
}

func mapInVariable(db *gorm.DB, email string) {
	cond := map[string]any{"email": email, "status": "active"}
	var m Member
	if err := db.Where(cond).First(&m).Error; errors.Is(err, gorm.ErrRecordNotFound) { // want `First then Create \(line 135\) on members looks up \(email, status\)`
		db.Create(&Member{Email: email, Status: "active"})
	}
}

func nopeStructChangedAfter(db *gorm.DB, email, status string) {
	cond := Member{Email: email}
	if status != "" {
		cond.Status = status
	}
	var m Member
	db.Where(cond).FirstOrCreate(&m)
}

func nopeMapChangedAfter(db *gorm.DB, email, status string) {
	cond := map[string]any{"email": email}
	cond["status"] = status
	var m Member
	db.Where(cond).FirstOrCreate(&m)
}

func fill(map[string]any) {}

func nopeMapPassedAway(db *gorm.DB, email string) {
	cond := map[string]any{"email": email}
	fill(cond)
	var m Member
	db.Where(cond).FirstOrCreate(&m)
}

func nopeAssignedTwice(db *gorm.DB, email string, byStatus bool) {
	cond := Member{Email: email}
	if byStatus {
		cond = Member{Status: "active"}
	}
	var m Member
	db.Where(cond).FirstOrCreate(&m)
}

func nopeOnlyNegated(db *gorm.DB) {
	var m Member
	db.Not("status = ?", "banned").FirstOrCreate(&m)
}

func nopeMapAliased(db *gorm.DB, email, status string) {
	cond := map[string]any{"email": email}
	alias := cond
	alias["status"] = status
	var m Member
	db.Where(cond).FirstOrCreate(&m)
}

func nopePointerChangedThroughStar(db *gorm.DB, email, status string) {
	cond := &Member{Email: email}
	(*cond).Status = status
	var m Member
	db.Where(cond).FirstOrCreate(&m)
}

func pointerInVariable(db *gorm.DB, email string) {
	cond := &Member{Email: email}
	var m Member
	db.Where(cond).FirstOrCreate(&m) // want `FirstOrCreate on members looks up \(email\)`
}

func nopeJoinsShorthandOfJoinedTable(db *gorm.DB, name string) {
	var m Member
	db.Joins("Company").Where("Company.name", name).FirstOrCreate(&m)
}

func joinsShorthandOfBaseTable(db *gorm.DB, email string) {
	var m Member
	db.Joins("Company").Where("members.email", email).FirstOrCreate(&m) // want `FirstOrCreate on members looks up \(email\)`
}
