package gormshapes

import (
	"errors"

	"gorm.io/gorm"
)

type Label struct {
	ID   uint
	Name string
}

// The misses of a loop of lookups, inserted in one batch after the loop:
// a get-or-create for every name.
func collectMissing(db *gorm.DB, names []string) error {
	var missing []Label
	for _, name := range names {
		var l Label
		if err := db.Where("name = ?", name).First(&l).Error; errors.Is(err, gorm.ErrRecordNotFound) { // want `^First, collecting misses, then Create \(line 25\) on labels looks up \(name\) but no unique constraint covers it`
			missing = append(missing, Label{Name: name})
		}
	}
	if len(missing) > 0 {
		return db.Create(&missing).Error
	}
	return nil
}

func collectInBatches(db *gorm.DB, names []string) {
	var missing []*Label
	for i := 0; i < len(names); i++ {
		var n int64
		db.Model(&Label{}).Where("name = ?", names[i]).Count(&n) // want `Count, collecting misses, then CreateInBatches \(line 39\) on labels looks up \(name\)`
		if n == 0 {
			missing = append(missing, &Label{Name: names[i]})
		}
	}
	db.CreateInBatches(missing, 100)
}

func collectBacked(db *gorm.DB, codes []string) {
	var missing []Badge
	for _, code := range codes {
		var b Badge
		if db.Where("code = ?", code).Take(&b).Error != nil {
			missing = append(missing, Badge{Code: code})
		}
	}
	db.Create(&missing)
}

func nopeCollectFound(db *gorm.DB, names []string) {
	var found []Label
	for _, name := range names {
		var l Label
		if err := db.Where("name = ?", name).First(&l).Error; err == nil {
			found = append(found, l)
		}
	}
	db.Save(&found)
}

func nopeSliceInsideLoop(db *gorm.DB, names []string) {
	for _, name := range names {
		var missing []Label
		var l Label
		if err := db.Where("name = ?", name).First(&l).Error; errors.Is(err, gorm.ErrRecordNotFound) {
			missing = append(missing, Label{Name: name})
		}
		_ = missing
	}
}

func nopeOtherSliceInserted(db *gorm.DB, names []string, extra []Label) {
	var missing []Label
	for _, name := range names {
		var l Label
		if err := db.Where("name = ?", name).First(&l).Error; errors.Is(err, gorm.ErrRecordNotFound) {
			missing = append(missing, Label{Name: name})
		}
	}
	_ = missing
	db.Create(&extra)
}
