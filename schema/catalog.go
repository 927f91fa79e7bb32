// Package schema models what the database guarantees about uniqueness: the
// tables, their unique keys (primary keys, unique constraints, unique
// indexes, partial and expression ones) and where each key was declared. It
// also holds the rule deciding whether a lookup is backed by a key. It knows
// nothing about go/analysis; the sources that fill a Catalog (struct tags,
// migrations, ent schemas, a live database) live beside it.
package schema

import (
	"fmt"
	"sort"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// Dialect is the database flavour a schema source was written for.
type Dialect = sqlscan.Dialect

// The dialects, re-exported for callers that import only schema.
const (
	Generic  = sqlscan.Generic
	Postgres = sqlscan.Postgres
	MySQL    = sqlscan.MySQL
	SQLite   = sqlscan.SQLite
)

// Source is where a key (or table) was declared: a file and line, and for a
// struct tag the Go field it sits on.
type Source struct {
	File  string // relative to the module root when possible
	Line  int
	Field string // "User.Email" for a struct tag; empty for SQL
}

func (s Source) String() string {
	var loc string
	switch {
	case s.File != "" && s.Line > 0:
		loc = fmt.Sprintf("%s:%d", s.File, s.Line)
	case s.File != "":
		loc = s.File
	}
	if s.Field == "" {
		return loc
	}
	if loc == "" {
		return "tag on " + s.Field
	}
	return fmt.Sprintf("tag on %s (%s)", s.Field, loc)
}

// KeyKind says how a unique key was declared.
type KeyKind uint8

const (
	PrimaryKey KeyKind = iota
	UniqueConstraint
	UniqueIndex
)

func (k KeyKind) String() string {
	switch k {
	case PrimaryKey:
		return "primary key"
	case UniqueConstraint:
		return "unique constraint"
	}
	return "unique index"
}

// KeyPart is one element of a key: a column, or an expression over columns.
type KeyPart struct {
	Column    string // normalised column name; "" when Expr is set
	Expr      string // normalised expression (sqlscan.Normalize), e.g. lower(email)
	PrefixLen int    // MySQL prefix length col(191): only the prefix is unique
}

// String returns the column or the expression text.
func (p KeyPart) String() string {
	if p.Expr != "" {
		return p.Expr
	}
	return p.Column
}

// Key is a uniqueness guarantee on a table.
type Key struct {
	Name             string // declared or server-implied name; "" when unnamed
	Implicit         bool   // the name was derived by the server's rules, not written
	Kind             KeyKind
	Parts            []KeyPart
	Where            string // normalised partial-index predicate; "" for a full key
	NullsNotDistinct bool   // PostgreSQL 15 NULLS NOT DISTINCT
	Uncertain        bool   // touched by a statement that was not analysed
	Source           Source
}

// Columns returns the key's parts as text, columns and expressions alike.
func (k *Key) Columns() []string {
	out := make([]string, len(k.Parts))
	for i, p := range k.Parts {
		out[i] = p.String()
	}
	return out
}

// Describe renders the key for messages: name, kind and parts.
func (k *Key) Describe() string {
	var b strings.Builder
	if k.Name != "" {
		b.WriteString(k.Name)
		b.WriteString(" ")
	}
	fmt.Fprintf(&b, "(%s)", strings.Join(k.Columns(), ", "))
	if k.Where != "" {
		fmt.Fprintf(&b, " where %s", k.Where)
	}
	return b.String()
}

// Column is what a schema source knows about one column.
type Column struct {
	Name    string
	NotNull bool // declared NOT NULL or part of the primary key
}

// Table is a table's final state: its unique keys and known columns.
type Table struct {
	Name    string // normalised: lower case, no public./main. schema
	Keys    []*Key
	Columns map[string]*Column // may be empty when the source knows no columns
	Source  Source
	// Uncertain is set when SQL the reader could not follow (DDL inside a
	// PostgreSQL DO block) changed the table: its keys may differ.
	Uncertain bool
	// ConstraintNames is set when the source names every constraint of
	// the table as PostgreSQL does (migrations read as PostgreSQL), so
	// that ON CONFLICT ON CONSTRAINT name can be checked against Keys and
	// Exclusions.
	ConstraintNames bool
	// Exclusions names the table's EXCLUDE constraints; "" stands for one
	// whose implicit name the source does not derive.
	Exclusions []string
}

// NewTable returns an empty table named name (normalised by TableKey).
func NewTable(name string) *Table {
	return &Table{Name: TableKey(name), Columns: map[string]*Column{}}
}

// AddKey appends k unless an identical key (same parts, predicate and
// NULLS mode) is already present.
func (t *Table) AddKey(k *Key) {
	for _, old := range t.Keys {
		if sameKey(old, k) {
			return
		}
	}
	t.Keys = append(t.Keys, k)
}

// MergeFrom adds src's keys (unless identical to one t has) and columns
// (a NOT NULL declaration wins) to t; src's uncertainty carries over.
func (t *Table) MergeFrom(src *Table) {
	t.Uncertain = t.Uncertain || src.Uncertain
	t.ConstraintNames = t.ConstraintNames || src.ConstraintNames
	t.Exclusions = append(t.Exclusions, src.Exclusions...)
	for _, k := range src.Keys {
		t.AddKey(k)
	}
	for n, c := range src.Columns {
		if old, ok := t.Columns[n]; !ok || (c.NotNull && !old.NotNull) {
			t.Columns[n] = c
		}
	}
}

func sameKey(a, b *Key) bool {
	if len(a.Parts) != len(b.Parts) || a.Where != b.Where || a.NullsNotDistinct != b.NullsNotDistinct {
		return false
	}
	for i := range a.Parts {
		if a.Parts[i] != b.Parts[i] {
			return false
		}
	}
	return true
}

// ColumnNotNull reports whether the table declares column NOT NULL.
func (t *Table) ColumnNotNull(column string) bool {
	c := t.Columns[column]
	return c != nil && c.NotNull
}

// Catalog is the set of tables a schema source describes.
type Catalog struct {
	Tables   map[string]*Table
	Warnings []Warning
	// Dialects are the dialects the sources were read as (Generic when a
	// source's dialect could not be told).
	Dialects []Dialect
}

// AddDialect records that a source was read as d.
func (c *Catalog) AddDialect(d Dialect) {
	for _, old := range c.Dialects {
		if old == d {
			return
		}
	}
	c.Dialects = append(c.Dialects, d)
}

// Warning records input a schema source skipped but that may have changed
// keys, such as DDL inside a PostgreSQL DO block. Warnings about a whole
// file (File) are shown by default; the others in debug output only.
type Warning struct {
	Source  Source
	Message string
	// File is set when the warning is about a whole file: skipped (not a
	// regular file, too large, binary, not parsable Go) or read with a
	// note (Latin-1).
	File bool
}

func (w Warning) String() string { return fmt.Sprintf("%s: %s", w.Source, w.Message) }

// NewCatalog returns an empty catalog.
func NewCatalog() *Catalog { return &Catalog{Tables: map[string]*Table{}} }

// Table returns the table with the given name, or nil.
func (c *Catalog) Table(name string) *Table {
	if c == nil {
		return nil
	}
	return c.Tables[TableKey(name)]
}

// Ensure returns the named table, creating it if needed.
func (c *Catalog) Ensure(name string) *Table {
	key := TableKey(name)
	t := c.Tables[key]
	if t == nil {
		t = NewTable(key)
		c.Tables[key] = t
	}
	return t
}

// Names returns the table names in sorted order.
func (c *Catalog) Names() []string {
	names := make([]string, 0, len(c.Tables))
	for n := range c.Tables {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// identQuotes strips identifier quotes. It is built once: a Replacer
// builds its lookup table on first use, and TableKey runs for every
// comparison of two tables.
var identQuotes = strings.NewReplacer(`"`, "", "`", "", "[", "", "]", "")

// TableKey normalises a table name for matching: unquoted, lower case, and
// without the default schemas public and main.
func TableKey(name string) string {
	name = strings.ToLower(strings.TrimSpace(name))
	name = identQuotes.Replace(name)
	for _, def := range []string{"public.", "main."} {
		name = strings.TrimPrefix(name, def)
	}
	return name
}
