package migrations

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/schema"
)

// TableJSON is one element of the JSON form of a catalog, the stable shape
// of the "tables" and "code" lists of "getorcreatelint schema -json" (see
// Snapshot) and of WriteJSON:
//
//	[
//	  {
//	    "table": "users",                 // normalised name; "schema.table" outside public/main
//	    "notNull": ["email", "id"],       // columns known NOT NULL (sorted), omitted when none
//	    "unique": [
//	      {
//	        "name": "users_email_key",    // declared or server-implied name; "" when unnamed (SQLite)
//	        "implicit": true,             // the server chose the name
//	        "kind": "unique constraint",  // "primary key", "unique constraint" or "unique index"
//	        "columns": ["email"],         // key parts in order; an expression part is its SQL text, e.g. "lower(email)"
//	        "where": "",                  // partial-index predicate, normalised; "" for a full key
//	        "nullsNotDistinct": false,    // PostgreSQL NULLS NOT DISTINCT
//	        "uncertain": false,           // touched by SQL that was not fully analysed (a DO block)
//	        "source": "migrations/0001_init.up.sql:7" // file:line, or "tag on User.Email (file:line)"
//	      }
//	    ]
//	  }
//	]
//
// Tables are sorted by name; keys keep their declaration order. Fields are
// only ever added to this shape. Besides the fields above, which are for
// reading, each table and key carries what FromTables needs to rebuild the
// catalog exactly: a table's known columns ("columns", NOT NULL or not), its
// uncertainty and where it was declared; a key's parts, each a column or an
// expression with a MySQL prefix length ("parts"), and its source as
// fields ("declared": {"file", "line", "field"}).
type TableJSON struct {
	Table     string      `json:"table"`
	NotNull   []string    `json:"notNull,omitempty"`
	Unique    []KeyJSON   `json:"unique"`
	Columns   []string    `json:"columns,omitempty"`
	Uncertain bool        `json:"uncertain,omitempty"`
	Declared  *SourceJSON `json:"declared,omitempty"`
	// ConstraintNames says the source names every constraint (see
	// schema.Table); Exclusions names its EXCLUDE constraints, "" for an
	// unnamed one.
	ConstraintNames bool     `json:"constraintNames,omitempty"`
	Exclusions      []string `json:"exclusions,omitempty"`
}

// KeyJSON is one key in TableJSON.
type KeyJSON struct {
	Name             string     `json:"name"`
	Implicit         bool       `json:"implicit"`
	Kind             string     `json:"kind"`
	Columns          []string   `json:"columns"`
	Where            string     `json:"where"`
	NullsNotDistinct bool       `json:"nullsNotDistinct"`
	Uncertain        bool       `json:"uncertain"`
	Source           string     `json:"source"`
	Parts            []PartJSON `json:"parts"`
	Declared         SourceJSON `json:"declared"`
}

// PartJSON is one part of a key: a column or an expression.
type PartJSON struct {
	Column    string `json:"column,omitempty"`
	Expr      string `json:"expr,omitempty"`
	PrefixLen int    `json:"prefixLen,omitempty"`
}

// SourceJSON is a schema.Source as fields.
type SourceJSON struct {
	File  string `json:"file,omitempty"`
	Line  int    `json:"line,omitempty"`
	Field string `json:"field,omitempty"`
}

// Tables returns the catalog in its JSON shape.
func Tables(cat *schema.Catalog) []TableJSON {
	out := []TableJSON{}
	if cat == nil {
		return out
	}
	for _, name := range cat.Names() {
		t := cat.Tables[name]
		tj := TableJSON{Table: name, NotNull: notNullColumns(t), Unique: []KeyJSON{},
			Columns: knownColumns(t), Uncertain: t.Uncertain,
			ConstraintNames: t.ConstraintNames, Exclusions: t.Exclusions}
		if t.Source != (schema.Source{}) {
			tj.Declared = &SourceJSON{File: t.Source.File, Line: t.Source.Line, Field: t.Source.Field}
		}
		for _, k := range t.Keys {
			kj := KeyJSON{
				Name: k.Name, Implicit: k.Implicit, Kind: k.Kind.String(), Columns: k.Columns(),
				Where: k.Where, NullsNotDistinct: k.NullsNotDistinct, Uncertain: k.Uncertain,
				Source:   k.Source.String(),
				Parts:    []PartJSON{},
				Declared: SourceJSON{File: k.Source.File, Line: k.Source.Line, Field: k.Source.Field},
			}
			for _, p := range k.Parts {
				kj.Parts = append(kj.Parts, PartJSON{Column: p.Column, Expr: p.Expr, PrefixLen: p.PrefixLen})
			}
			tj.Unique = append(tj.Unique, kj)
		}
		out = append(out, tj)
	}
	return out
}

func notNullColumns(t *schema.Table) []string {
	var cols []string
	for n, c := range t.Columns {
		if c.NotNull {
			cols = append(cols, n)
		}
	}
	sort.Strings(cols)
	return cols
}

func knownColumns(t *schema.Table) []string {
	var cols []string
	for n := range t.Columns {
		cols = append(cols, n)
	}
	sort.Strings(cols)
	return cols
}

// WriteJSON writes the catalog's tables as the indented JSON array
// documented on TableJSON.
func WriteJSON(w io.Writer, cat *schema.Catalog) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(Tables(cat))
}

// WriteText writes the catalog for people: each table with its keys (kind,
// name, parts, predicate, flags, source), then the migration directories
// and how they were found, then the warnings.
func WriteText(w io.Writer, cat *schema.Catalog, dirs []Dir) error {
	var b strings.Builder
	if cat != nil {
		for _, name := range cat.Names() {
			writeTable(&b, cat.Tables[name])
		}
	}
	if len(dirs) > 0 {
		b.WriteString("migration directories:\n")
		for _, d := range dirs {
			fmt.Fprintf(&b, "  %s  %s  (%s)\n", d.Path, d.Dialect, d.Found)
		}
	}
	if cat != nil && len(cat.Warnings) > 0 {
		b.WriteString("warnings:\n")
		for _, wn := range cat.Warnings {
			fmt.Fprintf(&b, "  %s\n", wn)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeTable(b *strings.Builder, t *schema.Table) {
	b.WriteString(t.Name)
	if nn := notNullColumns(t); len(nn) > 0 {
		fmt.Fprintf(b, "  not null: %s", strings.Join(nn, ", "))
	}
	b.WriteString("\n")
	if len(t.Keys) == 0 {
		b.WriteString("  (no unique keys)\n")
	}
	for _, k := range t.Keys {
		fmt.Fprintf(b, "  %-17s %s", k.Kind, keyText(k))
		if src := k.Source.String(); src != "" {
			fmt.Fprintf(b, "  @ %s", src)
		}
		b.WriteString("\n")
	}
}

// keyText renders a key on one line: name (parts), predicate and flags.
func keyText(k *schema.Key) string {
	var b strings.Builder
	switch {
	case k.Name == "":
		b.WriteString("(unnamed) ")
	case k.Implicit:
		fmt.Fprintf(&b, "%s (implied) ", k.Name)
	default:
		fmt.Fprintf(&b, "%s ", k.Name)
	}
	parts := make([]string, len(k.Parts))
	for i, p := range k.Parts {
		parts[i] = p.String()
		if p.PrefixLen > 0 {
			parts[i] += fmt.Sprintf("(%d)", p.PrefixLen)
		}
	}
	fmt.Fprintf(&b, "(%s)", strings.Join(parts, ", "))
	if k.Where != "" {
		fmt.Fprintf(&b, " where %s", k.Where)
	}
	if k.NullsNotDistinct {
		b.WriteString(" nulls not distinct")
	}
	if k.Uncertain {
		b.WriteString(" [uncertain]")
	}
	return b.String()
}
