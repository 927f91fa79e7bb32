package schema

import (
	"testing"

	gormschema "gorm.io/gorm/schema"

	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// FuzzParseGORM runs ParseGORM on a model whose struct tags are fuzzed:
// a gorm tag on a plain field, a gorm tag on a second field, and a whole
// struct tag (which may not even parse as one) on a field of an embedded
// struct. Whatever the tags say, the result must be a usable schema: the
// naming strategy's table, one primary key at most, and keys whose parts
// are columns of the table or normalised expressions.
func FuzzParseGORM(f *testing.F) {
	for _, s := range [][3]string{
		{"uniqueIndex", "", `gorm:"column:code"`},
		{"uniqueIndex:idx_a,priority:2", "uniqueIndex:idx_a,priority:1", `gorm:"index:idx_a,unique"`},
		{"index:,unique,where:deleted_at IS NULL", "unique;not null", `gorm:"primaryKey"`},
		{"index:idx_x,class:UNIQUE,expression:lower(email)", "index:idx_x", `json:"x" gorm:"uniqueIndex:idx_x,length:10"`},
		{"primaryKey;autoIncrement:false", "primary_key", `gorm:"embedded;embeddedPrefix:m_"`},
		{"-", "-:all", `gorm:"-:migration"`},
		{"uniqueIndex:a\\;b;column:weird\\,col", "index:,composite:grp,unique", `gorm:"index:,composite:grp"`},
		{"type:varchar(100);serializer:json", "column:", `gorm:"unique:false"`},
		{"uniqueIndex:", ":::", `gorm:"`},
		{";;;", "index:,unique,expression:(", "\x00"},
	} {
		f.Add(s[0], s[1], s[2])
	}
	ns := gormschema.NamingStrategy{}
	f.Fuzz(func(t *testing.T, emailTag, nameTag, rawTag string) {
		inner := &GORMModel{Name: "Meta", Fields: []GORMField{
			{Name: "Code", Tag: rawTag, Column: true},
			{Name: "Note", Column: true, Nullable: true},
		}}
		m := &GORMModel{Name: "User", Fields: []GORMField{
			{Name: "ID", Column: true},
			{Name: "Email", Tag: `gorm:"` + emailTag + `"`, Column: true},
			{Name: "Name", Tag: `gorm:"` + nameTag + `"`, Column: true, Nullable: true},
			{Name: "Meta", Tag: rawTag, Anonymous: true, Embedded: inner, Column: true},
		}}
		s := ParseGORM(m, ns)
		if s == nil || s.Table == nil || s.Table.Name != ns.TableName("User") {
			t.Fatalf("table: %+v", s)
		}
		primary := 0
		for _, k := range s.Table.Keys {
			if k.Kind == PrimaryKey {
				primary++
			}
			if len(k.Parts) == 0 {
				t.Fatalf("key %s has no parts", k.Describe())
			}
			for _, p := range k.Parts {
				switch {
				case p.Expr != "":
					if again := sqlscan.Normalize(p.Expr, sqlscan.Generic); again != p.Expr {
						t.Fatalf("key %s: expression %q normalises again to %q", k.Describe(), p.Expr, again)
					}
				case s.Table.Columns[p.Column] == nil:
					t.Fatalf("key %s names column %q the table does not have", k.Describe(), p.Column)
				}
			}
		}
		if primary > 1 {
			t.Fatalf("%d primary keys: %s", primary, keysOf(s.Table))
		}
		for _, c := range s.Columns {
			if len(c.Path) == 0 {
				t.Fatalf("column %q has no field path", c.Column)
			}
			if got, ok := s.ByColumn(c.Column); !ok || got.Column != c.Column {
				t.Fatalf("ByColumn(%q) = %+v, %v", c.Column, got, ok)
			}
		}
	})
}
