// Package conds holds every way GORM turns arguments into a WHERE clause.
package conds

import (
	"database/sql"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

type Person struct {
	ID       uint
	TenantID uint   `gorm:"uniqueIndex:idx_person,priority:1"`
	Email    string `gorm:"uniqueIndex:idx_person,priority:2"`
	Name     string
	Phone    string `gorm:"column:phone_number"`
	OrgID    *uint
	Active   bool
}

func namedPlaceholders(db *gorm.DB, name string) {
	var p Person
	db.Where("name = @name", sql.Named("name", name)).FirstOrCreate(&p) // want `FirstOrCreate on people looks up \(name\)`
}

func quotedIdentifiers(db *gorm.DB, name string) {
	var p Person
	db.Where(`"name" = ?`, name).FirstOrCreate(&p) // want `looks up \(name\)`
}

func backquotedAndQualified(db *gorm.DB, name string) {
	var p Person
	db.Where("`people`.`name` = ?", name).FirstOrCreate(&p) // want `looks up \(name\)`
}

func columnTag(db *gorm.DB, phone string) {
	var p Person
	db.Where(Person{Phone: phone}).FirstOrCreate(&p) // want `looks up \(phone_number\).*to Person.Phone or a unique index on people\(phone_number\)`
}

func pointerStruct(db *gorm.DB, name string) {
	var p Person
	db.Where(&Person{Name: name}).FirstOrCreate(&p) // want `looks up \(name\)`
}

func nopeChainedWheres(db *gorm.DB, tenant uint, email string) {
	var p Person
	db.Where("tenant_id = ?", tenant).Where("email = ?", email).FirstOrCreate(&p)
}

func nopeChainedWheresBacked(db *gorm.DB, tenant uint, email string) {
	var p Person
	db.Where("tenant_id = ?", tenant).Where(Person{Email: email}).FirstOrCreate(&p)
}

func builtAcrossStatements(db *gorm.DB, tenant uint, name string) {
	q := db.Where("tenant_id = ?", tenant)
	q = q.Where("name = ?", name)
	var p Person
	q.FirstOrCreate(&p) // want `looks up \(name, tenant_id\)|looks up \(tenant_id, name\)`
}

func nopeBuiltConditionally(db *gorm.DB, tenant uint, name string, byTenant bool) {
	q := db.Where("name = ?", name)
	if byTenant {
		q = q.Where("tenant_id = ?", tenant)
	}
	var p Person
	q.FirstOrCreate(&p)
}

func modelCall(db *gorm.DB, name string) {
	var n int64
	db.Model(&Person{}).Where("name = ?", name).Count(&n) // want `Count then Create \(line 77\) on people looks up \(name\)`
	if n == 0 {
		db.Create(&Person{Name: name})
	}
}

func attrsAndAssignAreNotConditions(db *gorm.DB, name string) {
	var p Person
	db.Where(Person{Name: name}).Attrs(Person{Email: "x"}).Assign(Person{TenantID: 1}).FirstOrCreate(&p) // want `looks up \(name\)`
}

func mapCondition(db *gorm.DB, tenant uint, email string) {
	var p Person
	db.Where(map[string]interface{}{"email": email, "tenant_id": tenant}).FirstOrCreate(&p)
}

func zeroFieldDropped(db *gorm.DB, email string) {
	var p Person
	db.Where(Person{Email: email, TenantID: 0}).FirstOrCreate(&p) // want `looks up \(email\) but no unique constraint covers it \(unique index idx_person \(tenant_id, email\) also needs tenant_id\) \(GORM drops zero-valued TenantID from struct conditions; use a map condition to match zero\)`
}

func nopeMapKeepsZero(db *gorm.DB, email string) {
	var p Person
	db.Where(map[string]any{"email": email, "tenant_id": 0}).FirstOrCreate(&p)
}

func mapNilIsNull(db *gorm.DB, email string) {
	var p Person
	db.Where(map[string]any{"email": email, "org_id": nil}).FirstOrCreate(&p) // want `looks up \(email, org_id IS NULL\).*NULLS NOT DISTINCT \(the lookup can compare org_id with NULL\)`
}

func nopeOr(db *gorm.DB, email, phone string) {
	var p Person
	db.Where("email = ? OR phone_number = ?", email, phone).FirstOrCreate(&p)
}

func nopeOrMethod(db *gorm.DB, email, phone string) {
	var p Person
	db.Where("email = ?", email).Or("phone_number = ?", phone).FirstOrCreate(&p)
}

func nopeIn(db *gorm.DB, names []string) {
	var p Person
	db.Where("name IN ?", names).FirstOrCreate(&p)
}

func nopeLike(db *gorm.DB, name string) {
	var p Person
	db.Where("name LIKE ?", name).FirstOrCreate(&p)
}

func nopeNotEqual(db *gorm.DB, name string) {
	var p Person
	db.Where("name <> ?", name).FirstOrCreate(&p)
}

func scopes(db *gorm.DB, name string) {
	var p Person
	db.Scopes(byName(name)).FirstOrCreate(&p) // want `FirstOrCreate on people looks up \(name\) but no unique constraint covers it`
}

func byName(name string) func(*gorm.DB) *gorm.DB {
	return func(db *gorm.DB) *gorm.DB { return db.Where("name = ?", name) }
}

func nopeNonConstantQuery(db *gorm.DB, query, name string) {
	var p Person
	db.Where(query, name).FirstOrCreate(&p)
}

func nopeStructVariable(db *gorm.DB, cond Person) {
	var p Person
	db.Where(cond).FirstOrCreate(&p)
}

func nopeBackedPlusRange(db *gorm.DB, tenant uint, email string, since time.Time) {
	var p Person
	db.Where("tenant_id = ? AND email = ? AND created_at > ?", tenant, email, since).FirstOrCreate(&p)
}

func clauseEq(db *gorm.DB, name string) {
	var p Person
	db.Where(clause.Eq{Column: "name", Value: name}).FirstOrCreate(&p) // want `looks up \(name\)`
}

func nopeLockingIsNotAFixButNotACondition(db *gorm.DB, tenant uint, email string) {
	var p Person
	db.Clauses(clause.Locking{Strength: "UPDATE"}).Where(Person{TenantID: tenant, Email: email}).FirstOrCreate(&p)
}

func lockingDoesNotHelp(db *gorm.DB, name string) {
	var p Person
	db.Clauses(clause.Locking{Strength: "UPDATE"}).Where("name = ?", name).FirstOrCreate(&p) // want `looks up \(name\)`
}

func literalValue(db *gorm.DB) {
	var p Person
	db.Where("name = 'admin' AND active").FirstOrCreate(&p) // want `looks up \(name, active\)`
}

func nopeTableWithoutSchema(db *gorm.DB, name string) {
	var p Person
	db.Table("archived_people").Where("name = ?", name).FirstOrCreate(&p)
}
