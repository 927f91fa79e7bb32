package schema

import (
	"go/ast"
	"go/token"
	"strconv"

	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// Import paths of the ent packages a generated migrate package uses.
const (
	entSQLSchemaPath = "entgo.io/ent/dialect/sql/schema"
	entSQLAnnotPath  = "entgo.io/ent/dialect/entsql"
)

// ParseEntMigrate reads the tables an ent-generated migrate package
// declares (its schema.go): each table's primary key, its columns that
// are Unique, its Unique indexes with their partial predicate
// (entsql.IndexAnnotation Where) and which columns are Nullable. This is
// the schema ent creates, with mixins, storage keys and edges already
// resolved by ent's code generator.
//
// The files are the package's parsed sources; fset positions them for the
// keys' sources. Declarations of any other shape are ignored.
func ParseEntMigrate(fset *token.FileSet, files []*ast.File) *Catalog {
	p := entMigrateParser{fset: fset, columns: map[string][]entColumn{}, cat: NewCatalog()}
	var tables []*ast.CompositeLit
	for _, f := range files {
		schemaName, hasSchema := fileImportName(f, entSQLSchemaPath)
		if !hasSchema {
			continue
		}
		p.entsqlName, _ = fileImportName(f, entSQLAnnotPath)
		p.file = f
		forEachPackageVar(f, func(name string, value ast.Expr) {
			switch lit := compositeLitOf(value, schemaName); {
			case lit == nil:
			case selectorIs(lit.Type, schemaName, "Table"):
				tables = append(tables, lit)
			}
			if arr, ok := value.(*ast.CompositeLit); ok && isColumnSlice(arr.Type, schemaName) {
				p.columns[name] = p.readColumns(arr)
			}
		})
	}
	for _, lit := range tables {
		p.readTable(lit)
	}
	return p.cat
}

type entMigrateParser struct {
	fset       *token.FileSet
	file       *ast.File
	entsqlName string
	columns    map[string][]entColumn // XColumns variables
	cat        *Catalog
}

// entColumn is one element of a generated XColumns slice.
type entColumn struct {
	name     string
	unique   bool
	nullable bool
	pos      token.Pos
}

func (p *entMigrateParser) readColumns(arr *ast.CompositeLit) []entColumn {
	cols := make([]entColumn, 0, len(arr.Elts))
	for _, e := range arr.Elts {
		lit, ok := e.(*ast.CompositeLit)
		if !ok {
			cols = append(cols, entColumn{}) // keeps indexes aligned; an unnamed column is never a key part
			continue
		}
		c := entColumn{pos: lit.Pos()}
		for key, v := range litFields(lit) {
			switch key {
			case "Name":
				c.name, _ = litString(v)
			case "Unique":
				c.unique = litTrue(v)
			case "Nullable":
				c.nullable = litTrue(v)
			}
		}
		cols = append(cols, c)
	}
	return cols
}

// readTable adds one &schema.Table{...} literal to the catalog.
func (p *entMigrateParser) readTable(lit *ast.CompositeLit) {
	f := litFields(lit)
	name, ok := litString(f["Name"])
	if !ok {
		return
	}
	t := p.cat.Ensure(name)
	t.Source = p.source(lit.Pos())
	colsVar, _ := f["Columns"].(*ast.Ident)
	var cols []entColumn
	if colsVar != nil {
		cols = p.columns[colsVar.Name]
	}
	for _, c := range cols {
		if c.name == "" {
			continue
		}
		t.Columns[c.name] = &Column{Name: c.name, NotNull: !c.nullable}
		if c.unique {
			t.AddKey(&Key{Kind: UniqueConstraint, Parts: []KeyPart{{Column: c.name}}, Source: p.source(c.pos)})
		}
	}
	if pk, ok := p.columnRefs(f["PrimaryKey"]); ok && len(pk) > 0 {
		t.AddKey(&Key{Kind: PrimaryKey, Parts: pk, Source: p.source(f["PrimaryKey"].Pos())})
		for _, part := range pk {
			if c := t.Columns[part.Column]; c != nil {
				c.NotNull = true
			}
		}
	}
	indexes, _ := f["Indexes"].(*ast.CompositeLit)
	if indexes == nil {
		return
	}
	for _, e := range indexes.Elts {
		idx, ok := e.(*ast.CompositeLit)
		if !ok {
			continue
		}
		fi := litFields(idx)
		if !litTrue(fi["Unique"]) {
			continue
		}
		parts, ok := p.columnRefs(fi["Columns"])
		if !ok || len(parts) == 0 {
			p.cat.Warnings = append(p.cat.Warnings, Warning{Source: p.source(idx.Pos()), Message: "unique index with columns that could not be read"})
			continue
		}
		k := &Key{Kind: UniqueIndex, Parts: parts, Source: p.source(idx.Pos())}
		k.Name, _ = litString(fi["Name"])
		if !p.readIndexAnnotation(k, fi["Annotation"]) {
			k.Uncertain = true
		}
		t.AddKey(k)
	}
}

// readIndexAnnotation applies an &entsql.IndexAnnotation{...}: its Where
// predicate and MySQL prefix lengths. It returns false when the
// annotation is not a literal it can read.
func (p *entMigrateParser) readIndexAnnotation(k *Key, e ast.Expr) bool {
	if e == nil {
		return true
	}
	lit := compositeLitOf(e, p.entsqlName)
	if lit == nil || !selectorIs(lit.Type, p.entsqlName, "IndexAnnotation") {
		return false
	}
	for key, v := range litFields(lit) {
		switch key {
		case "Where":
			where, ok := litString(v)
			if !ok {
				return false
			}
			k.Where = sqlscan.Normalize(where, sqlscan.Generic)
		case "Prefix":
			if n, err := strconv.Atoi(litText(v)); err == nil && len(k.Parts) == 1 {
				k.Parts[0].PrefixLen = n
			}
		case "PrefixColumns":
			m, _ := v.(*ast.CompositeLit)
			if m == nil {
				return false
			}
			for _, kv := range m.Elts {
				kv, ok := kv.(*ast.KeyValueExpr)
				if !ok {
					return false
				}
				col, _ := litString(kv.Key)
				n, err := strconv.Atoi(litText(kv.Value))
				for i := range k.Parts {
					if k.Parts[i].Column == col && err == nil {
						k.Parts[i].PrefixLen = n
					}
				}
			}
		}
	}
	return true
}

// columnRefs reads []*schema.Column{XColumns[1], XColumns[2]}.
func (p *entMigrateParser) columnRefs(e ast.Expr) ([]KeyPart, bool) {
	lit, ok := e.(*ast.CompositeLit)
	if !ok {
		return nil, e == nil
	}
	parts := make([]KeyPart, 0, len(lit.Elts))
	for _, elt := range lit.Elts {
		ix, ok := elt.(*ast.IndexExpr)
		if !ok {
			return nil, false
		}
		v, ok := ix.X.(*ast.Ident)
		if !ok {
			return nil, false
		}
		i, err := strconv.Atoi(litText(ix.Index))
		cols := p.columns[v.Name]
		if err != nil || i < 0 || i >= len(cols) || cols[i].name == "" {
			return nil, false
		}
		parts = append(parts, KeyPart{Column: cols[i].name})
	}
	return parts, true
}

func (p *entMigrateParser) source(pos token.Pos) Source {
	if p.fset == nil || !pos.IsValid() {
		return Source{}
	}
	at := p.fset.Position(pos)
	return Source{File: at.Filename, Line: at.Line}
}
