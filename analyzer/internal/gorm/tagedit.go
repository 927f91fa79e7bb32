package gorm

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/site"
)

// Edits offers the struct-tag edit that declares the missing key, when the
// model is declared in the analysed package, its schema is managed by tags
// (no migration describes the table), and every lookup column is a field
// of the model itself (not of an embedded struct shared by others).
func (g Fixer) Edits(_ *site.Site, fix site.Fix) []analysis.SuggestedFix {
	if fix.Migrated || !g.InScope || g.Schema == nil || g.Model == nil {
		return nil
	}
	spec := fix.Index
	st, ok := g.Model.Underlying().(*types.Struct)
	option, tagOK := gormTag(spec)
	if !ok || !tagOK || len(spec.Key) == 0 {
		return nil
	}
	var edits []analysis.TextEdit
	var names []string
	for _, t := range spec.Key {
		col, ok := g.Schema.ByColumn(t.Column)
		if t.Expr != "" || !ok || len(col.Path) != 1 {
			return nil
		}
		field := g.fieldDecl(st, col.Path[0])
		if field == nil {
			return nil
		}
		edit, ok := addGormTagOption(field, option)
		if !ok {
			return nil
		}
		edits = append(edits, edit)
		names = append(names, g.Schema.Model+"."+col.Path[0])
	}
	return []analysis.SuggestedFix{{
		Message:   `Add gorm:"` + option + `" to ` + strings.Join(names, " and "),
		TextEdits: edits,
	}}
}

// fieldDecl finds the declaration of the struct field name among the
// package's files.
func (g Fixer) fieldDecl(st *types.Struct, name string) *ast.Field {
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
	for _, file := range g.Files {
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

// addGormTagOption returns the edit adding option to the field's gorm tag:
// appended after a ';' to an existing gorm key, as a new gorm key in an
// existing tag, or as a new tag. Only raw-string tags are edited.
func addGormTagOption(field *ast.Field, option string) (analysis.TextEdit, bool) {
	if field.Tag == nil {
		return analysis.TextEdit{Pos: field.Type.End(), End: field.Type.End(),
			NewText: []byte(" `gorm:\"" + option + "\"`")}, true
	}
	raw := field.Tag.Value
	if len(raw) < 2 || raw[0] != '`' {
		return analysis.TextEdit{}, false
	}
	body := raw[1 : len(raw)-1]
	start, end, ok := tagValueRange(body, "gorm")
	if !ok {
		sep := " "
		if strings.TrimSpace(body) == "" {
			sep = ""
		}
		pos := field.Tag.End() - 1 // before the closing backquote
		return analysis.TextEdit{Pos: pos, End: pos, NewText: []byte(sep + `gorm:"` + option + `"`)}, true
	}
	text := option
	if value := strings.TrimSpace(body[start:end]); value != "" && !strings.HasSuffix(value, ";") {
		text = ";" + option
	}
	pos := field.Tag.Pos() + token.Pos(1+end)
	return analysis.TextEdit{Pos: pos, End: pos, NewText: []byte(text)}, true
}

// tagValueRange finds key:"value" in a struct tag body and returns the
// byte range of value, following reflect.StructTag's syntax.
func tagValueRange(tag, key string) (start, end int, ok bool) {
	i := 0
	for i < len(tag) {
		for i < len(tag) && tag[i] == ' ' {
			i++
		}
		j := i
		for j < len(tag) && tag[j] > ' ' && tag[j] != ':' && tag[j] != '"' && tag[j] != 0x7f {
			j++
		}
		if j == i || j+1 >= len(tag) || tag[j] != ':' || tag[j+1] != '"' {
			return 0, 0, false
		}
		name := tag[i:j]
		k := j + 2
		for k < len(tag) && tag[k] != '"' {
			if tag[k] == '\\' {
				k++
			}
			k++
		}
		if k >= len(tag) {
			return 0, 0, false
		}
		if name == key {
			return j + 2, k, true
		}
		i = k + 1
	}
	return 0, 0, false
}
