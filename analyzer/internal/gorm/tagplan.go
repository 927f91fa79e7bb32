package gorm

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/site"
)

// Edits is not how GORM's fixes are asked for: a field's edit depends on
// every fix of the package, so the verdict calls PlanEdits instead.
func (g Fixer) Edits(*site.Site, site.Fix) []analysis.SuggestedFix { return nil }

// PlanEdits offers, for each GORM site, the struct-tag edit that declares
// its missing key, when the model is declared in the analysed package, its
// schema is managed by tags (no migration describes the table), and every
// lookup column is a field of the model itself (not of an embedded struct
// shared by others).
//
// The x/tools driver applies each diagnostic's edits on its own, merging
// only identical edits, so every fix that touches a field carries the same
// edit: the whole field declaration rewritten once with the settings all of
// the package's fixes need on it. A fix also carries the edits of every
// field linked to its own by another fix's key, so that applied alone it
// writes whole keys only.
func (g Fixer) PlanEdits(fset *token.FileSet, sites []site.Planned) map[*site.Site][]analysis.SuggestedFix {
	out := map[*site.Site][]analysis.SuggestedFix{}
	type fixable struct {
		s      *site.Site
		model  string
		needs  []tagNeed
		option string
	}
	var todo []fixable
	var all [][]tagNeed
	for _, p := range sites {
		f, ok := p.Site.Fix.(Fixer)
		if !ok {
			continue
		}
		out[p.Site] = nil
		if needs, option, ok := f.tagNeeds(p.Fix); ok {
			todo = append(todo, fixable{p.Site, f.Schema.Model, needs, option})
			all = append(all, needs)
		}
	}
	if len(todo) == 0 {
		return out
	}
	edits, settings := tagEditor{fset: fset, files: g.Files}.fieldEdits(all)
	group := editGroups(all, edits)
	for _, t := range todo {
		var names []string
		own := map[*ast.Field]bool{}
		planned := true
		for _, n := range t.needs {
			names = append(names, t.model+"."+n.name)
			own[n.field] = true
			if !slices.Contains(settings[n.field][n.name], n.option) {
				planned = false // the edit would lack this site's key
			}
		}
		if !planned {
			continue
		}
		fieldEdits := group[t.needs[0].field]
		msg := `Add gorm:"` + t.option + `" to ` + strings.Join(names, " and ")
		if len(fieldEdits) > len(own) {
			// Applied alone, the edits of this site's fields would write
			// half of another site's composite key.
			msg += ", and the tags other lookups of the package need on fields sharing a key with them"
		}
		out[t.s] = []analysis.SuggestedFix{{Message: msg, TextEdits: fieldEdits}}
	}
	return out
}

// tagNeed is one setting a fix adds to one name of a field declaration.
type tagNeed struct {
	field  *ast.Field
	name   string
	option string
}

// tagNeeds lists the settings the fix adds, ordered by field, or reports
// false when no tag edit can declare its key.
func (g Fixer) tagNeeds(fix site.Fix) ([]tagNeed, string, bool) {
	if fix.Migrated || !g.InScope || g.Schema == nil || g.Model == nil {
		return nil, "", false
	}
	spec := fix.Index
	st, ok := g.Model.Underlying().(*types.Struct)
	option, tagOK := gormTag(spec)
	if !ok || !tagOK || len(spec.Key) == 0 {
		return nil, "", false
	}
	var needs []tagNeed
	for _, t := range spec.Key {
		col, ok := g.Schema.ByColumn(t.Column)
		if t.Expr != "" || !ok || len(col.Path) != 1 {
			return nil, "", false
		}
		field := fieldDecl(g.Files, st, col.Path[0])
		if field == nil {
			return nil, "", false
		}
		needs = append(needs, tagNeed{field: field, name: col.Path[0], option: option})
	}
	sort.SliceStable(needs, func(i, j int) bool { return needs[i].field.Pos() < needs[j].field.Pos() })
	return needs, option, true
}

// fieldEdits rewrites each field declaration the fixes touch. A fix
// touching a field that cannot be rewritten is dropped, and its settings
// are left out of the other fields too: half a composite key would be a
// different key.
func (e tagEditor) fieldEdits(fixes [][]tagNeed) (map[*ast.Field]analysis.TextEdit, map[*ast.Field]map[string][]string) {
	bad := map[*ast.Field]bool{}
	for {
		settings := map[*ast.Field]map[string][]string{}
		for _, needs := range fixes {
			if touchesAny(needs, bad) {
				continue
			}
			for _, n := range needs {
				if settings[n.field] == nil {
					settings[n.field] = map[string][]string{}
				}
				settings[n.field][n.name] = append(settings[n.field][n.name], n.option)
			}
		}
		edits := map[*ast.Field]analysis.TextEdit{}
		failed := false
		for field, byName := range settings {
			edit, ok := e.fieldEdit(field, byName)
			if !ok {
				bad[field], failed = true, true
				continue
			}
			edits[field] = edit
		}
		if !failed {
			return edits, settings
		}
	}
}

// editGroups links the fields of each planned fix (union-find) and gives
// every field the edits of its whole group, sorted by position.
func editGroups(fixes [][]tagNeed, edits map[*ast.Field]analysis.TextEdit) map[*ast.Field][]analysis.TextEdit {
	parent := map[*ast.Field]*ast.Field{}
	var root func(f *ast.Field) *ast.Field
	root = func(f *ast.Field) *ast.Field {
		if p, ok := parent[f]; ok && p != f {
			parent[f] = root(p)
			return parent[f]
		}
		parent[f] = f
		return f
	}
	for _, needs := range fixes {
		if !allPlanned(needs, edits) {
			continue // a fix left out of the plan links nothing
		}
		for _, n := range needs[1:] {
			parent[root(n.field)] = root(needs[0].field)
		}
	}
	byRoot := map[*ast.Field][]analysis.TextEdit{}
	for field, edit := range edits {
		r := root(field)
		byRoot[r] = append(byRoot[r], edit)
	}
	group := map[*ast.Field][]analysis.TextEdit{}
	for field := range edits {
		g := byRoot[root(field)]
		sort.Slice(g, func(i, j int) bool { return g[i].Pos < g[j].Pos })
		group[field] = g
	}
	return group
}

func allPlanned(needs []tagNeed, edits map[*ast.Field]analysis.TextEdit) bool {
	for _, n := range needs {
		if _, ok := edits[n.field]; !ok {
			return false
		}
	}
	return true
}

func touchesAny(needs []tagNeed, fields map[*ast.Field]bool) bool {
	for _, n := range needs {
		if fields[n.field] {
			return true
		}
	}
	return false
}
