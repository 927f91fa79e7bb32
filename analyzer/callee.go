package analyzer

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// calleeFunc returns the function or method a call invokes, resolved by the
// type checker, or nil for calls of function values, conversions and
// built-ins.
func calleeFunc(info *types.Info, call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	return fn
}

// isMethod reports whether fn is the method name of the named type
// pkgPath.typeName (through a pointer receiver or not). Instantiated generic
// methods are matched by their origin.
func isMethod(fn *types.Func, pkgPath, typeName, name string) bool {
	if fn == nil || fn.Name() != name {
		return false
	}
	return receiverIs(fn, pkgPath, typeName)
}

// receiverIs reports whether fn is a method of pkgPath.typeName.
func receiverIs(fn *types.Func, pkgPath, typeName string) bool {
	recv := fn.Origin().Signature().Recv()
	if recv == nil {
		return false
	}
	return isNamed(recv.Type(), pkgPath, typeName)
}

// isFunc reports whether fn is the package-level function pkgPath.name.
func isFunc(fn *types.Func, pkgPath, name string) bool {
	return fn != nil && fn.Name() == name && fn.Pkg() != nil && fn.Pkg().Path() == pkgPath &&
		fn.Signature().Recv() == nil
}

// isNamed reports whether t, or the type t points to, is the named type
// pkgPath.name.
func isNamed(t types.Type, pkgPath, name string) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	obj := n.Origin().Obj()
	return obj.Name() == name && obj.Pkg() != nil && obj.Pkg().Path() == pkgPath
}

// isPkgVar reports whether obj is the package-level variable pkgPath.name.
func isPkgVar(obj types.Object, pkgPath, name string) bool {
	v, ok := obj.(*types.Var)
	return ok && v.Name() == name && v.Pkg() != nil && v.Pkg().Path() == pkgPath &&
		v.Parent() == v.Pkg().Scope()
}

// namedOf strips pointers, slices and arrays from t and returns the named
// struct type underneath (its generic origin), or nil.
func namedOf(t types.Type) *types.Named {
	for {
		switch u := types.Unalias(t).(type) {
		case *types.Pointer:
			t = u.Elem()
		case *types.Slice:
			t = u.Elem()
		case *types.Array:
			t = u.Elem()
		case *types.Named:
			if _, ok := u.Underlying().(*types.Struct); !ok {
				return nil
			}
			return u.Origin()
		default:
			return nil
		}
	}
}

// objectOf returns the object an identifier (possibly parenthesised) uses
// or defines, or nil.
func objectOf(info *types.Info, e ast.Expr) types.Object {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	return info.ObjectOf(id)
}
