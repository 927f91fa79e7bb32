package analyzer

import (
	"go/ast"
	"go/types"

	"github.com/getorcreatelint/getorcreatelint/schema"
)

// gormModelInfo is a model type as GORM sees it.
type gormModelInfo struct {
	named  *types.Named
	schema *schema.GORMSchema
	// tableUnknown is set when the type has a TableName method whose result
	// is not a constant: the table cannot be named.
	tableUnknown bool
}

// gormModel returns GORM's view of the named struct type, built from the
// type's fields and struct tags (available for imported packages too, from
// export data) and memoised per pass.
func (c *checker) gormModel(named *types.Named) *gormModelInfo {
	named = named.Origin()
	if m, ok := c.models[named]; ok {
		return m
	}
	m := &gormModelInfo{named: named}
	c.models[named] = m
	desc := c.describeStruct(named, map[*types.Named]bool{})
	if desc == nil {
		return nil
	}
	table, has, ok := c.tableNameOf(named)
	switch {
	case has && ok:
		desc.Table = table
	case has:
		m.tableUnknown = true
	}
	m.schema = schema.ParseGORM(desc, c.opts.namer())
	return m
}

// describeStruct converts a struct type to the neutral description the
// schema package applies GORM's rules to.
func (c *checker) describeStruct(named *types.Named, seen map[*types.Named]bool) *schema.GORMModel {
	st, ok := named.Underlying().(*types.Struct)
	if !ok || seen[named] {
		return nil
	}
	seen[named] = true
	defer delete(seen, named)
	m := &schema.GORMModel{Name: named.Obj().Name(), Source: c.source(named.Obj())}
	m.Fields = c.describeFields(st, seen)
	return m
}

func (c *checker) describeFields(st *types.Struct, seen map[*types.Named]bool) []schema.GORMField {
	var fields []schema.GORMField
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if !ast.IsExported(f.Name()) {
			continue
		}
		t := f.Type()
		if p, ok := types.Unalias(t).(*types.Pointer); ok {
			t = p.Elem()
		}
		field := schema.GORMField{
			Name:       f.Name(),
			Tag:        st.Tag(i),
			Anonymous:  f.Anonymous(),
			Column:     isColumnType(f.Type()),
			Nullable:   isNullableType(f.Type()),
			SoftDelete: softDeleteKind(f.Type()),
			Source:     c.source(f),
		}
		if !field.Column {
			switch u := types.Unalias(t).(type) {
			case *types.Named:
				field.Embedded = c.describeStruct(u.Origin(), seen)
			case *types.Struct:
				field.Embedded = &schema.GORMModel{Name: f.Name(), Fields: c.describeFields(u, seen)}
			}
		}
		fields = append(fields, field)
	}
	return fields
}

// source returns a schema.Source for a declared object.
func (c *checker) source(obj types.Object) schema.Source {
	p := c.pass.Fset.Position(obj.Pos())
	return schema.Source{File: p.Filename, Line: p.Line}
}

// isColumnType reports whether GORM stores a field of type t in a column:
// basic types, time.Time, []byte, and types implementing driver.Valuer or
// sql.Scanner. Other structs, slices and maps are relations (or embedded).
func isColumnType(t types.Type) bool {
	if implementsValuer(t) || implementsScanner(t) {
		return true
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if isNamed(t, "time", "Time") {
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

// isNullableType reports whether a Go value of type t can be NULL in the
// database: pointers, and Valuer types with a Valid flag (sql.NullString,
// sql.Null[T], gorm.DeletedAt, null.String and the like).
func isNullableType(t types.Type) bool {
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

func softDeleteKind(t types.Type) schema.SoftDelete {
	switch {
	case isNamed(t, gormPath, "DeletedAt"):
		return schema.SoftDeleteNull
	case isNamed(t, "gorm.io/plugin/soft_delete", "DeletedAt"):
		return schema.SoftDeleteZero
	}
	return schema.NoSoftDelete
}

// implementsValuer reports whether t or *t has Value() (driver.Value, error).
func implementsValuer(t types.Type) bool {
	return hasMethod(t, "Value", func(sig *types.Signature) bool {
		return sig.Params().Len() == 0 && sig.Results().Len() == 2 &&
			isNamed(sig.Results().At(0).Type(), "database/sql/driver", "Value")
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
