package schema

import (
	"go/ast"
	"go/token"

	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// Import paths of the ent packages a schema package declares with.
const (
	entFieldPath = "entgo.io/ent/schema/field"
	entIndexPath = "entgo.io/ent/schema/index"
	entEdgePath  = "entgo.io/ent/schema/edge"
	entPath      = "entgo.io/ent"
)

// ParseEntSchema reads the unique keys an ent schema package's source
// declares, per schema type. The catalog's tables are named after the
// types (user for User): the tables' own names are the generated code's
// to say. It reads:
//
//   - the primary key: the id column (its StorageKey if the schema
//     declares field "id"), or the fields of a field.ID(...) annotation;
//   - field.X("f").Unique(), stored in its StorageKey column;
//   - index.Fields(...).Edges(...).Unique(), with an entsql.IndexWhere
//     annotation as the partial predicate;
//   - the edge field of a one-to-one edge: From(...).Ref(r).Unique().Field(f)
//     whose referenced To(r, ...) edge is Unique too;
//   - fields and indexes of the package's own mixins.
//
// Optional fields are nullable columns. Declarations built in ways other
// than these literal chains are skipped, as are keys over an edge without
// an edge field (the generated migrate package names those columns).
func ParseEntSchema(fset *token.FileSet, files []*ast.File) *Catalog {
	p := &entSchemaParser{fset: fset, methods: map[string]map[string]entSchemaList{}, schemas: map[string]bool{}}
	for _, f := range files {
		p.collect(f)
	}
	cat := NewCatalog()
	for name := range p.schemas {
		t := p.table(name)
		cat.Tables[t.Name] = t
	}
	return cat
}

// entSchemaList is the []ent.X{...} literal a schema method returns, with
// the file it is written in (for its imports).
type entSchemaList struct {
	elts []ast.Expr
	file *ast.File
}

type entSchemaParser struct {
	fset    *token.FileSet
	methods map[string]map[string]entSchemaList // type name -> method name -> returned list
	schemas map[string]bool                     // types embedding ent.Schema
}

// collect records the schema types of f and the lists their Fields,
// Edges, Indexes, Mixin and Annotations methods return.
func (p *entSchemaParser) collect(f *ast.File) {
	entName, hasEnt := fileImportName(f, entPath)
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.GenDecl:
			if !hasEnt || d.Tok != token.TYPE {
				continue
			}
			for _, spec := range d.Specs {
				ts := spec.(*ast.TypeSpec)
				if st, ok := ts.Type.(*ast.StructType); ok && embeds(st, entName, "Schema") {
					p.schemas[ts.Name.Name] = true
				}
			}
		case *ast.FuncDecl:
			recv := recvTypeName(d)
			if recv == "" || d.Body == nil || len(d.Body.List) != 1 {
				continue
			}
			ret, ok := d.Body.List[0].(*ast.ReturnStmt)
			if !ok || len(ret.Results) != 1 {
				continue
			}
			lit, ok := ret.Results[0].(*ast.CompositeLit)
			if !ok {
				continue
			}
			if p.methods[recv] == nil {
				p.methods[recv] = map[string]entSchemaList{}
			}
			p.methods[recv][d.Name.Name] = entSchemaList{elts: lit.Elts, file: f}
		}
	}
}

// entSchemaField is a field as the schema declares it.
type entSchemaField struct {
	column   string
	unique   bool
	optional bool
	pos      token.Pos
}

// entSchemaEdge is an edge as the schema declares it.
type entSchemaEdge struct {
	to      bool   // edge.To; edge.From otherwise
	target  string // the type the edge points to
	ref     string // From: the To edge of target it inverts
	unique  bool
	field   string // the edge field holding the foreign key, if declared
	pos     token.Pos
	ownType string
}

// table builds the keys of schema type name.
func (p *entSchemaParser) table(name string) *Table {
	t := NewTable(name)
	fields := map[string]*entSchemaField{}
	var order, edgeOrder []string
	var indexes []entSchemaList
	edges := map[string]*entSchemaEdge{}
	for _, owner := range append(p.mixins(name), name) {
		list := p.methods[owner]["Fields"]
		for _, e := range list.elts {
			if fd, fname := p.field(list.file, e); fd != nil {
				fields[fname] = fd
				order = append(order, fname)
			}
		}
		indexes = append(indexes, p.methods[owner]["Indexes"])
		list = p.methods[owner]["Edges"]
		for _, e := range list.elts {
			if ed, ename := p.edge(list.file, e); ed != nil {
				ed.ownType = name
				if edges[ename] == nil {
					edgeOrder = append(edgeOrder, ename)
				}
				edges[ename] = ed
			}
		}
	}
	for _, fname := range order {
		fd := fields[fname]
		t.Columns[fd.column] = &Column{Name: fd.column, NotNull: !fd.optional}
		if fd.unique {
			t.AddKey(&Key{Kind: UniqueConstraint, Parts: []KeyPart{{Column: fd.column}}, Source: p.source(fd.pos)})
		}
	}
	p.primaryKey(t, name, fields)
	for _, list := range indexes {
		for _, e := range list.elts {
			if k := p.index(list.file, e, fields, edges); k != nil {
				t.AddKey(k)
			}
		}
	}
	for _, ename := range edgeOrder {
		ed := edges[ename]
		if col, ok := p.oneToOneColumn(ed, fields); ok {
			t.AddKey(&Key{Kind: UniqueConstraint, Parts: []KeyPart{{Column: col}}, Source: p.source(ed.pos)})
		}
	}
	return t
}

// primaryKey adds the id column, or the fields of a field.ID annotation.
func (p *entSchemaParser) primaryKey(t *Table, name string, fields map[string]*entSchemaField) {
	pk := &Key{Kind: PrimaryKey, Parts: []KeyPart{{Column: "id"}}}
	if id := fields["id"]; id != nil {
		pk.Parts[0].Column = id.column
	}
	annots := p.methods[name]["Annotations"]
	var fieldName string
	if annots.file != nil {
		fieldName, _ = fileImportName(annots.file, entFieldPath)
	}
	for _, e := range annots.elts {
		call, ok := e.(*ast.CallExpr)
		if !ok || !selectorIs(call.Fun, fieldName, "ID") {
			continue
		}
		pk.Parts = nil
		for _, arg := range call.Args {
			f, _ := litString(arg)
			fd := fields[f]
			if fd == nil {
				return // a composite id over fields not read: leave it to the generated code
			}
			pk.Parts = append(pk.Parts, KeyPart{Column: fd.column})
		}
	}
	for _, part := range pk.Parts {
		if c := t.Columns[part.Column]; c != nil {
			c.NotNull = true
		} else {
			t.Columns[part.Column] = &Column{Name: part.Column, NotNull: true}
		}
	}
	t.AddKey(pk)
}

// mixins returns the package's own types that name's Mixin method lists.
func (p *entSchemaParser) mixins(name string) []string {
	var out []string
	for _, e := range p.methods[name]["Mixin"].elts {
		lit, ok := e.(*ast.CompositeLit)
		if !ok {
			continue
		}
		if id, ok := lit.Type.(*ast.Ident); ok {
			out = append(out, id.Name)
		}
	}
	return out
}

// chain unrolls a builder chain a.B(x).C(y) into its root call and the
// method calls on it, in order.
func chain(e ast.Expr) (root *ast.CallExpr, calls []*ast.CallExpr) {
	for {
		call, ok := e.(*ast.CallExpr)
		if !ok {
			return nil, nil
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok {
			return nil, nil
		}
		if _, isPkg := sel.X.(*ast.Ident); isPkg {
			for i, j := 0, len(calls)-1; i < j; i, j = i+1, j-1 {
				calls[i], calls[j] = calls[j], calls[i]
			}
			return call, calls
		}
		calls = append(calls, call)
		e = sel.X
	}
}

func methodName(call *ast.CallExpr) string { return call.Fun.(*ast.SelectorExpr).Sel.Name }

// field reads field.X("name")....: its column, Unique and Optional.
func (p *entSchemaParser) field(file *ast.File, e ast.Expr) (*entSchemaField, string) {
	root, calls := chain(e)
	if root == nil || len(root.Args) == 0 || !fromPkg(file, root, entFieldPath) {
		return nil, ""
	}
	name, ok := litString(root.Args[0])
	if !ok {
		return nil, ""
	}
	fd := &entSchemaField{column: name, pos: e.Pos()}
	for _, c := range calls {
		switch methodName(c) {
		case "Unique":
			fd.unique, fd.pos = true, c.Pos()
		case "Optional":
			fd.optional = true
		case "StorageKey":
			if len(c.Args) == 1 {
				if col, ok := litString(c.Args[0]); ok {
					fd.column = col
				}
			}
		}
	}
	return fd, name
}

// edge reads edge.To/From("name", T.Type)....
func (p *entSchemaParser) edge(file *ast.File, e ast.Expr) (*entSchemaEdge, string) {
	root, calls := chain(e)
	if root == nil || len(root.Args) != 2 || !fromPkg(file, root, entEdgePath) {
		return nil, ""
	}
	name, ok := litString(root.Args[0])
	if !ok {
		return nil, ""
	}
	ed := &entSchemaEdge{to: methodName(root) == "To", pos: e.Pos()}
	if sel, ok := root.Args[1].(*ast.SelectorExpr); ok && sel.Sel.Name == "Type" {
		if id, ok := sel.X.(*ast.Ident); ok {
			ed.target = id.Name
		}
	}
	for _, c := range calls {
		arg := ""
		if len(c.Args) == 1 {
			arg, _ = litString(c.Args[0])
		}
		switch methodName(c) {
		case "Unique":
			ed.unique = true
		case "Ref":
			ed.ref = arg
		case "Field":
			ed.field = arg
		}
	}
	return ed, name
}

// fromPkg reports whether the chain's root is a function of the package
// at path, as file imports it.
func fromPkg(file *ast.File, root *ast.CallExpr, path string) bool {
	name, ok := fileImportName(file, path)
	return ok && root.Fun.(*ast.SelectorExpr).X.(*ast.Ident).Name == name
}

// index reads index.Fields(...).Edges(...).Unique() with an optional
// entsql.IndexWhere annotation; nil unless unique and fully resolved.
func (p *entSchemaParser) index(file *ast.File, e ast.Expr, fields map[string]*entSchemaField, edges map[string]*entSchemaEdge) *Key {
	root, calls := chain(e)
	if root == nil || !fromPkg(file, root, entIndexPath) {
		return nil
	}
	entsqlName, _ := fileImportName(file, entSQLAnnotPath)
	k := &Key{Kind: UniqueIndex, Source: p.source(e.Pos())}
	unique := false
	var parts []KeyPart
	for _, c := range append([]*ast.CallExpr{root}, calls...) {
		switch methodName(c) {
		case "Fields":
			for _, arg := range c.Args {
				name, _ := litString(arg)
				fd := fields[name]
				if fd == nil {
					return nil
				}
				parts = append(parts, KeyPart{Column: fd.column})
			}
		case "Edges":
			for _, arg := range c.Args {
				name, _ := litString(arg)
				ed := edges[name]
				if ed == nil || ed.field == "" || fields[ed.field] == nil {
					return nil
				}
				parts = append(parts, KeyPart{Column: fields[ed.field].column})
			}
		case "Unique":
			unique = true
		case "StorageKey":
			if len(c.Args) == 1 {
				k.Name, _ = litString(c.Args[0])
			}
		case "Annotations":
			for _, a := range c.Args {
				call, ok := a.(*ast.CallExpr)
				if ok && selectorIs(call.Fun, entsqlName, "IndexWhere") && len(call.Args) == 1 {
					where, ok := litString(call.Args[0])
					if !ok {
						return nil
					}
					k.Where = sqlscan.Normalize(where, sqlscan.Generic)
				}
			}
		}
	}
	if !unique || len(parts) == 0 {
		return nil
	}
	k.Parts = parts
	return k
}

// oneToOneColumn returns the edge field's column of an inverse edge whose
// referenced edge is unique too: a one-to-one edge, whose foreign key ent
// makes unique.
func (p *entSchemaParser) oneToOneColumn(ed *entSchemaEdge, fields map[string]*entSchemaField) (string, bool) {
	if ed.to || !ed.unique || ed.field == "" || ed.ref == "" || fields[ed.field] == nil {
		return "", false
	}
	list := p.methods[ed.target]["Edges"]
	for _, e := range list.elts {
		other, name := p.edge(list.file, e)
		if other != nil && name == ed.ref && other.to && other.unique && other.target == ed.ownType {
			return fields[ed.field].column, true
		}
	}
	return "", false
}

func (p *entSchemaParser) source(pos token.Pos) Source {
	if p.fset == nil || !pos.IsValid() {
		return Source{}
	}
	at := p.fset.Position(pos)
	return Source{File: at.Filename, Line: at.Line}
}

// embeds reports whether st embeds pkg.name.
func embeds(st *ast.StructType, pkg, name string) bool {
	for _, f := range st.Fields.List {
		if len(f.Names) == 0 && selectorIs(f.Type, pkg, name) {
			return true
		}
	}
	return false
}

// recvTypeName returns T for a method on T or *T.
func recvTypeName(d *ast.FuncDecl) string {
	if d.Recv == nil || len(d.Recv.List) != 1 {
		return ""
	}
	t := d.Recv.List[0].Type
	if star, ok := t.(*ast.StarExpr); ok {
		t = star.X
	}
	if id, ok := t.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}
