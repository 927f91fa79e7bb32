// Package sqlite stands for GORM's SQLite driver: importing it makes the
// importer's database SQLite.
package sqlite

// Open stands for the driver's constructor.
func Open(dsn string) string { return dsn }
