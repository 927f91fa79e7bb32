package gormshapes

import (
	"database/sql"
	"errors"

	"gorm.io/gorm"
)

type Coupon struct {
	ID   uint
	Code string
}

// Raw SELECTs: the table and the WHERE clause come from the SQL.
func rawScanZeroID(db *gorm.DB, code string) {
	var c Coupon
	db.Raw("SELECT * FROM coupons WHERE code = ?", code).Scan(&c) // want `^Raw Scan then Create \(line 20\) on coupons looks up \(code\) but no unique constraint covers it; concurrent calls can insert duplicates: add gorm:"uniqueIndex" to Coupon.Code or a unique index on coupons\(code\)$`
	if c.ID == 0 {
		db.Create(&Coupon{Code: code})
	}
}

func rawScanRowsAffected(db *gorm.DB, code string) {
	var c Coupon
	if res := db.Raw("SELECT id, code FROM coupons WHERE code = $1 LIMIT 1", code).Scan(&c); res.RowsAffected == 0 { // want `Raw Scan then Create \(line 27\) on coupons looks up \(code\)`
		db.Create(&Coupon{Code: code})
	}
}

func rawRowScan(db *gorm.DB, code string) error {
	var id uint
	err := db.Raw("SELECT id FROM coupons WHERE code = ?", code).Row().Scan(&id) // want `Raw Row then Create \(line 35\) on coupons looks up \(code\)`
	if errors.Is(err, sql.ErrNoRows) {
		return db.Create(&Coupon{Code: code}).Error
	}
	return err
}

func rawCount(db *gorm.DB, code string) {
	var n int64
	db.Raw("SELECT COUNT(*) FROM coupons WHERE code = ?", code).Scan(&n) // want `Raw Scan then Create \(line 44\) on coupons looks up \(code\)`
	if n == 0 {
		db.Create(&Coupon{Code: code})
	}
}

func rawBackedByKey(db *gorm.DB, code string) {
	var b Badge
	db.Raw("SELECT * FROM badges WHERE code = ?", code).Scan(&b)
	if b.ID == 0 {
		db.Create(&Badge{Code: code})
	}
}

func nopeRawOtherTable(db *gorm.DB, code string) {
	var c Coupon
	db.Raw("SELECT * FROM promotions WHERE code = ?", code).Scan(&c)
	if c.ID == 0 {
		db.Create(&Coupon{Code: code})
	}
}

func nopeRawNonConstant(db *gorm.DB, query, code string) {
	var c Coupon
	db.Raw(query, code).Scan(&c)
	if c.ID == 0 {
		db.Create(&Coupon{Code: code})
	}
}

func nopeRawJoin(db *gorm.DB, code string) {
	var c Coupon
	db.Raw("SELECT c.* FROM coupons c JOIN promotions p ON p.id = c.promotion_id WHERE p.code = ?", code).Scan(&c)
	if c.ID == 0 {
		db.Create(&Coupon{Code: code})
	}
}

func nopeRawInsertWhenFound(db *gorm.DB, code string) {
	var c Coupon
	db.Raw("SELECT * FROM coupons WHERE code = ?", code).Scan(&c)
	if c.ID != 0 {
		db.Create(&Coupon{Code: code + "-2"})
	}
}

func rawTakeNotFound(db *gorm.DB, code string) {
	var c Coupon
	if err := db.Raw("SELECT * FROM coupons WHERE code = ?", code).Take(&c).Error; errors.Is(err, gorm.ErrRecordNotFound) { // want `Raw Take then Create \(line 91\) on coupons looks up \(code\)`
		db.Create(&Coupon{Code: code})
	}
}
