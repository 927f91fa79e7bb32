package gorm

import (
	"go/ast"
	"go/types"

	gormschema "gorm.io/gorm/schema"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/conds"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/sources"
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

// model returns GORM's view of the named struct type, built from the
// type's fields and struct tags (available for imported packages too, from
// export data). It is memoised for the process: the driver's passes share
// the module's type-checked packages, so a model imported by hundreds of
// packages is described once. nil for a type that is not a struct.
func (r *Recognizer) model(named *types.Named) *gormModelInfo {
	named = named.Origin()
	if m, ok := r.models[named]; ok {
		return m
	}
	m := models.Get(modelKey{named, r.namer}, func() *gormModelInfo { return r.describeModel(named) })
	r.models[named] = m
	return m
}

// modelKey is a model type under one naming strategy.
type modelKey struct {
	named *types.Named
	namer gormschema.Namer
}

// models holds every model described in the process. Values are never
// changed once built: passes running concurrently share them.
var models = sources.NewCache[modelKey, *gormModelInfo]()

func (r *Recognizer) describeModel(named *types.Named) *gormModelInfo {
	desc := r.describeStruct(named, map[*types.Named]bool{})
	if desc == nil {
		return nil
	}
	m := &gormModelInfo{named: named}
	table, has, ok := r.tableNameOf(named)
	switch {
	case has && ok:
		desc.Table = table
	case has:
		m.tableUnknown = true
	}
	m.schema = schema.ParseGORM(desc, r.namer)
	return m
}

// describeStruct converts a struct type to the neutral description the
// schema package applies GORM's rules to.
func (r *Recognizer) describeStruct(named *types.Named, seen map[*types.Named]bool) *schema.GORMModel {
	st, ok := named.Underlying().(*types.Struct)
	if !ok || seen[named] {
		return nil
	}
	seen[named] = true
	defer delete(seen, named)
	m := &schema.GORMModel{Name: named.Obj().Name(), Source: r.source(named.Obj())}
	m.Fields = r.describeFields(st, seen)
	return m
}

func (r *Recognizer) describeFields(st *types.Struct, seen map[*types.Named]bool) []schema.GORMField {
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
			Column:     conds.IsColumnType(f.Type()),
			Nullable:   conds.IsNullableType(f.Type()),
			SoftDelete: softDeleteKind(f.Type()),
			Source:     r.source(f),
		}
		if !field.Column {
			switch u := types.Unalias(t).(type) {
			case *types.Named:
				field.Embedded = r.describeStruct(u.Origin(), seen)
			case *types.Struct:
				field.Embedded = &schema.GORMModel{Name: f.Name(), Fields: r.describeFields(u, seen)}
			case *types.Slice:
				field.Relation = r.many2manyModel(field.Tag, u.Elem(), seen)
			}
		}
		fields = append(fields, field)
	}
	return fields
}

// source returns a schema.Source for a declared object.
func (r *Recognizer) source(obj types.Object) schema.Source {
	p := r.pass.Fset.Position(obj.Pos())
	return schema.Source{File: p.Filename, Line: p.Line}
}

func softDeleteKind(t types.Type) schema.SoftDelete {
	switch {
	case flow.IsNamed(t, gormPath, "DeletedAt"):
		return schema.SoftDeleteNull
	case flow.IsNamed(t, "gorm.io/plugin/soft_delete", "DeletedAt"):
		return schema.SoftDeleteZero
	}
	return schema.NoSoftDelete
}
