// Package gorm synthesizes the part of gorm.io/gorm's API the plugin tests
// use. Signatures match gorm.io/gorm v1.31.2; bodies do nothing.
package gorm

type DB struct{ Error error }

func (db *DB) Where(query interface{}, args ...interface{}) (tx *DB) { return db }
func (db *DB) FirstOrCreate(dest interface{}, conds ...interface{}) (tx *DB) {
	return db
}
