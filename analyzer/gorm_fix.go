package analyzer

import (
	"fmt"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/schema"
)

// gormTagFix names the struct tag to add and the fields to add it to, or
// returns "" when a lookup term is not a plain column of the model.
func gormTagFix(f finding, terms []schema.Term) string {
	if f.gorm == nil {
		return ""
	}
	fields := make([]string, 0, len(terms))
	for _, t := range terms {
		col, ok := f.gorm.ByColumn(t.Column)
		if t.Expr != "" || !ok {
			return ""
		}
		fields = append(fields, f.gorm.Model+"."+strings.Join(col.Path, "."))
	}
	return fmt.Sprintf("%s to %s", gormTag(f, termList(terms, false)), strings.Join(fields, " and "))
}

// gormTag writes the struct tag to add: uniqueIndex alone for one column,
// a shared named uniqueIndex for several, with a where: option limiting it
// to live rows for soft-deleted models.
func gormTag(f finding, cols []string) string {
	opts := ""
	if f.softDelete != "" {
		opts = ",where:" + f.softDelete + " IS NULL"
	}
	if len(cols) == 1 && opts == "" {
		return `gorm:"uniqueIndex"`
	}
	name := "idx_" + f.table + "_" + strings.Join(cols, "_")
	return fmt.Sprintf(`gorm:"uniqueIndex:%s%s"`, name, opts)
}
