package ent

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/sources"
)

// Function bodies are not in export data, so what a generated predicate
// does is read from its source file (parsed once per process, through
// parsedFiles), and only for the predicates used by a get-or-create.

// entPredKind is what a generated predicate function does.
type entPredKind uint8

const (
	entPredOther  entPredKind = iota // anything not below: pins nothing
	entPredEq                        // sql.FieldEQ(FieldX, v)
	entPredIsNull                    // sql.FieldIsNull(FieldX)
	entPredAnd                       // sql.AndPredicates(ps...)
	entPredEdge                      // HasXWith along an edge whose foreign key is in this table
)

// entPredicateDesc describes a generated predicate function.
type entPredicateDesc struct {
	kind     entPredKind
	op       string // the sql or sqlgraph function the body calls
	column   string // Eq, IsNull: the column; Edge: the foreign-key column
	param    int    // Eq: the parameter holding the value
	toColumn string // Edge: the column of the other table the key references
}

var predicates = sources.NewCache[string, entPredicateDesc]()

// entPredicateOf describes the package-level function fn of an entity
// package from its generated source.
func entPredicateOf(fset *token.FileSet, fn *types.Func) entPredicateDesc {
	filename := fset.Position(fn.Pos()).Filename
	return predicates.Get(filename+"\x00"+fn.Name(), func() entPredicateDesc { return describeEntPredicate(fn, filename) })
}

func describeEntPredicate(fn *types.Func, filename string) entPredicateDesc {
	if filename == "" {
		return entPredicateDesc{}
	}
	file, err := sources.ParseFile(filename)
	if err != nil {
		return entPredicateDesc{} // counted in sources.ParseErrors
	}
	decl := funcDecl(file, fn.Name())
	if decl == nil {
		return entPredicateDesc{}
	}
	// The body is "return predicate.T(<expr>)".
	ret := sources.SoleReturn(decl)
	conv, ok := ret.(*ast.CallExpr)
	if !ok || len(conv.Args) != 1 {
		return entPredicateDesc{}
	}
	r := entSourceReader{file: file, filename: filename, pkg: fn.Pkg()}
	switch x := conv.Args[0].(type) {
	case *ast.CallExpr:
		return r.sqlPredicate(decl, x)
	case *ast.FuncLit:
		return r.edgePredicate(x)
	}
	return entPredicateDesc{}
}

// entSourceReader reads expressions of one generated file.
type entSourceReader struct {
	file     *ast.File
	filename string
	pkg      *types.Package
}

// sqlPredicate reads sql.FieldEQ(FieldX, v), sql.FieldIsNull(FieldX),
// sql.AndPredicates(ps...) and names any other sql function.
func (r entSourceReader) sqlPredicate(decl *ast.FuncDecl, call *ast.CallExpr) entPredicateDesc {
	name, ok := r.pkgFunc(call, entSQLPath)
	if !ok {
		return entPredicateDesc{}
	}
	d := entPredicateDesc{op: name}
	switch name {
	case "FieldEQ":
		if len(call.Args) != 2 {
			return d
		}
		col, ok := r.constant(call.Args[0])
		param := paramIndex(decl, call.Args[1])
		if ok && param >= 0 {
			d.kind, d.column, d.param = entPredEq, col, param
		}
	case "FieldIsNull":
		if len(call.Args) != 1 {
			return d
		}
		if col, ok := r.constant(call.Args[0]); ok {
			d.kind, d.column = entPredIsNull, col
		}
	case "AndPredicates":
		d.kind = entPredAnd
	}
	return d
}

// edgePredicate reads HasXWith: a function literal that builds a step
// (inline or by calling newXStep) and calls sqlgraph.HasNeighborsWith.
// The lookup pins the edge's foreign key when the key is in this table
// (the step goes from the edge's owner: M2O, or an inverse O2O).
func (r entSourceReader) edgePredicate(lit *ast.FuncLit) entPredicateDesc {
	var step *ast.CallExpr
	d := entPredicateDesc{}
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if name, ok := r.pkgFunc(call, entGraphPath); ok {
			switch name {
			case "HasNeighborsWith", "HasNeighbors":
				d.op = name
			case "NewStep":
				step = call
			}
			return true
		}
		if id, ok := call.Fun.(*ast.Ident); ok && len(call.Args) == 0 && step == nil {
			step = r.stepBuiltBy(id.Name)
		}
		return true
	})
	if d.op != "HasNeighborsWith" || step == nil {
		return d
	}
	var to, fk string
	var owner bool
	for _, arg := range step.Args {
		call, ok := arg.(*ast.CallExpr)
		if !ok {
			continue
		}
		name, _ := r.pkgFunc(call, entGraphPath)
		switch {
		case name == "To" && len(call.Args) == 2:
			to, _ = r.constant(call.Args[1])
		case name == "Edge" && len(call.Args) == 4:
			rel, _ := r.pkgSelector(call.Args[0], entGraphPath)
			inverse := litTrue(call.Args[1])
			owner = rel == "M2O" || (rel == "O2O" && inverse)
			fk, _ = r.constant(call.Args[3])
		}
	}
	if owner && to != "" && fk != "" {
		d.kind, d.column, d.toColumn = entPredEdge, fk, to
	}
	return d
}

// stepBuiltBy returns the sqlgraph.NewStep call that the package's
// function name (newXStep) returns.
func (r entSourceReader) stepBuiltBy(name string) *ast.CallExpr {
	for _, f := range sources.PackageFiles(r.filename) {
		decl := funcDecl(f, name)
		if decl == nil {
			continue
		}
		call, ok := sources.SoleReturn(decl).(*ast.CallExpr)
		if !ok {
			return nil
		}
		rf := entSourceReader{file: f, filename: r.filename, pkg: r.pkg}
		if n, ok := rf.pkgFunc(call, entGraphPath); ok && n == "NewStep" {
			return call
		}
		return nil
	}
	return nil
}

// pkgFunc returns the name of a call pkg.Name(...) where pkg is the
// file's import of path.
func (r entSourceReader) pkgFunc(call *ast.CallExpr, path string) (string, bool) {
	return r.pkgSelector(call.Fun, path)
}

func (r entSourceReader) pkgSelector(e ast.Expr, path string) (string, bool) {
	sel, ok := e.(*ast.SelectorExpr)
	if !ok {
		return "", false
	}
	id, ok := sel.X.(*ast.Ident)
	if !ok || importedAs(r.file, path) != id.Name {
		return "", false
	}
	return sel.Sel.Name, true
}

// constant evaluates a string constant of the entity package.
func (r entSourceReader) constant(e ast.Expr) (string, bool) {
	return sources.EvalString(e, sources.ConstResolver(r.pkg, r.filename))
}

// importedAs returns the name under which f imports path, or "".
func importedAs(f *ast.File, path string) string {
	for _, spec := range f.Imports {
		p, err := strconv.Unquote(spec.Path.Value)
		if err != nil || p != path {
			continue
		}
		if spec.Name != nil {
			return spec.Name.Name
		}
		return p[strings.LastIndex(p, "/")+1:]
	}
	return ""
}

// funcDecl returns the package-level function name declared in f.
func funcDecl(f *ast.File, name string) *ast.FuncDecl {
	for _, d := range f.Decls {
		if decl, ok := d.(*ast.FuncDecl); ok && decl.Recv == nil && decl.Name.Name == name {
			return decl
		}
	}
	return nil
}

// paramIndex returns the position of the parameter e names, or -1.
func paramIndex(decl *ast.FuncDecl, e ast.Expr) int {
	id, ok := e.(*ast.Ident)
	if !ok {
		return -1
	}
	i := 0
	for _, field := range decl.Type.Params.List {
		for _, name := range field.Names {
			if name.Name == id.Name {
				return i
			}
			i++
		}
	}
	return -1
}

func litTrue(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "true"
}
