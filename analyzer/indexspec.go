package analyzer

import (
	"fmt"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// indexSpec is the unique index that would back a lookup: the columns to
// index, and the conjuncts of a partial index's WHERE.
type indexSpec struct {
	table      string
	key        []schema.Term
	where      []string
	softDelete string // the soft-delete column, kept for MySQL's advice
	dialect    sqlscan.Dialect
}

// indexFor shapes the index for a finding. Where the database has partial
// indexes (all but MySQL), the soft-delete filter and the columns the
// lookup compares with a constant (status = 'active') go to WHERE: the
// index then leaves rows with other values free, as the lookup does.
func (c *checker) indexFor(f finding) indexSpec {
	spec := indexSpec{table: f.table, softDelete: f.softDelete, dialect: c.dialect()}
	partial := spec.dialect != sqlscan.MySQL
	var constant []schema.Term
	for _, t := range f.keyTerms() {
		if partial && t.Expr == "" && t.Value != "" && !t.IsNull {
			constant = append(constant, t)
		} else {
			spec.key = append(spec.key, t)
		}
	}
	if len(spec.key) == 0 { // every column is a constant: index them all
		spec.key, constant = constant, nil
	}
	if f.softDelete != "" && partial {
		spec.where = append(spec.where, f.softDelete+" IS NULL")
	}
	for _, t := range constant {
		spec.where = append(spec.where, t.Column+" = "+t.Value)
	}
	return spec
}

func (s indexSpec) columns() []string { return termList(s.key, false) }

func (s indexSpec) name() string { return indexName(s.table, s.columns()) }

func (s indexSpec) predicate() string { return strings.Join(s.where, " AND ") }

// text describes the index in words, for tag-managed schemas.
func (s indexSpec) text() string {
	index := fmt.Sprintf("a unique index on %s(%s)", s.table, strings.Join(s.columns(), ", "))
	if len(s.where) > 0 {
		index += " WHERE " + s.predicate()
	}
	if nullable := nullableTerms(s.key); len(nullable) > 0 {
		index += fmt.Sprintf(" NULLS NOT DISTINCT (the lookup can compare %s with NULL)", strings.Join(nullable, ", "))
	}
	return index
}
