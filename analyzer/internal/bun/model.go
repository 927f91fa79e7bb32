package bun

import (
	"go/ast"
	"go/types"
	"reflect"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/buntags"
)

// model returns bun's view of the named struct type, built from its
// fields and tags (available for imported packages too, from export
// data) and memoised per pass; nil when it is not a struct.
func (r *Recognizer) model(named *types.Named) *buntags.Schema {
	named = named.Origin()
	if s, ok := r.models[named]; ok {
		return s
	}
	var s *buntags.Schema
	if m := r.describe(named, map[*types.Named]bool{}); m != nil {
		s = buntags.Parse(m)
	}
	r.models[named] = s
	return s
}

// describe converts a struct type to the neutral description buntags
// applies bun's rules to.
func (r *Recognizer) describe(named *types.Named, seen map[*types.Named]bool) *buntags.Model {
	st, ok := named.Underlying().(*types.Struct)
	if !ok || seen[named] {
		return nil
	}
	seen[named] = true
	defer delete(seen, named)
	m := &buntags.Model{Name: named.Obj().Name(), Source: r.source(named.Obj())}
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		tag := reflect.StructTag(st.Tag(i)).Get("bun")
		field := buntags.Field{
			Name: f.Name(), Tag: tag, Exported: ast.IsExported(f.Name()), Anonymous: f.Anonymous(),
			BaseModel: f.Anonymous() && flow.IsNamed(f.Type(), bunPath, "BaseModel"),
			Source:    r.source(f),
		}
		if !field.BaseModel && (f.Anonymous() || buntags.ParseTag(tag).HasOption("embed")) {
			if inner := flow.NamedOf(f.Type()); inner != nil {
				field.Embedded = r.describe(inner, seen)
			}
		}
		m.Fields = append(m.Fields, field)
	}
	return m
}

// source returns a schema.Source for a declared object.
func (r *Recognizer) source(obj types.Object) schema.Source {
	p := r.pass.Fset.Position(obj.Pos())
	return schema.Source{File: p.Filename, Line: p.Line}
}
