package race

import (
	"github.com/glebarez/sqlite"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// OpenPostgres opens dsn with GORM's PostgreSQL driver and starts from
// empty tables.
func OpenPostgres(dsn string) (*gorm.DB, error) {
	return open(postgres.Open(dsn))
}

// OpenSQLite opens the SQLite file at path (pure Go driver) in WAL mode,
// with a busy timeout so that writers wait for each other instead of
// failing, and starts from empty tables.
func OpenSQLite(path string) (*gorm.DB, error) {
	return open(sqlite.Open("file:" + path + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)"))
}

func open(d gorm.Dialector) (*gorm.DB, error) {
	db, err := gorm.Open(d, &gorm.Config{Logger: logger.Discard, TranslateError: true})
	if err != nil {
		return nil, err
	}
	if err := db.Migrator().DropTable(&Account{}, &Member{}); err != nil {
		return nil, err
	}
	if err := Prepare(db); err != nil {
		return nil, err
	}
	return db, nil
}
