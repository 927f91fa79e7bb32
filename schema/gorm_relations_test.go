package schema

import (
	"database/sql"
	"database/sql/driver"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"
	gormschema "gorm.io/gorm/schema"
)

// Models whose keys ParseGORM must find exactly as GORM does.
type (
	m2mUser struct {
		ID        uint
		Name      string
		Languages []m2mLanguage `gorm:"many2many:user_languages"`
	}
	m2mLanguage struct {
		ID   uint
		Code string `gorm:"uniqueIndex"`
	}

	// joinForeignKey/joinReferences rename the join columns; foreignKey and
	// references pick the fields joined on.
	m2mPerson struct {
		ID    uint
		Refer uint      `gorm:"uniqueIndex"`
		Teams []m2mTeam `gorm:"many2many:person_teams;foreignKey:Refer;joinForeignKey:PersonReferID;references:Code;joinReferences:team_code"`
	}
	m2mTeam struct {
		ID   uint
		Code string `gorm:"unique"`
	}

	// Self-referential: the second column is named after the field.
	m2mMember struct {
		gorm.Model
		Friends []*m2mMember `gorm:"many2many:member_friends"`
	}

	// A field named like its type: the second column gets "Reference".
	Node struct {
		ID   uint
		Node []Node `gorm:"many2many:node_links"`
	}

	// A composite primary key, part of it from an anonymous embedded struct.
	DocKey struct {
		Tenant uint `gorm:"primaryKey"`
	}
	Doc struct {
		DocKey
		Slug string `gorm:"primaryKey"`
		Tags []Tag  `gorm:"many2many:doc_tags"`
	}
	Tag struct {
		Name string `gorm:"primaryKey"`
	}

	// An embedded struct with a prefix, tagged primaryKey inside.
	audit struct {
		By  uint `gorm:"primaryKey"`
		At  time.Time
		Ref string `gorm:"uniqueIndex:idx_entries_ref"`
	}
	Entry struct {
		ID    uint  `gorm:"primaryKey"`
		Audit audit `gorm:"embedded;embeddedPrefix:audit_"`
	}

	// An embedded ID is no primary key once the model tags its own.
	Base struct {
		ID   uint
		Code string
	}
	Thing struct {
		Base
		Name string `gorm:"primaryKey"`
	}
	// ... and the primary key when it does not.
	Gadget struct {
		Base
		Name string
	}

	// An embedded struct of an unexported type: GORM skips the field.
	hiddenKey struct {
		Tenant uint `gorm:"primaryKey"`
	}
	Hidden struct {
		hiddenKey
		Slug string `gorm:"primaryKey"`
	}

	// has one, with and without foreignKey/references: GORM creates a
	// foreign key, no unique constraint on either side.
	Owner struct {
		ID   uint
		Card Card
	}
	Card struct {
		ID      uint
		OwnerID uint
	}
	Account struct {
		ID      uint
		Ref     string  `gorm:"uniqueIndex"`
		Profile Profile `gorm:"foreignKey:AccountRef;references:Ref"`
	}
	Profile struct {
		ID         uint
		AccountRef string
	}
	// has many and belongs to: no key either.
	Shop struct {
		ID    uint
		Items []Item
	}
	Item struct {
		ID     uint
		ShopID uint
		Shop   Shop
	}
)

// TestParseGORMMatchesGORM describes each model as the analyzer does (by
// its fields and tags) and compares ParseGORM's keys with those GORM's own
// schema.Parse finds: the table's primary key, unique constraints and
// unique indexes, and for each many2many field the join table the migrator
// creates (re-parsed from its model type, as AutoMigrate does) with its
// primary key.
func TestParseGORMMatchesGORM(t *testing.T) {
	models := []any{
		m2mUser{}, m2mLanguage{}, m2mPerson{}, m2mTeam{}, m2mMember{}, Node{},
		Doc{}, Tag{}, Entry{}, Thing{}, Gadget{}, Hidden{},
		Owner{}, Card{}, Account{}, Profile{}, Shop{}, Item{},
	}
	ns := gormschema.NamingStrategy{}
	for _, model := range models {
		typ := reflect.TypeOf(model)
		t.Run(typ.Name(), func(t *testing.T) {
			s, err := gormschema.Parse(&model, &sync.Map{}, ns)
			if err != nil {
				t.Fatalf("gorm: %v", err)
			}
			want := []string{s.Table + ": " + describeGORMKeys(s)}
			for _, rel := range s.Relationships.Many2Many {
				join, err := gormschema.Parse(reflect.New(rel.JoinTable.ModelType).Interface(), &sync.Map{}, ns)
				if err != nil {
					t.Fatalf("gorm join table: %v", err)
				}
				want = append(want, rel.JoinTable.Table+": "+describeGORMKeys(join))
			}

			ours := ParseGORM(describeGoType(typ, map[reflect.Type]*GORMModel{}), ns)
			got := []string{ours.Table.Name + ": " + sortedKeys(ours.Table)}
			for _, jt := range ours.JoinTables {
				got = append(got, jt.Name+": "+sortedKeys(jt))
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("ParseGORM:\n%s\nGORM:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

// TestParseGORMRelationKeys pins what the comparison above establishes, so
// that a change on both sides cannot pass unnoticed.
func TestParseGORMRelationKeys(t *testing.T) {
	ns := gormschema.NamingStrategy{}
	tests := []struct {
		model any
		want  string
	}{
		{m2mUser{}, "m2m_users: primary key (id)\nuser_languages: primary key (m2m_user_id, m2m_language_id)"},
		{m2mPerson{}, "m2m_people: primary key (id); unique index idx_m2m_people_refer (refer)\nperson_teams: primary key (person_refer_id, team_code)"},
		{m2mMember{}, "m2m_members: primary key (id)\nmember_friends: primary key (m2m_member_id, friend_id)"},
		{Node{}, "nodes: primary key (id)\nnode_links: primary key (node_id, node_id_reference)"},
		{Doc{}, "docs: primary key (tenant, slug)\ndoc_tags: primary key (doc_tenant, doc_slug, tag_name)"},
		{Entry{}, "entries: primary key (id, audit_by); unique index idx_entries_ref (audit_ref)"},
		{Thing{}, "things: primary key (name)"},
		{Gadget{}, "gadgets: primary key (id)"},
		{Hidden{}, "hiddens: primary key (slug)"},
		// has one with foreignKey/references: no unique key on the
		// foreign-key column, in either table.
		{Account{}, "accounts: primary key (id); unique index idx_accounts_ref (ref)"},
		{Profile{}, "profiles: primary key (id)"},
		{Card{}, "cards: primary key (id)"},
		{Item{}, "items: primary key (id)"},
	}
	for _, tt := range tests {
		s := ParseGORM(describeGoType(reflect.TypeOf(tt.model), map[reflect.Type]*GORMModel{}), ns)
		got := []string{s.Table.Name + ": " + sortedKeys(s.Table)}
		for _, jt := range s.JoinTables {
			got = append(got, jt.Name+": "+sortedKeys(jt))
		}
		if g := strings.Join(got, "\n"); g != tt.want {
			t.Errorf("%T:\n%s\nwant\n%s", tt.model, g, tt.want)
		}
	}
}

// TestParseGORMJoinTableNeedsRelatedModel: without the related model the
// join table's columns are unknown, and no key is claimed.
func TestParseGORMJoinTableNeedsRelatedModel(t *testing.T) {
	m := describeGoType(reflect.TypeOf(m2mUser{}), map[reflect.Type]*GORMModel{})
	for i := range m.Fields {
		m.Fields[i].Relation = nil
	}
	if s := ParseGORM(m, gormschema.NamingStrategy{}); len(s.JoinTables) != 0 {
		t.Errorf("join tables without the related model: %v", s.JoinTables)
	}
	bad := describeGoType(reflect.TypeOf(m2mUser{}), map[reflect.Type]*GORMModel{})
	bad.Fields[2].Tag = `gorm:"many2many:user_languages;foreignKey:Missing"`
	if s := ParseGORM(bad, gormschema.NamingStrategy{}); len(s.JoinTables) != 0 {
		t.Errorf("join table on a foreign key GORM rejects: %v", sortedKeys(s.JoinTables[0]))
	}
}

func sortedKeys(t *Table) string {
	var out []string
	for _, k := range t.Keys {
		out = append(out, fmt.Sprintf("%s %s", k.Kind, k.Describe()))
	}
	sort.Strings(out)
	return strings.Join(out, "; ")
}

var (
	valuerType  = reflect.TypeFor[driver.Valuer]()
	scannerType = reflect.TypeFor[sql.Scanner]()
	timeType    = reflect.TypeFor[time.Time]()
)

// describeGoType builds the GORMModel the analyzer builds from go/types,
// here from reflection: exported fields, which of them GORM stores in a
// column, embedded structs, and the model a relation refers to (pointing
// back to a model being described, for self-references).
func describeGoType(t reflect.Type, seen map[reflect.Type]*GORMModel) *GORMModel {
	if m, ok := seen[t]; ok {
		return m
	}
	m := &GORMModel{Name: t.Name()}
	seen[t] = m
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() { // GORM skips unexported fields, embedded ones too
			continue
		}
		ft := f.Type
		if ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		field := GORMField{
			Name:      f.Name,
			Tag:       string(f.Tag),
			Anonymous: f.Anonymous,
			Column:    goColumnType(f.Type),
			Nullable:  f.Type.Kind() == reflect.Pointer,
		}
		if f.Type == reflect.TypeFor[gorm.DeletedAt]() {
			field.Nullable, field.SoftDelete = true, SoftDeleteNull
		}
		if !field.Column {
			elem := ft
			if elem.Kind() == reflect.Slice {
				elem = elem.Elem()
				if elem.Kind() == reflect.Pointer {
					elem = elem.Elem()
				}
			}
			if elem.Kind() == reflect.Struct {
				if ft.Kind() == reflect.Struct {
					field.Embedded = describeGoType(ft, seen)
				}
				field.Relation = describeGoType(elem, seen)
			}
		}
		m.Fields = append(m.Fields, field)
	}
	return m
}

func goColumnType(t reflect.Type) bool {
	if t.Implements(valuerType) || reflect.PointerTo(t).Implements(scannerType) {
		return true
	}
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64, reflect.String:
		return true
	case reflect.Slice:
		return t.Elem().Kind() == reflect.Uint8
	}
	return t == timeType
}
