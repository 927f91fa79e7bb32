package sources

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"path/filepath"
	"strconv"
	"strings"
)

// Go source read outside the package under analysis: method bodies are not
// in export data, so a model's TableName or a generated ent predicate is
// read from its file.

// SoleReturn returns the expression of a body that is just "return expr".
func SoleReturn(decl *ast.FuncDecl) ast.Expr {
	if decl.Body == nil || len(decl.Body.List) != 1 {
		return nil
	}
	ret, ok := decl.Body.List[0].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return nil
	}
	return ret.Results[0]
}

func ReceiverTypeName(decl *ast.FuncDecl) string {
	if decl.Recv == nil || len(decl.Recv.List) != 1 {
		return ""
	}
	t := decl.Recv.List[0].Type
	for {
		switch x := t.(type) {
		case *ast.StarExpr:
			t = x.X
		case *ast.ParenExpr:
			t = x.X
		case *ast.IndexExpr:
			t = x.X
		case *ast.IndexListExpr:
			t = x.X
		case *ast.Ident:
			return x.Name
		default:
			return ""
		}
	}
}

// EvalString evaluates a constant string expression without type
// information; lookup resolves identifiers to constant expressions.
func EvalString(e ast.Expr, lookup func(name string) (ast.Expr, string, bool)) (string, bool) {
	return evalStringDepth(e, lookup, 0)
}

func evalStringDepth(e ast.Expr, lookup func(name string) (ast.Expr, string, bool), depth int) (string, bool) {
	if depth > 20 {
		return "", false
	}
	switch x := e.(type) {
	case *ast.ParenExpr:
		return evalStringDepth(x.X, lookup, depth+1)
	case *ast.BasicLit:
		if x.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(x.Value)
		return s, err == nil
	case *ast.Ident:
		expr, value, ok := lookup(x.Name)
		switch {
		case !ok:
			return "", false
		case expr == nil:
			return value, true
		}
		return evalStringDepth(expr, lookup, depth+1)
	case *ast.BinaryExpr:
		if x.Op != token.ADD {
			return "", false
		}
		l, ok1 := evalStringDepth(x.X, lookup, depth+1)
		r, ok2 := evalStringDepth(x.Y, lookup, depth+1)
		return l + r, ok1 && ok2
	}
	return "", false
}

// ConstResolver resolves a package-level constant of pkg: from export data
// when it is there (exported constants always are), else from the const
// declarations of the package's source files in the directory of file.
func ConstResolver(pkg *types.Package, file string) func(string) (ast.Expr, string, bool) {
	return func(name string) (ast.Expr, string, bool) {
		if k, ok := pkg.Scope().Lookup(name).(*types.Const); ok {
			if k.Val().Kind() != constant.String {
				return nil, "", false
			}
			return nil, constant.StringVal(k.Val()), true
		}
		for _, f := range PackageFiles(file) {
			if e := constDecl(f, name); e != nil {
				return e, "", true
			}
		}
		return nil, "", false
	}
}

// constDecl returns the value expression of the top-level constant name.
func constDecl(f *ast.File, name string) ast.Expr {
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.CONST {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			for i, id := range vs.Names {
				if id.Name == name && i < len(vs.Values) {
					return vs.Values[i]
				}
			}
		}
	}
	return nil
}

// PackageFiles returns the parsed file and then the other non-test Go
// files of its directory that belong to the same package.
func PackageFiles(file string) []*ast.File {
	first, err := ParseFile(file)
	if err != nil {
		return nil
	}
	files := []*ast.File{first}
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(file), "*.go"))
	for _, m := range matches {
		if m == file || strings.HasSuffix(m, "_test.go") {
			continue
		}
		if f, err := ParseFile(m); err == nil && f.Name.Name == first.Name.Name {
			files = append(files, f)
		}
	}
	return files
}
