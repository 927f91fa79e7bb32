// Package strict is analysed with -strict: lookups whose columns, model or
// table cannot be resolved are reported as unknown instead of skipped.
package strict

import "gorm.io/gorm"

type Person struct {
	ID    uint
	Email string
	Phone string
}

func orCondition(db *gorm.DB, email, phone string) {
	var p Person
	db.Where("email = ? OR phone = ?", email, phone).FirstOrCreate(&p) // want `FirstOrCreate on people: lookup columns unknown \(the condition uses OR\); cannot tell whether a unique constraint covers it`
}

func scopes(db *gorm.DB, f func(*gorm.DB) *gorm.DB) {
	var p Person
	db.Scopes(f).FirstOrCreate(&p) // want `lookup columns unknown \(a scope's body is not visible in the package\)`
}

func dynamicQuery(db *gorm.DB, q string) {
	var p Person
	db.Where(q).FirstOrCreate(&p) // want `lookup columns unknown \(the condition is not a constant string\)`
}

func conditional(db *gorm.DB, email string, byEmail bool) {
	q := db
	if byEmail {
		q = q.Where("email = ?", email)
	}
	var p Person
	q.FirstOrCreate(&p) // want `lookup columns unknown \(the query is built conditionally\)`
}

func unknownModel(db *gorm.DB, dest any) {
	db.Where("email = ?", "x").FirstOrCreate(dest) // want `FirstOrCreate: lookup columns unknown \(the model or table is unknown\)`
}

func tableWithoutSchema(db *gorm.DB, email string) {
	var p Person
	db.Table("legacy_people").Where("email = ?", email).FirstOrCreate(&p) // want `FirstOrCreate on legacy_people: lookup columns unknown \(no schema source describes table legacy_people\)`
}

func stillReportsKnownLookups(db *gorm.DB, email string) {
	var p Person
	db.Where("email = ?", email).FirstOrCreate(&p) // want `FirstOrCreate on people looks up \(email\)`
}

type Handle struct {
	ID   uint
	Name string `gorm:"uniqueIndex"`
}

// narrowedOnSomePaths: the condition added on one path pins nothing, so
// the lookup is (email) on every path, narrowed by id <> ? on some.
func narrowedOnSomePaths(db *gorm.DB, email string, excludeID uint) {
	var p Person
	q := db.Where("email = ?", email)
	if excludeID > 0 {
		q = q.Where("id <> ?", excludeID).Order("id")
	}
	q.FirstOrCreate(&p) // want `FirstOrCreate on people: lookup columns unknown \(the condition uses <>\)`
}

func nopeBackedDespiteNarrowing(db *gorm.DB, name string, excludeID uint) {
	var h Handle
	q := db.Where("name = ?", name)
	if excludeID > 0 {
		q = q.Where("id <> ?", excludeID)
	}
	q.FirstOrCreate(&h)
}

func conditionalEquality(db *gorm.DB, email, phone string) {
	var p Person
	q := db.Where("email = ?", email)
	if phone != "" {
		q = q.Where("phone = ?", phone)
	}
	q.FirstOrCreate(&p) // want `lookup columns unknown \(the query is built conditionally\)`
}

func conditionalReplacement(db *gorm.DB, email string, excludeID uint) {
	var p Person
	q := db.Where("email = ?", email)
	if excludeID > 0 {
		q = db.Where("id <> ?", excludeID)
	}
	q.FirstOrCreate(&p) // want `lookup columns unknown \(the query is built conditionally\)`
}

// heldThenReturned: the literal a pointer holds is the condition; what the
// function does with the pointer after the lookup does not change it.
func heldThenReturned(db *gorm.DB, email string) *Person {
	p := &Person{Email: email}
	db.Where(p).FirstOrCreate(p) // want `FirstOrCreate on people looks up \(email\) but no unique constraint covers it`
	return p
}

// heldChangedInLoop: the next lookup reads the field stored after this one.
func heldChangedInLoop(db *gorm.DB, emails []string) {
	p := &Person{Email: "first"}
	for _, e := range emails {
		db.Where(p).FirstOrCreate(p) // want `FirstOrCreate on people: lookup columns unknown \(the struct condition is not a literal\)`
		p.Email = e
	}
}

// heldChangedBefore: a field stored before the lookup is in the condition.
func heldChangedBefore(db *gorm.DB, email, phone string) {
	p := &Person{Email: email}
	p.Phone = phone
	db.Where(p).FirstOrCreate(p) // want `FirstOrCreate on people: lookup columns unknown \(the struct condition is not a literal\)`
}
