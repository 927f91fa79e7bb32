package conds

import (
	"go/types"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
)

// IsColumnType reports whether a field of type t is stored in a column:
// basic types, time.Time, []byte, and types implementing driver.Valuer or
// sql.Scanner. Other structs, slices and maps are relations (or embedded).
func IsColumnType(t types.Type) bool {
	if implementsValuer(t) || implementsScanner(t) {
		return true
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if flow.IsNamed(t, "time", "Time") {
		return true
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&(types.IsBoolean|types.IsNumeric|types.IsString) != 0
	case *types.Slice:
		b, ok := u.Elem().Underlying().(*types.Basic)
		return ok && b.Kind() == types.Byte
	}
	return false
}

// IsNullableType reports whether a Go value of type t can be NULL in the
// database: pointers, and Valuer types with a Valid flag (sql.NullString,
// sql.Null[T], gorm.DeletedAt, null.String and the like).
func IsNullableType(t types.Type) bool {
	if _, ok := types.Unalias(t).(*types.Pointer); ok {
		return true
	}
	if _, ok := t.Underlying().(*types.Interface); ok {
		return true
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok || !implementsValuer(t) {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if f.Name() == "Valid" && types.Identical(f.Type(), types.Typ[types.Bool]) {
			return true
		}
	}
	return false
}

// implementsValuer reports whether t or *t has Value() (driver.Value, error).
func implementsValuer(t types.Type) bool {
	return hasMethod(t, "Value", func(sig *types.Signature) bool {
		return sig.Params().Len() == 0 && sig.Results().Len() == 2 &&
			flow.IsNamed(sig.Results().At(0).Type(), "database/sql/driver", "Value")
	})
}

// implementsScanner reports whether *t has Scan(src any) error.
func implementsScanner(t types.Type) bool {
	return hasMethod(t, "Scan", func(sig *types.Signature) bool {
		return sig.Params().Len() == 1 && sig.Results().Len() == 1
	})
}

func hasMethod(t types.Type, name string, ok func(*types.Signature) bool) bool {
	if _, isPtr := types.Unalias(t).(*types.Pointer); !isPtr {
		t = types.NewPointer(t)
	}
	// LookupFieldOrMethod finds what NewMethodSet(t).Lookup would without
	// building the whole method set (time.Time alone has dozens of
	// methods, and every field of every model is asked).
	obj, _, _ := types.LookupFieldOrMethod(t, false, nil, name)
	fn, isFn := obj.(*types.Func)
	return isFn && ok(fn.Signature())
}
