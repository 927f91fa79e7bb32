package analyzer

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"
	"sync"

	"github.com/getorcreatelint/getorcreatelint/schema"
)

// entSQLSchemaPath declares the migrate package's table descriptions.
const entSQLSchemaPath = "entgo.io/ent/dialect/sql/schema"

// entTables returns what ent declares about the entity's table: the
// generated migrate package's description (ent's own flattened view, with
// mixins, storage keys and edges resolved) and, when the schema package
// is found, the keys its source declares.
func (c *checker) entTables(e *entEntity) []*schema.Table {
	var out []*schema.Table
	if cat := entMigrateCatalog(c.pass.Fset, e.clientPkg); cat != nil {
		if t := cat.Table(e.table); t != nil {
			out = append(out, t)
		}
	}
	return out
}

// entMigrateCatalog reads the migrate package of a generated client: the
// imported package whose Tables variable is a []*schema.Table of ent's
// SQL dialect. Its source is read from the directory of that variable's
// declaration, once per process.
func entMigrateCatalog(fset *token.FileSet, clientPkg *types.Package) *schema.Catalog {
	for _, p := range clientPkg.Imports() {
		v, ok := p.Scope().Lookup("Tables").(*types.Var)
		if !ok || !isEntTableSlice(v.Type()) {
			continue
		}
		filename := fset.Position(v.Pos()).Filename
		if filename == "" {
			return nil
		}
		return entDirs.catalog(filepath.Dir(filename), schema.ParseEntMigrate)
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
	return isPtr && isNamed(s.Elem(), entSQLSchemaPath, "Table")
}

// entDirCache parses the Go files of a directory and reads a catalog from
// them, once per directory and process.
type entDirCache struct {
	mu   sync.Mutex
	cats map[string]*schema.Catalog
}

var entDirs = &entDirCache{cats: map[string]*schema.Catalog{}}

func (dc *entDirCache) catalog(dir string, read func(*token.FileSet, []*ast.File) *schema.Catalog) *schema.Catalog {
	dc.mu.Lock()
	defer dc.mu.Unlock()
	if cat, ok := dc.cats[dir]; ok {
		return cat
	}
	fset := token.NewFileSet()
	files := parseGoDir(fset, dir)
	var cat *schema.Catalog
	if len(files) > 0 {
		cat = read(fset, files)
	}
	dc.cats[dir] = cat
	return cat
}

// parseGoDir parses the non-test Go files of dir that declare the same
// package as the first one.
func parseGoDir(fset *token.FileSet, dir string) []*ast.File {
	matches, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	var files []*ast.File
	for _, m := range matches {
		if strings.HasSuffix(m, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, m, nil, parser.SkipObjectResolution|parser.ParseComments)
		readCounter.Add(1)
		if err != nil {
			continue
		}
		if len(files) > 0 && f.Name.Name != files[0].Name.Name {
			continue
		}
		files = append(files, f)
	}
	return files
}
