package ent

import (
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/sources"
	"github.com/getorcreatelint/getorcreatelint/schema"
)

// entSQLSchemaPath declares the migrate package's table descriptions.
const entSQLSchemaPath = "entgo.io/ent/dialect/sql/schema"

// entTables returns what ent declares about the entity's table: the
// generated migrate package's description (ent's own flattened view, with
// mixins, storage keys and edges resolved) and, when the schema package
// is found, the keys its source declares.
func (r *Recognizer) entTables(e *entEntity) []*schema.Table {
	var out []*schema.Table
	if cat := entMigrateCatalog(r.pass.Fset, e.clientPkg); cat != nil {
		if t := cat.Table(e.table); t != nil {
			out = append(out, t)
		}
	}
	if cat := entSchemaCatalog(r.pass.Fset, e); cat != nil {
		if t := cat.Table(e.name); t != nil {
			out = append(out, t)
		}
	}
	return out
}

// entMigrateCatalog reads the migrate package of a generated client,
// from the directory of its source, once per process. The package is the
// client's import that declares Tables, a []*schema.Table of ent's SQL
// dialect, or (when only the client's export data is at hand, which holds
// the declarations the client refers to) a type whose Create method takes
// ...schema.MigrateOption: the Schema the client's Schema field holds.
func entMigrateCatalog(fset *token.FileSet, clientPkg *types.Package) *schema.Catalog {
	for _, p := range clientPkg.Imports() {
		obj := entMigrateObject(p)
		if obj == nil {
			continue
		}
		filename := fset.Position(obj.Pos()).Filename
		if filename == "" {
			return nil
		}
		return dirCatalog(filepath.Dir(filename), schema.ParseEntMigrate)
	}
	return nil
}

// entMigrateObject returns the object that marks p as a generated migrate
// package, or nil.
func entMigrateObject(p *types.Package) types.Object {
	if v, ok := p.Scope().Lookup("Tables").(*types.Var); ok && isEntTableSlice(v.Type()) {
		return v
	}
	for _, name := range p.Scope().Names() {
		tn, ok := p.Scope().Lookup(name).(*types.TypeName)
		if !ok {
			continue
		}
		n, ok := tn.Type().(*types.Named)
		if !ok {
			continue
		}
		create := methodOf(n, "Create")
		if create == nil || !create.Signature().Variadic() {
			continue
		}
		params := create.Signature().Params()
		if opt := namedOfSliceElem(params.At(params.Len() - 1).Type()); opt != nil && flow.IsNamed(opt, entSQLSchemaPath, "MigrateOption") {
			return tn
		}
	}
	return nil
}

// isEntTableSlice reports whether t is []*schema.Table of ent's SQL
// dialect.
func isEntTableSlice(t types.Type) bool {
	s, ok := types.Unalias(t).(*types.Slice)
	if !ok {
		return false
	}
	_, isPtr := types.Unalias(s.Elem()).(*types.Pointer)
	return isPtr && flow.IsNamed(s.Elem(), entSQLSchemaPath, "Table")
}

// dirCatalogs holds the catalog read from each directory's Go files, once
// per directory and process.
var dirCatalogs = sources.NewCache[string, *schema.Catalog]()

// dirCatalog parses the Go files of dir and reads a catalog from them.
func dirCatalog(dir string, read func(*token.FileSet, []*ast.File) *schema.Catalog) *schema.Catalog {
	return dirCatalogs.Get(dir, func() *schema.Catalog {
		fset := token.NewFileSet()
		if files := sources.ParseDir(fset, dir); len(files) > 0 {
			return read(fset, files)
		}
		return nil
	})
}
