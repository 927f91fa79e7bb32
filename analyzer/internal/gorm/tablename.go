package gorm

import (
	"go/ast"
	"go/constant"
	"go/types"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/sources"
)

// tableNameOf returns the table a model's TableName() string method names.
// has reports whether the method exists; ok whether its result is a
// constant the analyzer could evaluate.
//
// Method bodies are not in export data, so for a model declared in another
// package the method's source file is parsed (once per process). This is
// the only file the analyzer reads outside the package under analysis, and
// only for a model used by a get-or-create call.
func (r *Recognizer) tableNameOf(named *types.Named) (table string, has, ok bool) {
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
	if fn.Pkg() == r.pass.Pkg {
		return r.localTableName(fn)
	}
	return r.importedTableName(fn, named)
}

// localTableName evaluates TableName in the package under analysis, with
// full type information.
func (r *Recognizer) localTableName(fn *types.Func) (string, bool, bool) {
	for _, f := range r.pass.Files {
		for _, d := range f.Decls {
			decl, isFunc := d.(*ast.FuncDecl)
			if !isFunc || r.pass.TypesInfo.Defs[decl.Name] != fn {
				continue
			}
			ret := sources.SoleReturn(decl)
			if ret == nil {
				return "", true, false
			}
			if tv, ok := r.pass.TypesInfo.Types[ret]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
				return constant.StringVal(tv.Value), true, true
			}
			return "", true, false
		}
	}
	return "", true, false
}

// importedTableName evaluates TableName of a model in another package from
// its source file: string literals, constants of the model's package (their
// values are in export data) and concatenations of those.
func (r *Recognizer) importedTableName(fn *types.Func, named *types.Named) (string, bool, bool) {
	filename := r.pass.Fset.Position(fn.Pos()).Filename
	if filename == "" {
		return "", true, false
	}
	file, err := sources.ParseFile(filename)
	if err != nil {
		return "", true, false // counted in sources.ParseErrors
	}
	for _, d := range file.Decls {
		decl, isFunc := d.(*ast.FuncDecl)
		if !isFunc || decl.Name.Name != "TableName" || sources.ReceiverTypeName(decl) != named.Obj().Name() {
			continue
		}
		ret := sources.SoleReturn(decl)
		if ret == nil {
			return "", true, false
		}
		s, ok := sources.EvalString(ret, sources.ConstResolver(fn.Pkg(), filename))
		return s, true, ok
	}
	return "", true, false
}
