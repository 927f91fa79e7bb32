package migrations

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// SnapshotVersion is the version of the snapshot format this package
// writes and reads.
const SnapshotVersion = 1

// Snapshot is what "getorcreatelint schema -json" prints: the schema
// sources of a module (migrations and the live database) as one catalog,
// complete enough to stand in for them (the schema-file option), and, for
// reading only, the tables the analysed code declares itself.
//
//	{
//	  "version": 1,
//	  "dialects": ["postgres"],     // the dialects the sources were read as
//	  "migrations": [{"path": "db/migrations", "dialect": "postgres", "found": "conventional"}],
//	  "tables": [TableJSON...],     // migrations and the live database: what schema-file loads
//	  "code": [TableJSON...],       // struct tags and ent schemas of the analysed packages
//	  "warnings": [{"source": "db/migrations/0003_x.up.sql:4", "message": "..."}]
//	}
//
// The analyzer reads the code's tables from the code on every run, so a
// snapshot only stands in for the files and the database.
type Snapshot struct {
	Version    int           `json:"version"`
	Dialects   []string      `json:"dialects"`
	Migrations []DirJSON     `json:"migrations"`
	Tables     []TableJSON   `json:"tables"`
	Code       []TableJSON   `json:"code"`
	Warnings   []WarningJSON `json:"warnings"`
}

// DirJSON is a migration directory or schema file in a Snapshot.
type DirJSON struct {
	Path    string `json:"path"`
	Dialect string `json:"dialect"`
	Found   string `json:"found"`
}

// WarningJSON is a warning of the schema sources in a Snapshot.
type WarningJSON struct {
	Source  string `json:"source"`
	Message string `json:"message"`
}

// NewSnapshot describes the schema sources' catalog, the directories they
// were read from and the code's own tables.
func NewSnapshot(sources *schema.Catalog, dirs []Dir, code *schema.Catalog) *Snapshot {
	s := &Snapshot{Version: SnapshotVersion, Dialects: []string{}, Migrations: []DirJSON{},
		Tables: Tables(sources), Code: Tables(code), Warnings: []WarningJSON{}}
	if sources != nil {
		for _, d := range sources.Dialects {
			s.Dialects = append(s.Dialects, d.String())
		}
		for _, w := range sources.Warnings {
			s.Warnings = append(s.Warnings, WarningJSON{Source: w.Source.String(), Message: w.Message})
		}
	}
	for _, d := range dirs {
		s.Migrations = append(s.Migrations, DirJSON{Path: d.Path, Dialect: d.Dialect.String(), Found: d.Found})
	}
	return s
}

// WriteSnapshot writes s as indented JSON.
func WriteSnapshot(w io.Writer, s *Snapshot) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(s)
}

// ReadSnapshot decodes a snapshot and rebuilds the schema sources' catalog
// and directories from it. Its warnings are not loaded: they were shown
// when it was written.
func ReadSnapshot(data []byte) (*schema.Catalog, []Dir, error) {
	var s Snapshot
	if err := json.Unmarshal(data, &s); err != nil {
		return nil, nil, fmt.Errorf("not a schema snapshot (getorcreatelint schema -json): %w", err)
	}
	if s.Version != SnapshotVersion {
		return nil, nil, fmt.Errorf("schema snapshot version %d, want %d (write it again with getorcreatelint schema -json)", s.Version, SnapshotVersion)
	}
	cat, err := FromTables(s.Tables)
	if err != nil {
		return nil, nil, err
	}
	for _, name := range s.Dialects {
		d, ok := sqlscan.ParseDialect(name)
		if !ok {
			return nil, nil, fmt.Errorf("schema snapshot: unknown dialect %q", name)
		}
		cat.AddDialect(d)
	}
	var dirs []Dir
	for _, dj := range s.Migrations {
		d, ok := sqlscan.ParseDialect(dj.Dialect)
		if !ok {
			return nil, nil, fmt.Errorf("schema snapshot: migrations %s: unknown dialect %q", dj.Path, dj.Dialect)
		}
		dirs = append(dirs, Dir{Path: dj.Path, Dialect: d, Found: dj.Found})
	}
	return cat, dirs, nil
}

// FromTables rebuilds a catalog from its JSON form (see TableJSON).
func FromTables(tables []TableJSON) (*schema.Catalog, error) {
	cat := schema.NewCatalog()
	for _, tj := range tables {
		if tj.Table == "" {
			return nil, fmt.Errorf("schema snapshot: a table without a name")
		}
		if cat.Table(tj.Table) != nil {
			return nil, fmt.Errorf("schema snapshot: table %s listed twice", tj.Table)
		}
		t := cat.Ensure(tj.Table)
		t.Uncertain = tj.Uncertain
		t.ConstraintNames, t.Exclusions = tj.ConstraintNames, tj.Exclusions
		if tj.Declared != nil {
			t.Source = schema.Source{File: tj.Declared.File, Line: tj.Declared.Line, Field: tj.Declared.Field}
		}
		for _, c := range tj.Columns {
			t.Columns[c] = &schema.Column{Name: c}
		}
		for _, c := range tj.NotNull {
			t.Columns[c] = &schema.Column{Name: c, NotNull: true}
		}
		for i, kj := range tj.Unique {
			k, err := keyFromJSON(kj)
			if err != nil {
				return nil, fmt.Errorf("schema snapshot: table %s, key %d: %w", tj.Table, i+1, err)
			}
			t.Keys = append(t.Keys, k)
		}
	}
	return cat, nil
}

func keyFromJSON(kj KeyJSON) (*schema.Key, error) {
	k := &schema.Key{Name: kj.Name, Implicit: kj.Implicit, Where: kj.Where,
		NullsNotDistinct: kj.NullsNotDistinct, Uncertain: kj.Uncertain,
		Source: schema.Source{File: kj.Declared.File, Line: kj.Declared.Line, Field: kj.Declared.Field}}
	switch kj.Kind {
	case schema.PrimaryKey.String():
		k.Kind = schema.PrimaryKey
	case schema.UniqueConstraint.String():
		k.Kind = schema.UniqueConstraint
	case schema.UniqueIndex.String():
		k.Kind = schema.UniqueIndex
	default:
		return nil, fmt.Errorf("unknown kind %q", kj.Kind)
	}
	if len(kj.Parts) == 0 {
		return nil, fmt.Errorf("no parts")
	}
	for _, p := range kj.Parts {
		if (p.Column == "") == (p.Expr == "") || p.PrefixLen < 0 {
			return nil, fmt.Errorf("a part must be a column or an expression: %+v", p)
		}
		k.Parts = append(k.Parts, schema.KeyPart{Column: p.Column, Expr: p.Expr, PrefixLen: p.PrefixLen})
	}
	return k, nil
}
