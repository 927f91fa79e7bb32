package analyzer_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/getorcreatelint/getorcreatelint/analyzer"
)

// Migration directories named by //go:embed are read as the go command
// reads the directive: a quoted pattern may hold spaces, and all: only
// says that hidden files count. Neither directory has a conventional name,
// so only the directives lead to them.
func TestEmbedDirectivesFindMigrations(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "src")
	copyDir(t, filepath.Join(analysistest.TestData(), "src", "gorm.io"), filepath.Join(src, "gorm.io"))
	files := map[string]string{
		"go.mod": "module embedded\n",
		"store/my schema/0001_accounts.sql": "CREATE TABLE accounts (id bigserial PRIMARY KEY, email text NOT NULL, name text);\n" +
			"CREATE UNIQUE INDEX accounts_email ON accounts (email);\n",
		"store/dbschema/0001_teams.sql": "CREATE TABLE teams (id bigserial PRIMARY KEY, slug text NOT NULL UNIQUE);\n",
		"store/store.go": `package store

import (
	"embed"

	"gorm.io/gorm"
)

//go:embed "my schema/*.sql"
var accountsSchema embed.FS

//go:embed all:dbschema
var teamsSchema embed.FS

type Account struct {
	ID    uint
	Email string
	Name  string
}

type Team struct {
	ID   uint
	Slug string
}

// Backed by accounts_email in "my schema".
func AccountByEmail(db *gorm.DB, email string) {
	var a Account
	db.Where("email = ?", email).FirstOrCreate(&a)
}

// Backed by the UNIQUE column in dbschema.
func TeamBySlug(db *gorm.DB, slug string) {
	var tm Team
	db.Where("slug = ?", slug).FirstOrCreate(&tm)
}

func AccountByName(db *gorm.DB, name string) {
	var a Account
	db.Where("name = ?", name).FirstOrCreate(&a) // want ` + "`FirstOrCreate on accounts looks up \\(name\\)`" + `
}
`,
	}
	for name, content := range files {
		writeFile(t, filepath.Join(src, filepath.FromSlash(name)), content)
	}
	analyzer.ResetIOState()
	analysistest.Run(t, dir, analyzer.New(analyzer.DefaultOptions()), "store")
}
