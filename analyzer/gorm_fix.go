package analyzer

import (
	"fmt"
	"strings"
)

// gormTagFix names the struct tag to add and the fields to add it to, or
// returns "" when an index column is not a plain column of the model or
// the predicate cannot be written in a tag.
func gormTagFix(f finding, spec indexSpec) string {
	tag, ok := gormTag(spec)
	if f.gorm == nil || !ok {
		return ""
	}
	fields := make([]string, 0, len(spec.key))
	for _, t := range spec.key {
		col, ok := f.gorm.ByColumn(t.Column)
		if t.Expr != "" || !ok {
			return ""
		}
		fields = append(fields, f.gorm.Model+"."+strings.Join(col.Path, "."))
	}
	return fmt.Sprintf(`gorm:"%s" to %s`, tag, strings.Join(fields, " and "))
}

// gormTag writes the tag option to add: uniqueIndex alone for one column,
// a shared named uniqueIndex for several, with a where: option for a
// partial index. GORM splits tag options on ',' and ';', so a predicate
// holding either cannot be written.
func gormTag(spec indexSpec) (string, bool) {
	opts := ""
	if len(spec.where) > 0 {
		pred := spec.predicate()
		if strings.ContainsAny(pred, ",;") {
			return "", false
		}
		opts = ",where:" + pred
	}
	if len(spec.key) == 1 && opts == "" {
		return "uniqueIndex", true
	}
	return fmt.Sprintf("uniqueIndex:%s%s", spec.name(), opts), true
}
