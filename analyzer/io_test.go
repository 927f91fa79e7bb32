package analyzer_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/getorcreatelint/getorcreatelint/analyzer"
)

// The laziness tests do not call t.Parallel: they reset and read the
// analyzer's process-wide caches, so no other analysis may run meanwhile
// (parallel tests start only after every sequential test has finished).

// lazyTree writes a GOPATH-style tree with a module root (go.mod in src,
// which GOPATH mode ignores but the analyzer's module lookup finds), a
// migrations directory, models, packages without candidate calls and
// packages with get-or-create calls.
func lazyTree(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	src := filepath.Join(dir, "src")
	copyDir(t, filepath.Join(analysistest.TestData(), "src", "gorm.io"), filepath.Join(src, "gorm.io"))
	files := map[string]string{
		"go.mod": "module lazy\n",
		"db/migrations/0001_init.up.sql": `CREATE TABLE accounts (id bigserial PRIMARY KEY, email text NOT NULL, name text);
CREATE UNIQUE INDEX accounts_email ON accounts (email);
`,
		"models/models.go": `package models

type Account struct {
	ID    uint
	Email string
	Name  string
}

// TableName is evaluated from this file's source by packages that use
// Account in a get-or-create.
func (Account) TableName() string { return "accounts" }
`,
		// No database code at all.
		"plain/plain.go": `package plain

import "strings"

func Upper(s string) string { return strings.ToUpper(s) }
`,
		// GORM lookups without any insert: nothing to race with.
		"readonly/readonly.go": `package readonly

import (
	"gorm.io/gorm"

	"models"
)

func ByEmail(db *gorm.DB, email string) (models.Account, error) {
	var a models.Account
	err := db.Where("email = ?", email).First(&a).Error
	return a, err
}

func Count(db *gorm.DB, name string) int64 {
	var n int64
	db.Model(&models.Account{}).Where("name = ?", name).Count(&n)
	return n
}

func All(db *gorm.DB) []models.Account {
	var out []models.Account
	db.Find(&out)
	return out
}
`,
		// GORM inserts without any lookup.
		"insertonly/insertonly.go": `package insertonly

import (
	"gorm.io/gorm"

	"models"
)

func Add(db *gorm.DB, email string) error {
	return db.Create(&models.Account{Email: email}).Error
}

func Put(db *gorm.DB, a *models.Account) error { return db.Save(a).Error }
`,
		// Methods named like GORM's on another type.
		"lookalike/lookalike.go": `package lookalike

type Repo struct{}

func (Repo) First(dest any, conds ...any) error         { return nil }
func (Repo) Create(value any) error                     { return nil }
func (Repo) FirstOrCreate(dest any, conds ...any) error { return nil }

func Use(r Repo, email string) {
	var v struct{ Email string }
	r.FirstOrCreate(&v, "email = ?", email)
	if r.First(&v, "email = ?", email) != nil {
		r.Create(&v)
	}
}
`,
		// database/sql reads without an insert.
		"sqlread/sqlread.go": `package sqlread

import (
	"context"
	"database/sql"
)

func ID(ctx context.Context, db *sql.DB, email string) (int64, error) {
	var id int64
	err := db.QueryRowContext(ctx, "SELECT id FROM accounts WHERE email = $1", email).Scan(&id)
	return id, err
}
`,
	}
	for _, pkg := range []string{"goc1", "goc2", "goc3"} {
		files[pkg+"/"+pkg+".go"] = `package ` + pkg + `

import (
	"gorm.io/gorm"

	"models"
)

// ByEmail is backed by the unique index in db/migrations.
func ByEmail(db *gorm.DB, email string) {
	var a models.Account
	db.Where("email = ?", email).FirstOrCreate(&a)
}

func ByName(db *gorm.DB, name string) {
	var a models.Account
	db.Where("name = ?", name).FirstOrCreate(&a) // want ` + "`FirstOrCreate on accounts looks up \\(name\\)`" + `
}
`
	}
	for name, content := range files {
		writeFile(t, filepath.Join(src, filepath.FromSlash(name)), content)
	}
	return dir
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		writeFile(t, filepath.Join(to, rel), string(data))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// lazyOptions configures a migrations directory and keeps discovery on,
// so that any schema-source load would show in the counters.
func lazyOptions() analyzer.Options {
	return analyzer.Options{Migrations: []string{"db/migrations"}, Discover: true}
}

func TestNoCandidateNoIO(t *testing.T) {
	dir := lazyTree(t)
	analyzer.ResetIOState()
	analysistest.Run(t, dir, analyzer.New(lazyOptions()),
		"plain", "readonly", "insertonly", "lookalike", "sqlread")
	if got := analyzer.ReadIOState(); got != (analyzer.IOState{}) {
		t.Errorf("packages without a get-or-create call did I/O or loaded a schema source: %+v", got)
	}
}

func TestCandidateReadsOncePerProcess(t *testing.T) {
	dir := lazyTree(t)
	analyzer.ResetIOState()
	a := analyzer.New(lazyOptions())
	analysistest.Run(t, dir, a, "goc1", "goc2")
	first := analyzer.ReadIOState()
	// One module, one load of its schema sources; the imported model's
	// file parsed once for its TableName; each package's module root
	// looked up once.
	want := analyzer.IOState{Reads: 1, ParsedFiles: 1, SourceLoads: 1, RootLookups: 2}
	if first != want {
		t.Errorf("after two packages with get-or-create calls: %+v, want %+v", first, want)
	}

	// Drop the key from the migrations. A later pass in the same process
	// still sees it (ByEmail stays unreported): the directory was not read
	// again, and the counters do not move.
	writeFile(t, filepath.Join(dir, "src", "db", "migrations", "0001_init.up.sql"),
		"CREATE TABLE accounts (id bigserial PRIMARY KEY, email text NOT NULL, name text);\n")
	analysistest.Run(t, dir, a, "goc3")
	want.RootLookups = 3
	if got := analyzer.ReadIOState(); got != want {
		t.Errorf("a third package read again: %+v, want %+v", got, want)
	}
}
