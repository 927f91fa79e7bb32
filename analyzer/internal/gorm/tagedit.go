package gorm

import (
	"go/ast"
	"go/format"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/getorcreatelint/getorcreatelint/schema"
)

// tagEditor rewrites field declarations of the analysed package's files.
type tagEditor struct {
	fset  *token.FileSet
	files []*ast.File
}

// fieldEdit rewrites the field declaration with settings added to the gorm
// tag of the names that need them (schema.AddGORMTagSettings). A
// declaration of several names whose tags come out different is split into
// one declaration per name, so that only the looked-up field gets the key.
// The edit always replaces the whole declaration (names, type and tag):
// fixes computed from different plans for one field (a package and its
// test variant) then conflict, and the driver keeps one, instead of being
// spliced together.
func (e tagEditor) fieldEdit(field *ast.Field, settings map[string][]string) (analysis.TextEdit, bool) {
	if len(field.Names) == 0 { // an embedded field: its columns are not its own
		return analysis.TextEdit{}, false
	}
	oldTag, end := "", field.Type.End()
	if field.Tag != nil {
		oldTag, end = field.Tag.Value, field.Tag.End()
	}
	if commentWithin(e.files, field.Pos(), end) {
		return analysis.TextEdit{}, false // reprinting would drop it
	}
	var typ strings.Builder
	if err := format.Node(&typ, e.fset, field.Type); err != nil {
		return analysis.TextEdit{}, false
	}
	tags := make([]string, len(field.Names))
	same := true
	for i, id := range field.Names {
		tags[i] = oldTag
		if add := settings[id.Name]; len(add) > 0 {
			tag, err := schema.AddGORMTagSettings(oldTag, add)
			if err != nil {
				return analysis.TextEdit{}, false
			}
			tags[i] = tag
		}
		same = same && tags[i] == tags[0]
	}
	decl := func(names, nameGap, tag, tagGap string) string {
		if tag == "" {
			return names + nameGap + typ.String()
		}
		return names + nameGap + typ.String() + tagGap + tag
	}
	var out string
	if same {
		// The declaration keeps its names, so it keeps the spaces that
		// align its type and tag with the fields around it.
		var names []string
		for _, id := range field.Names {
			names = append(names, id.Name)
		}
		tagGap := " "
		if field.Tag != nil {
			tagGap = e.gap(field.Type.End(), field.Tag.Pos())
		}
		out = decl(strings.Join(names, ", "), e.gap(field.Names[len(field.Names)-1].End(), field.Type.Pos()), tags[0], tagGap)
	} else {
		// One declaration a line, at the field's indentation, or separated
		// by semicolons in a struct written on one line.
		sep := "; "
		if e.fieldStartsLine(field) {
			sep = "\n" + strings.Repeat("\t", e.fset.Position(field.Pos()).Column-1)
		}
		var decls []string
		for i, id := range field.Names {
			decls = append(decls, decl(id.Name, " ", tags[i], " "))
		}
		out = strings.Join(decls, sep)
	}
	return analysis.TextEdit{Pos: field.Pos(), End: end, NewText: []byte(out)}, true
}

// gap returns the spaces between from and to when both are on one line
// (the alignment gofmt gave them), else one space.
func (e tagEditor) gap(from, to token.Pos) string {
	p, q := e.fset.Position(from), e.fset.Position(to)
	if p.Line == q.Line && q.Column > p.Column {
		return strings.Repeat(" ", q.Column-p.Column)
	}
	return " "
}

// fieldStartsLine reports whether nothing of the struct precedes the field
// on its line (so it can be split into lines).
func (e tagEditor) fieldStartsLine(field *ast.Field) bool {
	tok := e.fset.File(field.Pos())
	prev := token.NoPos
	for _, f := range e.files {
		if f.Pos() > field.Pos() || field.Pos() >= f.End() {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			list, ok := n.(*ast.FieldList)
			if !ok || prev.IsValid() {
				return !prev.IsValid()
			}
			for i, fd := range list.List {
				if fd == field {
					prev = list.Opening
					if i > 0 {
						prev = list.List[i-1].End()
					}
				}
			}
			return true
		})
	}
	return prev.IsValid() && tok.Line(prev) < tok.Line(field.Pos())
}

// commentWithin reports whether a comment lies between from and to.
func commentWithin(files []*ast.File, from, to token.Pos) bool {
	for _, f := range files {
		if f.Pos() > from || from >= f.End() {
			continue
		}
		for _, g := range f.Comments {
			if g.Pos() < to && g.End() > from {
				return true
			}
		}
	}
	return false
}

// fieldDecl finds the declaration of the struct field name among the
// package's files.
func fieldDecl(files []*ast.File, st *types.Struct, name string) *ast.Field {
	var obj *types.Var
	for i := 0; i < st.NumFields(); i++ {
		if st.Field(i).Name() == name {
			obj = st.Field(i)
		}
	}
	if obj == nil {
		return nil
	}
	var found *ast.Field
	for _, file := range files {
		if file.Pos() > obj.Pos() || obj.Pos() >= file.End() {
			continue
		}
		ast.Inspect(file, func(n ast.Node) bool {
			if fd, ok := n.(*ast.Field); ok {
				for _, id := range fd.Names {
					if id.Pos() == obj.Pos() {
						found = fd
					}
				}
			}
			return found == nil
		})
	}
	return found
}
