package site

import (
	"fmt"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// IndexSpec is the unique index that would back a lookup: the columns to
// index, and the conjuncts of a partial index's WHERE.
type IndexSpec struct {
	Table      string
	Key        []schema.Term
	Where      []string
	SoftDelete string // the soft-delete column, kept for MySQL's advice
	// Constants are the lookup's terms compared with a constant that went
	// to Where rather than the key.
	Constants []schema.Term
	Dialect   sqlscan.Dialect
}

// IndexFor shapes the index for a lookup. Where the database has partial
// indexes (all but MySQL), the soft-delete filter and the columns the
// lookup compares with a constant (status = 'active') go to WHERE: the
// index then leaves rows with other values free, as the lookup does.
func IndexFor(s *Site, d sqlscan.Dialect) IndexSpec {
	spec := IndexSpec{Table: s.Table, SoftDelete: s.SoftDelete, Dialect: d}
	partial := spec.Dialect != sqlscan.MySQL
	var constant []schema.Term
	for _, t := range s.KeyTerms() {
		if partial && t.Expr == "" && t.Value != "" && !t.IsNull {
			constant = append(constant, t)
		} else {
			spec.Key = append(spec.Key, t)
		}
	}
	if len(spec.Key) == 0 { // every column is a constant: index them all
		spec.Key, constant = constant, nil
	}
	if s.SoftDelete != "" && partial {
		spec.Where = append(spec.Where, s.SoftDelete+" IS NULL")
	}
	spec.Constants = constant
	for _, t := range constant {
		spec.Where = append(spec.Where, t.Column+" = "+t.Value)
	}
	return spec
}

// Columns names the index's key parts.
func (s IndexSpec) Columns() []string { return TermList(s.Key, false) }

// Name is the index's name, after GORM's idx_<table>_<columns>.
func (s IndexSpec) Name() string { return s.Index().IndexName() }

// Predicate is a partial index's WHERE.
func (s IndexSpec) Predicate() string { return strings.Join(s.Where, " AND ") }

// Text describes the index in words, for tag-managed schemas.
func (s IndexSpec) Text() string {
	index := fmt.Sprintf("a unique index on %s(%s)", s.Table, strings.Join(s.Columns(), ", "))
	if len(s.Where) > 0 {
		index += " WHERE " + s.Predicate()
	}
	if nullable := NullableTerms(s.Key); len(nullable) > 0 {
		index += fmt.Sprintf(" NULLS NOT DISTINCT (the lookup can compare %s with NULL)", strings.Join(nullable, ", "))
	}
	return index
}

// TermList renders terms as column names, with "IS NULL" for the NULL
// tests when showNull is set.
func TermList(terms []schema.Term, showNull bool) []string {
	out := make([]string, len(terms))
	for i, t := range terms {
		out[i] = t.String()
		if showNull && t.IsNull {
			out[i] += " IS NULL"
		}
	}
	return out
}

// NullableTerms names the terms that may compare with NULL.
func NullableTerms(terms []schema.Term) []string {
	var out []string
	for _, t := range terms {
		if t.MayBeNull || t.IsNull {
			out = append(out, t.String())
		}
	}
	return out
}

// PrimaryKey returns the table's primary key, or nil.
func PrimaryKey(t *schema.Table) *schema.Key {
	for _, k := range t.Keys {
		if k.Kind == schema.PrimaryKey && len(k.Parts) > 0 {
			return k
		}
	}
	return nil
}

// DefaultIndexAdvice proposes a migration for a migrated table, and
// describes the index otherwise: the fix when a framework has no words of
// its own.
func DefaultIndexAdvice(spec IndexSpec, migrated bool) string {
	if migrated {
		return "add a unique index in a migration: " + spec.DDL()
	}
	return "add " + spec.Text()
}
