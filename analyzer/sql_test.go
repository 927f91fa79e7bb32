package analyzer_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/getorcreatelint/getorcreatelint/analyzer"
)

// sqlOptions reads the keys of testdata/migrations/sqlshop in dialect.
func sqlOptions(t *testing.T, dialect string) analyzer.Options {
	dir, err := filepath.Abs(filepath.Join("testdata", "migrations", "sqlshop"))
	if err != nil {
		t.Fatal(err)
	}
	return analyzer.Options{Migrations: []string{dir}, Dialect: dialect}
}

// The packages of one dialect are loaded together: they share the cost
// of type-checking database/sql and the driver stand-ins.

func TestSQLPostgres(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), analyzer.New(sqlOptions(t, "postgres")),
		"sqlstd",        // database/sql: each lookup API and not-found shape
		"sqlxapp",       // sqlx
		"pgxapp",        // pgx and pgxpool
		"sqlconsts",     // queries in constants
		"sqlshapes",     // unreadable queries and unknown tables: silent
		"sqlupsert",     // ON CONFLICT targets and conflict-less upserts
		"sqlzero",       // the miss seen through the scan destination
		"pgxcollect",    // pgx collectors and statements prepared by name
		"sqlxnamed",     // sqlx Select and named statements
		"sqlnotexists",  // INSERT ... WHERE NOT EXISTS
		"sqlconstraint", // ON CONFLICT ON CONSTRAINT
		"gormupsert",    // GORM clause.OnConflict
	)
}

func TestSQLStrict(t *testing.T) {
	t.Parallel()
	opts := sqlOptions(t, "postgres")
	opts.Strict = true
	analysistest.Run(t, analysistest.TestData(), analyzer.New(opts), "sqlstrict")
}

func TestSQLMySQL(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), analyzer.New(sqlOptions(t, "mysql")), "sqlmysql", "gormupsertmysql")
}

func TestSQLSQLite(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), analyzer.New(sqlOptions(t, "sqlite")), "sqlsqlite")
}
