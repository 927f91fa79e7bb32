package analyzer_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/getorcreatelint/getorcreatelint/analyzer"
)

func TestBasic(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), analyzer.New(analyzer.Options{}), "basic")
}

func TestFlow(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), analyzer.New(analyzer.Options{}), "flow")
}

func TestConditions(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), analyzer.New(analyzer.Options{}), "conds")
}

func TestModelInAnotherPackage(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), analyzer.New(analyzer.Options{}), "crosspkg")
}

func TestAliasedImportAndFields(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), analyzer.New(analyzer.Options{}), "alias")
}

func TestNotGORM(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), analyzer.New(analyzer.Options{}), "notgorm")
}

func TestStrict(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), analyzer.New(analyzer.Options{Strict: true}), "strict")
}

func TestDirectives(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), analyzer.New(analyzer.Options{}), "directive")
}

func migrationsOptions(t *testing.T) analyzer.Options {
	dir, err := filepath.Abs(filepath.Join("testdata", "migrations", "accounts"))
	if err != nil {
		t.Fatal(err)
	}
	// Soft-delete conflicts have their own test (TestSoftDeleteConflict).
	return analyzer.Options{Migrations: []string{dir}, Dialect: "postgres", Categories: []string{analyzer.CategoryGetOrCreate}}
}

func TestMigrationKeys(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), analyzer.New(migrationsOptions(t)), "migrated", "migratedcross")
}

func TestSuggestedFixes(t *testing.T) {
	t.Parallel()
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), analyzer.New(analyzer.Options{}), "fixes")
}

func TestTableChangedInDoBlock(t *testing.T) {
	t.Parallel()
	dir, err := filepath.Abs(filepath.Join("testdata", "migrations", "doblock"))
	if err != nil {
		t.Fatal(err)
	}
	opts := analyzer.Options{Migrations: []string{dir}, Dialect: "postgres"}
	analysistest.Run(t, analysistest.TestData(), analyzer.New(opts), "uncertain")
	opts.Strict = true
	analysistest.Run(t, analysistest.TestData(), analyzer.New(opts), "uncertainstrict")
}

func TestSoftDeleteConflict(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), analyzer.New(analyzer.Options{}), "softdelete")
}

// TestTestOnlyDriver: a driver only the tests import does not change
// what the package's own code is told; analysistest checks the package
// and its test variant against the same want.
func TestTestOnlyDriver(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), analyzer.New(analyzer.Options{}), "testdialect")
}

func TestKeysFromGoMigrations(t *testing.T) {
	t.Parallel()
	dir, err := filepath.Abs(filepath.Join("testdata", "migrations", "gomigrations"))
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, analysistest.TestData(), analyzer.New(analyzer.Options{Migrations: []string{dir}}), "gomigrated")
}

func TestGORMGenerics(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), analyzer.New(analyzer.Options{}), "gormgenerics")
}

func TestGORMShapes(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), analyzer.New(analyzer.Options{}), "gormshapes")
}

func TestGORMShapesStrict(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), analyzer.New(analyzer.Options{Strict: true}), "gormshapesstrict")
}
