// Package mysql stands for GORM's MySQL driver: importing it makes the
// importer's database MySQL.
package mysql

// Open stands for the driver's constructor.
func Open(dsn string) string { return dsn }
