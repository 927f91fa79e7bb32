package schema

import (
	"reflect"
	"regexp"
	"strings"
	"sync"
	"testing"

	gormschema "gorm.io/gorm/schema"
)

// A prefix and column names in mixed case.
type (
	casedStamp struct {
		By   uint   `gorm:"primaryKey"`
		Ref  string `gorm:"uniqueIndex"`
		Key  string `gorm:"uniqueIndex:IdxKey"`
		Code string `gorm:"column:CODE;unique"`
	}
	CasedEntry struct {
		ID    uint       `gorm:"primaryKey"`
		Stamp casedStamp `gorm:"embedded;embeddedPrefix:Audit_"`
	}
)

// TestParseGORMColumnCase compares ParseGORM with GORM's schema.Parse on
// an embeddedPrefix and column: tags in mixed case. GORM keeps their case
// (Audit_ and by give Audit_by); ParseGORM gives the same columns in the
// lower case every schema source normalises column names to (lookups are
// read the same way), and keeps the case of index names as GORM does.
func TestParseGORMColumnCase(t *testing.T) {
	ns := gormschema.NamingStrategy{}
	s, err := gormschema.Parse(&CasedEntry{}, &sync.Map{}, ns)
	if err != nil {
		t.Fatal(err)
	}
	gorm := describeGORMKeys(s)
	const wantGORM = "primary key (id, Audit_by); unique constraint uni_cased_entries_audit_code (Audit_CODE); " +
		"unique index IdxKey (Audit_key); unique index idx_cased_entries_ref (Audit_ref)"
	if gorm != wantGORM {
		t.Errorf("GORM reads CasedEntry as\n%s\nwant\n%s", gorm, wantGORM)
	}
	ours := ParseGORM(describeGoType(reflect.TypeOf(CasedEntry{}), map[reflect.Type]*GORMModel{}), ns)
	if got, want := sortedKeys(ours.Table), lowerColumns(gorm); got != want {
		t.Errorf("ParseGORM:\n%s\nGORM, columns normalised:\n%s", got, want)
	}
	for _, c := range ours.Columns {
		f, ok := s.FieldsByName[c.Field()]
		if !ok || !strings.EqualFold(f.DBName, c.Column) || c.Column != strings.ToLower(c.Column) {
			t.Errorf("%v: column %q, GORM's %q", c.Path, c.Column, f.DBName)
		}
	}
}

var parenthesised = regexp.MustCompile(`\([^)]*\)`)

// lowerColumns lowers the column lists of a key description.
func lowerColumns(keys string) string {
	return parenthesised.ReplaceAllStringFunc(keys, strings.ToLower)
}
