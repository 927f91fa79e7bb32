package analyzer_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/getorcreatelint/getorcreatelint/analyzer"
)

// TestGORMCreatedKeys checks lookups on the keys GORM creates itself. A
// lookup on both foreign-key columns of a many2many join table is backed
// by the primary key GORM gives it (default, self-referential and renamed
// join columns); on one of them alone it is not. A has-one foreign key
// backs nothing. A composite primary key spanning an embedded struct
// (anonymous, or tagged embedded with a prefix) backs a lookup on all its
// columns, not on one.
func TestGORMCreatedKeys(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), analyzer.New(analyzer.Options{}), "gormjoin")
}
