package ent

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/sources"
	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/fsread"
)

// The ent schema package is not among the client's imports (runtime.go
// imports it only for hooks and defaults, and export data never holds
// it), but the client's directory says where it is: the go:generate
// directive that runs ent's code generator, or an entc.Generate call, is
// given the schema directory.

// entSchemaCatalog returns the keys the schema package's source declares,
// with tables named after the schema types, or nil when it is not found.
func entSchemaCatalog(fset *token.FileSet, e *entEntity) *schema.Catalog {
	filename := fset.Position(e.client.Obj().Pos()).Filename
	if filename == "" {
		return nil
	}
	clientDir := filepath.Dir(filename)
	dir := schemaDirs.Get(clientDir, func() string { return findEntSchemaDir(clientDir) })
	if dir == "" {
		return nil
	}
	return dirCatalog(dir, schema.ParseEntSchema)
}

// schemaDirs holds each client directory's schema directory, found once
// per process.
var schemaDirs = sources.NewCache[string, string]()

// findEntSchemaDir reads the hand-written Go files of the client's
// directory (generated ones are skipped after their first line) for the
// schema directory given to ent's generator.
func findEntSchemaDir(clientDir string) string {
	matches, _ := filepath.Glob(filepath.Join(clientDir, "*.go"))
	for _, m := range matches {
		if strings.HasSuffix(m, "_test.go") {
			continue
		}
		src := handWritten(m)
		if src == nil {
			continue
		}
		if rel := entGenerateArg(src, m); rel != "" {
			return filepath.Join(clientDir, rel)
		}
	}
	return ""
}

// handWritten returns the content of a Go file unless its first line
// marks it generated. It reads through fsread: a FIFO or a huge file named
// *.go in the client's directory is skipped, not read.
func handWritten(filename string) []byte {
	src, err := fsread.ReadFile(filename, fsread.MaxGoFile)
	sources.CountRead()
	if err != nil || bytes.HasPrefix(src, []byte("// Code generated ")) {
		return nil
	}
	return src
}

// entGenerateArg returns the relative schema path of a go:generate line
// that runs ent's generator (ent generate [flags] ./schema, through go run
// or an installed binary) or of an entc.Generate("./schema", ...) call.
func entGenerateArg(src []byte, filename string) string {
	for _, line := range strings.Split(string(src), "\n") {
		directive, ok := strings.CutPrefix(strings.TrimSpace(line), "//go:generate ")
		if !ok {
			continue
		}
		if rel := entGenerateDirectiveArg(strings.Fields(directive)); rel != "" {
			return rel
		}
	}
	if !bytes.Contains(src, []byte("entgo.io/ent/entc")) {
		return ""
	}
	f, err := parser.ParseFile(token.NewFileSet(), filename, src, parser.SkipObjectResolution)
	if err != nil {
		return ""
	}
	entc := importedAs(f, "entgo.io/ent/entc")
	var rel string
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || rel != "" || len(call.Args) == 0 {
			return rel == ""
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Generate" || !isIdentNamed(sel.X, entc) {
			return true
		}
		if lit, ok := call.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
			if s, err := strconv.Unquote(lit.Value); err == nil && isRelativePath(s) {
				rel = s
			}
		}
		return false
	})
	return rel
}

// entGenerateDirectiveArg reads the words of a go:generate directive:
// the generator (ent or entc, a path ending in /cmd/ent, possibly with a
// version) followed by generate, its flags (each takes a value) and the
// schema path.
func entGenerateDirectiveArg(words []string) string {
	for i, w := range words {
		tool, _, _ := strings.Cut(w, "@")
		isEnt := tool == "ent" || tool == "entc" || strings.HasSuffix(tool, "/cmd/ent") || strings.HasSuffix(tool, "/cmd/entc")
		if !isEnt || i+1 >= len(words) || words[i+1] != "generate" {
			continue
		}
		for j := i + 2; j < len(words); j++ {
			arg := words[j]
			if strings.HasPrefix(arg, "-") {
				if !strings.Contains(arg, "=") {
					j++ // the flag's value
				}
				continue
			}
			if isRelativePath(arg) {
				return arg
			}
			return ""
		}
	}
	return ""
}

func isRelativePath(p string) bool {
	return p == "." || strings.HasPrefix(p, "./") || strings.HasPrefix(p, "../")
}

func isIdentNamed(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && name != "" && id.Name == name
}
