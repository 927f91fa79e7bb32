package analyzer

import (
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// tableNameOf returns the table a model's TableName() string method names.
// has reports whether the method exists; ok whether its result is a
// constant the analyzer could evaluate.
//
// Method bodies are not in export data, so for a model declared in another
// package the method's source file is parsed (once per process). This is
// the only file the analyzer reads outside the package under analysis, and
// only for a model used by a get-or-create call.
func (c *checker) tableNameOf(named *types.Named) (table string, has, ok bool) {
	sel := types.NewMethodSet(types.NewPointer(named)).Lookup(named.Obj().Pkg(), "TableName")
	if sel == nil {
		return "", false, false
	}
	fn, isFn := sel.Obj().(*types.Func)
	if !isFn {
		return "", false, false
	}
	sig := fn.Signature()
	if sig.Params().Len() != 0 || sig.Results().Len() != 1 {
		return "", true, false
	}
	if fn.Pkg() == c.pass.Pkg {
		return c.localTableName(fn)
	}
	return c.importedTableName(fn, named)
}

// localTableName evaluates TableName in the package under analysis, with
// full type information.
func (c *checker) localTableName(fn *types.Func) (string, bool, bool) {
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			decl, isFunc := d.(*ast.FuncDecl)
			if !isFunc || c.pass.TypesInfo.Defs[decl.Name] != fn {
				continue
			}
			ret := soleReturn(decl)
			if ret == nil {
				return "", true, false
			}
			if tv, ok := c.pass.TypesInfo.Types[ret]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
				return constant.StringVal(tv.Value), true, true
			}
			return "", true, false
		}
	}
	return "", true, false
}

// soleReturn returns the expression of a body that is just "return expr".
func soleReturn(decl *ast.FuncDecl) ast.Expr {
	if decl.Body == nil || len(decl.Body.List) != 1 {
		return nil
	}
	ret, ok := decl.Body.List[0].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return nil
	}
	return ret.Results[0]
}

// importedTableName evaluates TableName of a model in another package from
// its source file: string literals, constants of the model's package (their
// values are in export data) and concatenations of those.
func (c *checker) importedTableName(fn *types.Func, named *types.Named) (string, bool, bool) {
	filename := c.pass.Fset.Position(fn.Pos()).Filename
	if filename == "" {
		return "", true, false
	}
	file := parsedFiles.get(filename)
	if file == nil {
		return "", true, false
	}
	for _, d := range file.Decls {
		decl, isFunc := d.(*ast.FuncDecl)
		if !isFunc || decl.Name.Name != "TableName" || receiverTypeName(decl) != named.Obj().Name() {
			continue
		}
		ret := soleReturn(decl)
		if ret == nil {
			return "", true, false
		}
		s, ok := evalString(ret, constResolver(fn.Pkg(), filename))
		return s, true, ok
	}
	return "", true, false
}

func receiverTypeName(decl *ast.FuncDecl) string {
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

// evalString evaluates a constant string expression without type
// information; lookup resolves identifiers to constant expressions.
func evalString(e ast.Expr, lookup func(name string) (ast.Expr, string, bool)) (string, bool) {
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

// constResolver resolves a package-level constant of pkg: from export data
// when it is there (exported constants always are), else from the const
// declarations of the package's source files in the directory of file.
func constResolver(pkg *types.Package, file string) func(string) (ast.Expr, string, bool) {
	return func(name string) (ast.Expr, string, bool) {
		if k, ok := pkg.Scope().Lookup(name).(*types.Const); ok {
			if k.Val().Kind() != constant.String {
				return nil, "", false
			}
			return nil, constant.StringVal(k.Val()), true
		}
		for _, f := range packageFiles(file) {
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

// packageFiles returns the parsed file and then the other non-test Go
// files of its directory that belong to the same package.
func packageFiles(file string) []*ast.File {
	first := parsedFiles.get(file)
	if first == nil {
		return nil
	}
	files := []*ast.File{first}
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(file), "*.go"))
	for _, m := range matches {
		if m == file || strings.HasSuffix(m, "_test.go") {
			continue
		}
		if f := parsedFiles.get(m); f != nil && f.Name.Name == first.Name.Name {
			files = append(files, f)
		}
	}
	return files
}

// fileCache parses each Go source file at most once per process.
type fileCache struct {
	mu    sync.Mutex
	files map[string]*ast.File
}

var parsedFiles = &fileCache{files: map[string]*ast.File{}}

func (fc *fileCache) get(filename string) *ast.File {
	fc.mu.Lock()
	defer fc.mu.Unlock()
	if f, ok := fc.files[filename]; ok {
		return f
	}
	f, err := parser.ParseFile(token.NewFileSet(), filename, nil, parser.SkipObjectResolution)
	if err != nil {
		f = nil
	}
	fc.files[filename] = f
	readCounter.Add(1)
	return f
}
