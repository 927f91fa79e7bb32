// Package buntags applies bun's struct-tag rules (github.com/uptrace/bun
// v1.3) to a model described without reflection: the table name (the
// bun.BaseModel field's table: option, or the pluralised snake-case type
// name), the column of each field and the keys the tags declare: pk,
// unique (one constraint per column) and unique:group (one constraint for
// every column of the group).
package buntags

import (
	"sort"
	"strings"

	"github.com/jinzhu/inflection"

	"github.com/getorcreatelint/getorcreatelint/schema"
)

// Model is a Go struct as the analyzer reads it from go/types.
type Model struct {
	Name   string // Go type name, e.g. User
	Fields []Field
	Source schema.Source
}

// Field is one field of a Model.
type Field struct {
	Name      string // Go field name
	Tag       string // the field's bun tag (reflect.StructTag.Get("bun"))
	Exported  bool
	Anonymous bool
	// BaseModel marks the embedded bun.BaseModel, whose tag names the table.
	BaseModel bool
	// Embedded is the struct of an anonymous field, or of a field tagged
	// embed:prefix, whose fields bun flattens into the model.
	Embedded *Model
	Source   schema.Source
}

// Column is a field of a model resolved to its column.
type Column struct {
	Path       []string // Go field path from the model
	Column     string
	PrimaryKey bool
	// AutoIncrement is set for autoincrement and identity columns: bun
	// leaves their zero value to the database.
	AutoIncrement bool
	SoftDelete    bool // tagged soft_delete: bun adds "column IS NULL" to selects
}

// Field returns the column's Go field name.
func (c Column) Field() string { return c.Path[len(c.Path)-1] }

// Schema is bun's view of a model.
type Schema struct {
	Model      string
	Table      *schema.Table
	Columns    []Column
	SoftDelete *Column // the soft_delete column, if the model has one
}

// ByColumn returns the field stored in the column.
func (s *Schema) ByColumn(col string) (Column, bool) {
	for _, c := range s.Columns {
		if c.Column == col {
			return c, true
		}
	}
	return Column{}, false
}

// Parse applies bun's tag rules to m.
func Parse(m *Model) *Schema {
	table := inflection.Plural(Underscore(m.Name))
	for _, f := range m.Fields {
		if !f.BaseModel {
			continue
		}
		tag := ParseTag(f.Tag)
		if tag.Name != "" {
			table = tag.Name
		}
		if t, ok := tag.Option("table"); ok {
			table = t
		}
	}
	s := &Schema{Model: m.Name, Table: schema.NewTable(table)}
	s.Table.Source = m.Source
	p := parser{unique: map[string][]schema.KeyPart{}, uniqueSource: map[string]schema.Source{}}
	p.fields(m, nil, "")
	var pk []schema.KeyPart
	var pkSource schema.Source
	for i, c := range p.columns {
		s.Columns = append(s.Columns, c)
		s.Table.Columns[c.Column] = &schema.Column{Name: c.Column, NotNull: c.PrimaryKey || p.notNull[i]}
		if c.PrimaryKey {
			if len(pk) == 0 {
				pkSource = p.sources[i]
			}
			pk = append(pk, schema.KeyPart{Column: c.Column})
		}
	}
	for i := range s.Columns {
		if s.Columns[i].SoftDelete {
			s.SoftDelete = &s.Columns[i]
		}
	}
	if len(pk) > 0 {
		s.Table.AddKey(&schema.Key{Kind: schema.PrimaryKey, Parts: pk, Source: pkSource})
	}
	for _, k := range p.single {
		s.Table.AddKey(k)
	}
	groups := make([]string, 0, len(p.unique))
	for g := range p.unique {
		groups = append(groups, g)
	}
	sort.Strings(groups)
	for _, g := range groups {
		s.Table.AddKey(&schema.Key{Name: g, Kind: schema.UniqueConstraint, Parts: p.unique[g], Source: p.uniqueSource[g]})
	}
	return s
}

type parser struct {
	columns      []Column
	notNull      []bool
	sources      []schema.Source
	single       []*schema.Key               // unique without a group: one key per column
	unique       map[string][]schema.KeyPart // unique:group
	uniqueSource map[string]schema.Source
}

// fields reads m's fields; prefix is the column prefix of an embed:prefix
// field, path the Go path to m.
func (p *parser) fields(m *Model, path []string, prefix string) {
	for _, f := range m.Fields {
		if f.Tag == "-" || f.BaseModel {
			continue
		}
		tag := ParseTag(f.Tag)
		fpath := append(append([]string(nil), path...), f.Name)
		if f.Embedded != nil {
			inner := prefix
			if pre, ok := tag.Option("embed"); ok {
				inner += pre
			} else if !f.Anonymous {
				continue
			}
			p.fields(f.Embedded, fpath, inner)
			continue
		}
		if !f.Exported || tag.HasOption("rel") || tag.HasOption("m2m") || tag.HasOption("scanonly") {
			continue
		}
		col := Underscore(f.Name)
		if tag.Name != "" {
			col = tag.Name
		}
		if c, ok := tag.Option("column"); ok {
			col = c
		}
		col = prefix + col
		c := Column{Path: fpath, Column: strings.ToLower(col), PrimaryKey: tag.HasOption("pk"),
			AutoIncrement: tag.HasOption("autoincrement") || tag.HasOption("identity"), SoftDelete: tag.HasOption("soft_delete")}
		p.columns = append(p.columns, c)
		p.notNull = append(p.notNull, tag.HasOption("notnull") || tag.HasOption("autoincrement"))
		p.sources = append(p.sources, f.Source)
		for _, v := range tag.Options["unique"] {
			for _, group := range strings.Split(v, ",") {
				part := schema.KeyPart{Column: c.Column}
				if group == "" {
					p.single = append(p.single, &schema.Key{Kind: schema.UniqueConstraint, Parts: []schema.KeyPart{part}, Source: f.Source})
					continue
				}
				if prefix != "" {
					group = prefix + group
				}
				if _, ok := p.uniqueSource[group]; !ok {
					p.uniqueSource[group] = f.Source
				}
				p.unique[group] = append(p.unique[group], part)
			}
		}
	}
}

// Underscore is bun's column and model naming: UserID becomes user_id.
func Underscore(s string) string {
	r := make([]byte, 0, len(s)+5)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isUpper(c) {
			if i > 0 && i+1 < len(s) && (isLower(s[i-1]) || isLower(s[i+1])) {
				r = append(r, '_', c+'a'-'A')
			} else {
				r = append(r, c+'a'-'A')
			}
		} else {
			r = append(r, c)
		}
	}
	return string(r)
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }
func isLower(c byte) bool { return c >= 'a' && c <= 'z' }
