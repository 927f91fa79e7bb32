package flow

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// Callee returns the function or method a call invokes, resolved by the
// type checker, or nil for calls of function values, conversions and
// built-ins.
func Callee(info *types.Info, call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	return fn
}

// IsMethod reports whether fn is the method name of the named type
// pkgPath.typeName (through a pointer receiver or not). Instantiated generic
// methods are matched by their origin.
func IsMethod(fn *types.Func, pkgPath, typeName, name string) bool {
	if fn == nil || fn.Name() != name {
		return false
	}
	return ReceiverIs(fn, pkgPath, typeName)
}

// ReceiverIs reports whether fn is a method of pkgPath.typeName.
func ReceiverIs(fn *types.Func, pkgPath, typeName string) bool {
	recv := fn.Origin().Signature().Recv()
	if recv == nil {
		return false
	}
	return IsNamed(recv.Type(), pkgPath, typeName)
}

// isFunc reports whether fn is the package-level function pkgPath.name.
func IsFunc(fn *types.Func, pkgPath, name string) bool {
	return fn != nil && fn.Name() == name && fn.Pkg() != nil && fn.Pkg().Path() == pkgPath &&
		fn.Signature().Recv() == nil
}

// IsNamed reports whether t, or the type t points to, is the named type
// pkgPath.name.
func IsNamed(t types.Type, pkgPath, name string) bool {
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

// IsPkgVar reports whether obj is the package-level variable pkgPath.name.
func IsPkgVar(obj types.Object, pkgPath, name string) bool {
	v, ok := obj.(*types.Var)
	return ok && v.Name() == name && v.Pkg() != nil && v.Pkg().Path() == pkgPath &&
		v.Parent() == v.Pkg().Scope()
}

// NamedOf strips pointers, slices and arrays from t and returns the named
// struct type underneath (its generic origin), or nil.
func NamedOf(t types.Type) *types.Named {
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

// ObjectOf returns the object an identifier (possibly parenthesised) uses
// or defines, or nil.
func ObjectOf(info *types.Info, e ast.Expr) types.Object {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	return info.ObjectOf(id)
}
