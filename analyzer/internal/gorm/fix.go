package gorm

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/site"
	"github.com/getorcreatelint/getorcreatelint/schema"
)

// Fixer words fixes in GORM's terms: the struct tag that declares the
// key on the model, when the schema is managed by tags.
type Fixer struct {
	Schema  *schema.GORMSchema // the model's GORM schema; nil when unknown
	Model   *types.Named       // the model's type, for fixes that edit its declaration
	InScope bool               // the model is declared in the analysed package
	Files   []*ast.File        // the analysed package's files
}

func (g Fixer) Advice(_ *site.Site, fix site.Fix) string {
	return g.IndexAdvice(fix.Index, fix.Migrated)
}

// IndexAdvice proposes the tag next to the index, unless a migration
// manages the table (a tag would not change the database).
func (g Fixer) IndexAdvice(spec site.IndexSpec, migrated bool) string {
	if migrated {
		return ""
	}
	if tag := g.tagFix(spec); tag != "" {
		return "add " + tag + " or " + spec.Text()
	}
	return ""
}

// tagFix names the struct tag to add and the fields to add it to, or
// returns "" when an index column is not a plain column of the model or
// the predicate cannot be written in a tag.
func (g Fixer) tagFix(spec site.IndexSpec) string {
	tag, ok := gormTag(spec)
	if g.Schema == nil || !ok {
		return ""
	}
	fields := make([]string, 0, len(spec.Key))
	for _, t := range spec.Key {
		col, ok := g.Schema.ByColumn(t.Column)
		if t.Expr != "" || !ok {
			return ""
		}
		fields = append(fields, g.Schema.Model+"."+strings.Join(col.Path, "."))
	}
	return fmt.Sprintf(`gorm:"%s" to %s`, tag, strings.Join(fields, " and "))
}

// gormTag writes the tag option to add: uniqueIndex alone for one column,
// a shared named uniqueIndex for several, with a where: option for a
// partial index. GORM splits tag options on ',' and ';', so a predicate
// holding either cannot be written.
func gormTag(spec site.IndexSpec) (string, bool) {
	opts := ""
	if len(spec.Where) > 0 {
		pred := spec.Predicate()
		if strings.ContainsAny(pred, ",;") {
			return "", false
		}
		opts = ",where:" + pred
	}
	if len(spec.Key) == 1 && opts == "" {
		return "uniqueIndex", true
	}
	return fmt.Sprintf("uniqueIndex:%s%s", spec.Name(), opts), true
}
