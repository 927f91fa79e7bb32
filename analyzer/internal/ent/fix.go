package ent

import (
	"fmt"
	"go/types"
	"reflect"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/site"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/summary"
	"github.com/getorcreatelint/getorcreatelint/schema"
)

// entFixer words fixes in ent's terms (see entFix).
type entFixer struct {
	entity *entEntity
	// carried is what a helper's lookup carried to a caller's pass, where
	// the entity is not at hand (entity is nil).
	carried *summary.CarriedFix
}

// names is how the entity's schema names its columns; nil when unknown.
func (f entFixer) names() entNames {
	switch {
	case f.entity != nil && f.entity.pkg != nil:
		return f.entity
	case f.carried != nil:
		return carriedNames{f.carried}
	}
	return nil
}

func (f entFixer) Advice(s *site.Site, fix site.Fix) string {
	return entFix(f.names(), s.KeyTerms(), fix.Index.Text())
}

// IndexAdvice declares the key an upsert's target needs in the schema,
// unless migrations manage the table or the key has a predicate.
func (f entFixer) IndexAdvice(spec site.IndexSpec, migrated bool) string {
	if migrated || len(spec.Where) > 0 {
		return ""
	}
	if decl, _ := entKeyDecl(f.names(), spec.Key); decl != "" {
		return "add " + decl + " or " + spec.Text()
	}
	return ""
}

func (entFixer) Edits(*site.Site, site.Fix) []analysis.SuggestedFix { return nil }

// entFix words the fix in ent's terms: the schema change that declares
// the unique key (.Unique() on the field, or a unique index.Fields(...)
// with .Edges(...) for foreign keys), and the upsert that then makes
// get-or-create one statement. It suggests Ignore(), not DoNothing():
// DoNothing().ID(ctx) fails on PostgreSQL when the row exists, because
// RETURNING yields no row (ent issue 1821). It returns "" when a lookup
// column is not a field or edge of the entity, or may be NULL (the key
// then needs NULLS NOT DISTINCT, which the schema cannot say).
func entFix(e entNames, terms []schema.Term, index string) string {
	decl, consts := entKeyDecl(e, terms)
	if decl == "" {
		return ""
	}
	return fmt.Sprintf("add %s or %s; then Create()...OnConflictColumns(%s).Ignore().ID(ctx) (sql/upsert feature) gets or creates in one statement",
		decl, index, strings.Join(consts, ", "))
}

// entKeyDecl words the schema change that declares a unique key on the
// terms, and returns the generated constants naming its columns; "" when
// a term is not a field or edge of the entity, or may be NULL.
func entKeyDecl(e entNames, terms []schema.Term) (decl string, consts []string) {
	if e == nil || len(terms) == 0 {
		return "", nil
	}
	var fieldNames, edgeNames []string
	for _, t := range terms {
		if t.Expr != "" || t.IsNull || t.MayBeNull {
			return "", nil
		}
		c, ok := e.column(t.Column)
		switch {
		case !ok:
			return "", nil
		case c.field != "":
			fieldNames = append(fieldNames, c.field)
		default:
			edgeNames = append(edgeNames, c.edge)
		}
		consts = append(consts, c.constant)
	}
	if len(fieldNames) == 1 && len(edgeNames) == 0 {
		return fmt.Sprintf(".Unique() to the %q field of the %s schema", fieldNames[0], e.schemaName()), consts
	}
	idx := "index"
	if len(fieldNames) > 0 {
		idx += ".Fields(" + quoteAll(fieldNames) + ")"
	}
	if len(edgeNames) > 0 {
		idx += ".Edges(" + quoteAll(edgeNames) + ")"
	}
	return fmt.Sprintf("%s.Unique() to the Indexes of the %s schema", idx, e.schemaName()), consts
}

func quoteAll(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(n)
	}
	return strings.Join(q, ", ")
}

// entNames is how an entity's schema names its table's columns: the
// entity itself in its own pass, or what a helper's lookup carried.
type entNames interface {
	schemaName() string
	column(col string) (entColumn, bool)
}

func (e *entEntity) schemaName() string { return e.name }

// entColumn is how the entity's schema names one of its table's columns.
type entColumn struct {
	field    string // the schema field stored in the column, "" for an edge's own foreign key
	edge     string // the edge whose foreign key the column holds
	constant string // the generated constant naming the column: user.FieldEmail
}

// column finds a column among the generated constants of the entity
// package: FieldX = "col" for fields (the field's schema name is the json
// name of the entity struct's field X, which ent derives from it), and
// XColumn = "col" with XTable = the entity's table and EdgeX for the
// foreign key of edge X.
func (e *entEntity) column(col string) (entColumn, bool) {
	scope := e.pkg.Scope()
	qualify := func(name string) string { return e.pkg.Name() + "." + name }
	for _, name := range scope.Names() {
		k, ok := scope.Lookup(name).(*types.Const)
		if !ok || constString(k) != col {
			continue
		}
		if goName, ok := strings.CutPrefix(name, "Field"); ok {
			if field := e.schemaFieldName(goName); field != "" {
				return entColumn{field: field, constant: qualify(name)}, true
			}
		}
	}
	for _, name := range scope.Names() {
		k, ok := scope.Lookup(name).(*types.Const)
		goName, isColumn := strings.CutSuffix(name, "Column")
		if !ok || !isColumn || constString(k) != col {
			continue
		}
		table, _ := scope.Lookup(goName + "Table").(*types.Const)
		edge, _ := scope.Lookup("Edge" + goName).(*types.Const)
		if table != nil && edge != nil && constString(table) == e.table {
			return entColumn{edge: constString(edge), constant: qualify(name)}, true
		}
	}
	return entColumn{}, false
}

// schemaFieldName returns the schema name of the entity struct's field
// goName, from its json tag.
func (e *entEntity) schemaFieldName(goName string) string {
	if e.node == nil {
		return ""
	}
	st, ok := e.node.Underlying().(*types.Struct)
	if !ok {
		return ""
	}
	for i := 0; i < st.NumFields(); i++ {
		if st.Field(i).Name() != goName {
			continue
		}
		name, _, _ := strings.Cut(reflect.StructTag(st.Tag(i)).Get("json"), ",")
		if name == "-" {
			return ""
		}
		return name
	}
	if goName == "ID" {
		return "id"
	}
	return ""
}
