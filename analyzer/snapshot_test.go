package analyzer_test

import (
	"bytes"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/getorcreatelint/getorcreatelint/analyzer"
	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/migrations"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// A snapshot compiled into the analyzer (Options.SchemaSnapshot, as under
// Bazel's nogo) is the whole schema: its keys back lookups, the module's
// migrations are neither discovered nor read, and no file is opened.
func TestCompiledInSnapshotReplacesTheMigrations(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "src")
	copyDir(t, filepath.Join(analysistest.TestData(), "src", "gorm.io"), filepath.Join(src, "gorm.io"))
	writeFile(t, filepath.Join(src, "go.mod"), "module snap\n")
	// A migration directory that says otherwise: it must not be read.
	writeFile(t, filepath.Join(src, "db", "migrations", "0001_init.up.sql"),
		"CREATE TABLE accounts (id bigserial PRIMARY KEY, email text, name text);\nCREATE UNIQUE INDEX accounts_name ON accounts (name);\n")
	writeFile(t, filepath.Join(src, "app", "app.go"), `package app

import "gorm.io/gorm"

type Account struct {
	ID    uint
	Email string
	Name  string
}

// Backed by the snapshot's accounts_email.
func ByEmail(db *gorm.DB, email string) {
	var a Account
	db.Where("email = ?", email).FirstOrCreate(&a)
}

// Only the migrations, which the snapshot replaces, have accounts_name.
func ByName(db *gorm.DB, name string) {
	var a Account
	db.Where("name = ?", name).FirstOrCreate(&a) // want `+"`FirstOrCreate on accounts looks up \\(name\\)`"+`
}
`)
	cat := schema.NewCatalog()
	migrations.ReplaySource(cat, "schema.sql",
		"CREATE TABLE accounts (id bigserial PRIMARY KEY, email text NOT NULL, name text);\nCREATE UNIQUE INDEX accounts_email ON accounts (email);\n",
		sqlscan.Postgres)
	var snapshot bytes.Buffer
	if err := migrations.WriteSnapshot(&snapshot, migrations.NewSnapshot(cat, nil, nil)); err != nil {
		t.Fatal(err)
	}

	opts := analyzer.DefaultOptions()
	opts.SchemaSnapshot = snapshot.Bytes()
	analyzer.ResetIOState()
	analysistest.Run(t, dir, analyzer.New(opts), "app")
	if got := analyzer.ReadIOState(); got.Reads != 0 || got.SourceLoads != 1 {
		t.Errorf("with a compiled-in snapshot: %+v, want no file read and one source load", got)
	}
}
