package schema

import (
	"go/ast"
	"go/token"
	"strconv"
	"strings"
)

// Helpers for reading declarations from Go source without type
// information, as the ent sources (the generated migrate package, the
// schema package) are read.

// fileImportName returns the name under which f imports path.
func fileImportName(f *ast.File, path string) (string, bool) {
	for _, spec := range f.Imports {
		p, err := strconv.Unquote(spec.Path.Value)
		if err != nil || p != path {
			continue
		}
		if spec.Name != nil {
			return spec.Name.Name, spec.Name.Name != "_" && spec.Name.Name != "."
		}
		return p[strings.LastIndex(p, "/")+1:], true
	}
	return "", false
}

// forEachPackageVar calls fn for each package-level var name = value of f.
func forEachPackageVar(f *ast.File, fn func(name string, value ast.Expr)) {
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			for i, id := range vs.Names {
				if i < len(vs.Values) {
					fn(id.Name, vs.Values[i])
				}
			}
		}
	}
}

// compositeLitOf returns the literal of &pkg.T{...} or pkg.T{...}.
func compositeLitOf(e ast.Expr, pkg string) *ast.CompositeLit {
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = u.X
	}
	lit, ok := e.(*ast.CompositeLit)
	if !ok {
		return nil
	}
	if sel, ok := lit.Type.(*ast.SelectorExpr); !ok || !identIs(sel.X, pkg) {
		return nil
	}
	return lit
}

// isColumnSlice reports whether t is []*schema.Column.
func isColumnSlice(t ast.Expr, schemaName string) bool {
	arr, ok := t.(*ast.ArrayType)
	if !ok || arr.Len != nil {
		return false
	}
	star, ok := arr.Elt.(*ast.StarExpr)
	return ok && selectorIs(star.X, schemaName, "Column")
}

func selectorIs(e ast.Expr, pkg, name string) bool {
	sel, ok := e.(*ast.SelectorExpr)
	return ok && sel.Sel.Name == name && identIs(sel.X, pkg)
}

func identIs(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}

// litFields maps the keys of a keyed composite literal to their values.
func litFields(lit *ast.CompositeLit) map[string]ast.Expr {
	out := map[string]ast.Expr{}
	for _, e := range lit.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if id, ok := kv.Key.(*ast.Ident); ok {
			out[id.Name] = kv.Value
		}
	}
	return out
}

func litString(e ast.Expr) (string, bool) {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}

func litText(e ast.Expr) string {
	if lit, ok := e.(*ast.BasicLit); ok {
		return lit.Value
	}
	return ""
}

func litTrue(e ast.Expr) bool { return identIs(e, "true") }
