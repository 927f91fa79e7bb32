package schema

import (
	"reflect"
	"sort"
	"strconv"
	"strings"

	gormschema "gorm.io/gorm/schema"

	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// SoftDelete says how a GORM model marks deleted rows.
type SoftDelete uint8

const (
	NoSoftDelete SoftDelete = iota
	// SoftDeleteNull is gorm.DeletedAt: live rows have deleted_at IS NULL,
	// and GORM adds that condition to every query.
	SoftDeleteNull
	// SoftDeleteZero is gorm.io/plugin/soft_delete: live rows hold 0, so the
	// column can take part in a unique key.
	SoftDeleteZero
)

// GORMModel is a Go struct described without reflection, as the analyzer
// reads it from go/types, so that GORM's tag rules can be applied to it.
type GORMModel struct {
	Name   string // Go type name, e.g. User
	Table  string // from a TableName method; "" to use the naming strategy
	Fields []GORMField
	Source Source
}

// GORMField is one exported field of a GORMModel.
type GORMField struct {
	Name      string // Go field name
	Tag       string // the whole struct tag
	Anonymous bool
	// Embedded is the field's own struct when GORM would flatten it: an
	// anonymous struct field or one tagged embedded (nil otherwise, and for
	// time.Time and types implementing driver.Valuer).
	Embedded *GORMModel
	// Relation is the model a relation field refers to (the struct, or the
	// element of a slice), when known: a many2many field's join table is
	// built from its primary key. It may point back to an enclosing model.
	Relation   *GORMModel
	Column     bool // GORM maps the field to a column (not a relation)
	Nullable   bool // the Go value can be NULL: pointer, sql.Null*, gorm.DeletedAt
	SoftDelete SoftDelete
	Source     Source
}

// GORMColumn is a field of a model resolved to its column.
type GORMColumn struct {
	Path       []string // Go field path from the model, e.g. [Model ID]
	Column     string
	Nullable   bool
	PrimaryKey bool
	SoftDelete SoftDelete
	Source     Source
}

// Field returns the Go name GORM matches struct conditions by.
func (c GORMColumn) Field() string { return c.Path[len(c.Path)-1] }

// GORMSchema is GORM's view of a model: its table, columns and unique keys.
type GORMSchema struct {
	Model      string
	Table      *Table
	Columns    []GORMColumn
	SoftDelete *GORMColumn // the soft-delete column, if the model has one
	// JoinTables are the tables GORM creates for the model's many2many
	// fields, each with its composite primary key.
	JoinTables []*Table
}

// ByField returns the column of the Go field name, promoted fields included.
func (s *GORMSchema) ByField(name string) (GORMColumn, bool) {
	for _, c := range s.Columns {
		if c.Field() == name {
			return c, true
		}
	}
	return GORMColumn{}, false
}

// ByColumn returns the column named col.
func (s *GORMSchema) ByColumn(col string) (GORMColumn, bool) {
	for _, c := range s.Columns {
		if c.Column == col {
			return c, true
		}
	}
	return GORMColumn{}, false
}

// PrimaryKey returns the primary-key columns.
func (s *GORMSchema) PrimaryKey() []GORMColumn {
	var pk []GORMColumn
	for _, c := range s.Columns {
		if c.PrimaryKey {
			pk = append(pk, c)
		}
	}
	return pk
}

// ParseGORM applies GORM's rules to m: table and column names from the
// naming strategy and column tags, embedded structs (with embeddedPrefix),
// the primary key (tagged, or the field named ID), and the unique keys
// declared by unique, uniqueIndex, index:...,unique and class:UNIQUE tags,
// composite when fields share an index name. Relations add no key to
// either table (GORM creates only a foreign key for has one, has many and
// belongs to), but a many2many field makes GORM create a join table whose
// primary key is both sides' foreign-key columns (see joinTable).
func ParseGORM(m *GORMModel, ns gormschema.Namer) *GORMSchema {
	s, p := parseGORM(m, ns)
	for _, rel := range p.many2many {
		if t := joinTable(s, rel, ns); t != nil {
			s.JoinTables = append(s.JoinTables, t)
		}
	}
	return s
}

// parseGORM applies GORM's rules to m's own table.
func parseGORM(m *GORMModel, ns gormschema.Namer) (*GORMSchema, *gormParser) {
	table := m.Table
	if table == "" {
		table = ns.TableName(m.Name)
	}
	p := gormParser{ns: ns, table: table, model: m.Name}
	p.fields(m, nil, "", false)

	s := &GORMSchema{Model: m.Name, Table: NewTable(table)}
	s.Table.Source = m.Source
	hasPK := false
	for _, f := range p.out {
		hasPK = hasPK || f.col.PrimaryKey
	}
	if !hasPK {
		for i := range p.out {
			if p.out[i].col.Column == "id" || p.out[i].col.Field() == "ID" {
				p.out[i].col.PrimaryKey = true
				break
			}
		}
	}
	var pk []KeyPart
	var pkSource Source
	for _, f := range p.out {
		s.Columns = append(s.Columns, f.col)
		notNull := f.col.PrimaryKey || gormTruth(f.settings, "NOT NULL", "NOTNULL")
		s.Table.Columns[f.col.Column] = &Column{Name: f.col.Column, NotNull: notNull}
		if f.col.PrimaryKey {
			if len(pk) == 0 {
				pkSource = f.col.Source
			}
			pk = append(pk, KeyPart{Column: f.col.Column})
		}
	}
	for i := range s.Columns {
		if s.Columns[i].SoftDelete != NoSoftDelete {
			s.SoftDelete = &s.Columns[i]
			break
		}
	}
	if len(pk) > 0 {
		s.Table.AddKey(&Key{Kind: PrimaryKey, Parts: pk, Source: pkSource})
	}
	for _, f := range p.out {
		if gormTruth(f.settings, "UNIQUE") {
			s.Table.AddKey(&Key{
				Name:   ns.UniqueName(table, f.col.Column),
				Kind:   UniqueConstraint,
				Parts:  []KeyPart{{Column: f.col.Column}},
				Source: f.col.Source,
			})
		}
	}
	for _, k := range p.uniqueIndexes() {
		s.Table.AddKey(k)
	}
	return s, &p
}

type parsedField struct {
	col      GORMColumn
	settings map[string]string
	goName   string
	tag      string
}

type gormParser struct {
	ns        gormschema.Namer
	table     string
	model     string
	out       []parsedField
	many2many []relationField
}

// relationField is a many2many field of the model.
type relationField struct {
	name     string // Go field name
	settings map[string]string
	related  *GORMModel
	source   Source
}

// fields flattens m's fields into p.out. Inside an embedded struct only an
// explicit primaryKey tag makes a primary key, as in GORM.
func (p *gormParser) fields(m *GORMModel, path []string, prefix string, embedded bool) {
	for _, f := range m.Fields {
		settings := gormschema.ParseTagSetting(reflect.StructTag(f.Tag).Get("gorm"), ";")
		if ignore, ok := settings["-"]; ok {
			if v := strings.ToLower(strings.TrimSpace(ignore)); v == "-" || v == "all" {
				continue
			}
		}
		fieldPath := append(append([]string(nil), path...), f.Name)
		_, tagged := settings["EMBEDDED"]
		if f.Embedded != nil && (f.Anonymous || tagged) {
			innerPrefix := prefix
			if pre, ok := settings["EMBEDDEDPREFIX"]; ok {
				innerPrefix = prefix + pre
			}
			p.fields(f.Embedded, fieldPath, innerPrefix, true)
			continue
		}
		if !f.Column && settings["COLUMN"] == "" && settings["TYPE"] == "" && settings["SERIALIZER"] == "" {
			if settings["MANY2MANY"] != "" && f.Relation != nil {
				src := f.Source
				src.Field = p.model + "." + strings.Join(fieldPath, ".")
				p.many2many = append(p.many2many, relationField{name: f.Name, settings: settings, related: f.Relation, source: src})
			}
			continue
		}
		column := settings["COLUMN"]
		if column == "" {
			column = p.ns.ColumnName(p.table, f.Name)
		}
		src := f.Source
		src.Field = p.model + "." + strings.Join(fieldPath, ".")
		// GORM keeps the case of embeddedPrefix and column: (Audit_ and
		// by give Audit_by); columns are compared in lower case, as every
		// schema source and lookup normalises them.
		p.out = append(p.out, parsedField{
			col: GORMColumn{
				Path:       fieldPath,
				Column:     strings.ToLower(prefix + column),
				Nullable:   f.Nullable && !gormTruth(settings, "NOT NULL", "NOTNULL"),
				PrimaryKey: gormTruth(settings, "PRIMARYKEY", "PRIMARY_KEY"),
				SoftDelete: f.SoftDelete,
				Source:     src,
			},
			settings: settings,
			goName:   f.Name,
			tag:      reflect.StructTag(f.Tag).Get("gorm"),
		})
	}
}

// indexPart is one field's share of a (possibly composite) index.
type indexPart struct {
	name, class, where string
	part               KeyPart
	priority           int
	source             Source
}

// uniqueIndexes mirrors gorm's parseFieldIndexes and ParseIndexes: fields
// naming the same index form one composite index, ordered by priority.
func (p *gormParser) uniqueIndexes() []*Key {
	var parts []indexPart
	for _, f := range p.out {
		for _, value := range strings.Split(f.tag, ";") {
			if value == "" {
				continue
			}
			v := strings.Split(value, ":")
			k := strings.TrimSpace(strings.ToUpper(v[0]))
			if k != "INDEX" && k != "UNIQUEINDEX" {
				continue
			}
			tag := strings.Join(v[1:], ":")
			idx := strings.IndexByte(tag, ',')
			settings := gormschema.ParseTagSetting(strings.Join(strings.Split(tag, ",")[1:], ","), ",")
			if idx == -1 {
				idx = len(tag)
			}
			name := tag[:idx]
			if name == "" {
				sub := f.goName
				if composite := settings["COMPOSITE"]; composite != "" && composite != "COMPOSITE" {
					sub = composite
				}
				name = p.ns.IndexName(p.table, sub)
			}
			class := settings["CLASS"]
			if k == "UNIQUEINDEX" || settings["UNIQUE"] != "" {
				class = "UNIQUE"
			}
			priority, err := strconv.Atoi(settings["PRIORITY"])
			if err != nil {
				priority = 10
			}
			length, _ := strconv.Atoi(settings["LENGTH"])
			part := KeyPart{Column: f.col.Column, PrefixLen: length}
			// A blank expression reads as none: the field's column.
			if expr := sqlscan.Normalize(settings["EXPRESSION"], sqlscan.Generic); expr != "" {
				part = KeyPart{Expr: expr}
			}
			parts = append(parts, indexPart{
				name: name, class: class, where: settings["WHERE"],
				part: part, priority: priority, source: f.col.Source,
			})
		}
	}

	byName := map[string][]indexPart{}
	var order []string
	for _, ip := range parts {
		if _, ok := byName[ip.name]; !ok {
			order = append(order, ip.name)
		}
		byName[ip.name] = append(byName[ip.name], ip)
	}
	var keys []*Key
	for _, name := range order {
		group := byName[name]
		// GORM takes class and predicate from the first field that sets them.
		class, where := "", ""
		for _, ip := range group {
			if class == "" {
				class = ip.class
			}
			if where == "" {
				where = ip.where
			}
		}
		if !strings.EqualFold(class, "UNIQUE") {
			continue
		}
		sort.SliceStable(group, func(i, j int) bool { return group[i].priority < group[j].priority })
		k := &Key{Name: name, Kind: UniqueIndex, Source: group[0].source}
		if where != "" {
			k.Where = sqlscan.Normalize(where, sqlscan.Generic)
		}
		for _, ip := range group {
			k.Parts = append(k.Parts, ip.part)
		}
		keys = append(keys, k)
	}
	return keys
}

func gormTruth(settings map[string]string, keys ...string) bool {
	for _, k := range keys {
		if v := settings[k]; v != "" && !strings.EqualFold(v, "false") {
			return true
		}
	}
	return false
}
