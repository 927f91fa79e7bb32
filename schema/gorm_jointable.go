package schema

import (
	"strings"

	"github.com/jinzhu/inflection"
	"golang.org/x/text/cases"
	"golang.org/x/text/language"
	gormschema "gorm.io/gorm/schema"
)

// joinTable is the table GORM creates for a many2many field, as
// buildMany2ManyRelation in gorm/schema/relationship.go builds it: one
// column per primary-key field of the owner (or per foreignKey field), named
// Owner+Field or by joinForeignKey, then one per primary-key field of the
// related model (or per references field), named Related+Field or by
// joinReferences, every one of them part of the primary key. It returns nil
// where GORM would fail to build the relation, or builds no join table
// (polymorphic relations).
//
// SetupJoinTable replaces this table with a model of the user's at run
// time; that model is parsed like any other, with its own keys, and cannot
// be seen here.
func joinTable(owner *GORMSchema, rel relationField, ns gormschema.Namer) *Table {
	if _, ok := rel.settings["POLYMORPHIC"]; ok {
		return nil
	}
	_, hasType := rel.settings["POLYMORPHICTYPE"]
	_, hasID := rel.settings["POLYMORPHICID"]
	if hasType && hasID {
		return nil
	}
	related, _ := parseGORM(rel.related, ns)

	ownFields, ok := joinSide(owner, rel.settings["FOREIGNKEY"])
	if !ok {
		return nil
	}
	refFields, ok := joinSide(related, rel.settings["REFERENCES"])
	if !ok {
		return nil
	}
	joinForeignKeys := toColumns(rel.settings["JOINFOREIGNKEY"])
	joinReferences := toColumns(rel.settings["JOINREFERENCES"])
	title := cases.Title(language.Und, cases.NoLower)

	var names []string
	own := map[string]bool{}
	for i, f := range ownFields {
		name := title.String(owner.Model) + f.Field()
		if i < len(joinForeignKeys) {
			name = title.String(joinForeignKeys[i])
		}
		own[name] = true
		names = append(names, name)
	}
	for i, f := range refFields {
		name := title.String(related.Model) + f.Field()
		if own[name] {
			if rel.name != related.Model {
				name = inflection.Singular(rel.name) + f.Field()
			} else {
				name += "Reference"
			}
		}
		if i < len(joinReferences) {
			name = title.String(joinReferences[i])
		}
		if !contains(names, name) {
			names = append(names, name)
		}
	}
	if len(names) == 0 {
		return nil
	}

	t := NewTable(ns.JoinTableName(rel.settings["MANY2MANY"]))
	t.Source = rel.source
	// The join struct GORM builds has no type name: its columns are named
	// for the table such a type would have.
	structTable := ns.TableName("")
	var pk []KeyPart
	for _, name := range names {
		col := ns.ColumnName(structTable, name)
		t.Columns[col] = &Column{Name: col, NotNull: true}
		pk = append(pk, KeyPart{Column: col})
	}
	t.AddKey(&Key{Kind: PrimaryKey, Parts: pk, Source: rel.source})
	return t
}

// joinSide returns the fields one side of a many2many joins on: the
// primary key, or the fields a foreignKey/references setting names (by
// column or Go name, as Schema.LookUpField finds them).
func joinSide(s *GORMSchema, setting string) ([]GORMColumn, bool) {
	names := toColumns(setting)
	if len(names) == 0 {
		return s.PrimaryKey(), true
	}
	var cols []GORMColumn
	for _, name := range names {
		c, ok := s.ByColumn(name)
		if !ok {
			if c, ok = s.ByField(name); !ok {
				return nil, false // GORM: invalid foreign key
			}
		}
		cols = append(cols, c)
	}
	return cols, true
}

// toColumns splits a comma-separated list of names as GORM does.
func toColumns(val string) []string {
	var out []string
	if val != "" {
		for _, v := range strings.Split(val, ",") {
			out = append(out, strings.TrimSpace(v))
		}
	}
	return out
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
