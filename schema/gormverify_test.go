package schema

import (
	"fmt"
	"sort"
	"strings"

	gormschema "gorm.io/gorm/schema"
)

// namedTable is GORM's default naming strategy for a struct built with
// reflect.StructOf, which has no type name to derive the table from.
type namedTable struct {
	gormschema.NamingStrategy
	name string
}

func (n namedTable) TableName(string) string { return n.NamingStrategy.TableName(n.name) }

// describeGORMKeys lists the keys GORM's migrator creates for s, in the
// words keysOf uses, sorted: the primary key, unique constraints (unique
// tags) and unique indexes.
func describeGORMKeys(s *gormschema.Schema) string {
	var out []string
	if len(s.PrimaryFieldDBNames) > 0 {
		out = append(out, fmt.Sprintf("primary key (%s)", strings.Join(s.PrimaryFieldDBNames, ", ")))
	}
	for name, u := range s.ParseUniqueConstraints() {
		out = append(out, fmt.Sprintf("unique constraint %s (%s)", name, u.Field.DBName))
	}
	for _, idx := range s.ParseIndexes() {
		if !strings.EqualFold(idx.Class, "UNIQUE") {
			continue
		}
		var cols []string
		for _, f := range idx.Fields {
			if f.Expression != "" {
				cols = append(cols, f.Expression)
			} else {
				cols = append(cols, f.DBName)
			}
		}
		d := fmt.Sprintf("unique index %s (%s)", idx.Name, strings.Join(cols, ", "))
		if idx.Where != "" {
			d += " where " + idx.Where
		}
		out = append(out, d)
	}
	sort.Strings(out)
	return strings.Join(out, "; ")
}
