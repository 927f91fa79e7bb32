// Package basic holds FirstOrCreate on models whose keys come from struct
// tags in the same package.
package basic

import "gorm.io/gorm"

type Tag struct {
	ID   uint
	Name string
}

type Label struct {
	ID   uint
	Name string `gorm:"uniqueIndex"`
}

type Member struct {
	ID       uint
	TenantID uint   `gorm:"uniqueIndex:idx_member,priority:1"`
	Email    string `gorm:"uniqueIndex:idx_member,priority:2"`
	Nick     string `gorm:"index"`
}

type Country struct {
	Code string `gorm:"primaryKey"`
	Name string
}

type Slug struct {
	ID    uint
	Value string `gorm:"unique"`
}

func unbackedStruct(db *gorm.DB, name string) {
	var t Tag
	db.Where(Tag{Name: name}).FirstOrCreate(&t) // want `FirstOrCreate on tags looks up \(name\) but no unique constraint covers it; concurrent calls can insert duplicates: add gorm:"uniqueIndex" to Tag.Name or a unique index on tags\(name\)`
}

func unbackedString(db *gorm.DB, name string) error {
	var t Tag
	return db.Where("name = ?", name).FirstOrCreate(&t).Error // want `FirstOrCreate on tags looks up \(name\)`
}

func nopeUniqueIndex(db *gorm.DB, name string) {
	var l Label
	db.Where(Label{Name: name}).FirstOrCreate(&l)
}

func nopeUniqueConstraint(db *gorm.DB, v string) {
	var s Slug
	db.Where("value = ?", v).FirstOrCreate(&s)
}

func nopePrimaryKey(db *gorm.DB, code string) {
	var c Country
	db.Where(Country{Code: code}).FirstOrCreate(&c)
}

func nopeCompositeKey(db *gorm.DB, tenant uint, email string) {
	var m Member
	db.Where(Member{TenantID: tenant, Email: email}).FirstOrCreate(&m)
}

func nopeSubsetKeyBacksLargerLookup(db *gorm.DB, tenant uint, email, nick string) {
	var m Member
	db.Where("tenant_id = ? AND email = ? AND nick = ?", tenant, email, nick).FirstOrCreate(&m)
}

func supersetKeyDoesNotBack(db *gorm.DB, email string) {
	var m Member
	db.Where("email = ?", email).FirstOrCreate(&m) // want `FirstOrCreate on members looks up \(email\) but no unique constraint covers it \(unique index idx_member \(tenant_id, email\) also needs tenant_id\); concurrent calls can insert duplicates: include tenant_id in the lookup, or add gorm:"uniqueIndex" to Member.Email`
}

func nonUniqueIndexDoesNotBack(db *gorm.DB, nick string) {
	var m Member
	db.Where(&Member{Nick: nick}).FirstOrCreate(&m) // want `looks up \(nick\).*add gorm:"uniqueIndex" to Member.Nick`
}

func compositeFix(db *gorm.DB, name string, nick string) {
	var m Member
	db.Where(map[string]any{"nick": nick, "email": name}).FirstOrCreate(&m) // want `looks up \(nick, email\).*add gorm:"uniqueIndex:idx_members_nick_email" to Member.Nick and Member.Email or a unique index on members\(nick, email\)`
}

func noCondition(db *gorm.DB) {
	t := Tag{Name: "x"}
	db.FirstOrCreate(&t) // want `FirstOrCreate on tags has no lookup conditions, so it matches any row`
}

func nopePrimaryKeyInDest(db *gorm.DB, id uint, name string) {
	t := Tag{ID: id}
	db.Where(Tag{Name: name}).FirstOrCreate(&t)
}

func nopeInlinePrimaryKey(db *gorm.DB, id uint) {
	var t Tag
	db.FirstOrCreate(&t, id)
}

func inlineStringCondition(db *gorm.DB, name string) {
	var t Tag
	db.FirstOrCreate(&t, "name = ?", name) // want `FirstOrCreate on tags looks up \(name\)`
}

func inlineStructCondition(db *gorm.DB, name string) {
	var t Tag
	db.FirstOrCreate(&t, Tag{Name: name}) // want `FirstOrCreate on tags looks up \(name\)`
}
