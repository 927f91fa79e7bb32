package gormjoin

import "gorm.io/gorm"

// TenantKey is embedded anonymously: its tagged field is part of the
// primary key of every model embedding it.
type TenantKey struct {
	Tenant uint `gorm:"primaryKey"`
}

type Doc struct {
	TenantKey
	Slug string `gorm:"primaryKey"`
	Body string
}

func docOf(db *gorm.DB, tenant uint, slug string) {
	var d Doc
	db.Where(Doc{TenantKey: TenantKey{Tenant: tenant}, Slug: slug}).FirstOrCreate(&d) // backed by (tenant, slug)
}

func docBySlug(db *gorm.DB, slug string) {
	var d Doc
	db.Where("slug = ?", slug).FirstOrCreate(&d) // want `FirstOrCreate on docs looks up \(slug\)`
}

// Stamp is embedded with a prefix; its By field joins the primary key.
type Stamp struct {
	By   uint `gorm:"primaryKey"`
	Note string
}

type Entry struct {
	ID    uint  `gorm:"primaryKey"`
	Stamp Stamp `gorm:"embedded;embeddedPrefix:stamp_"`
}

func entryOf(db *gorm.DB, id, by uint) {
	var e Entry
	db.Where("id = ? AND stamp_by = ?", id, by).FirstOrCreate(&e) // backed by (id, stamp_by)
}

func entryBy(db *gorm.DB, by uint) {
	var e Entry
	db.Where("stamp_by = ?", by).FirstOrCreate(&e) // want `FirstOrCreate on entries looks up \(stamp_by\)`
}
