package migrations

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/getorcreatelint/getorcreatelint/schema"
)

// snapshotCatalog holds every feature a key or table can have: an implied
// primary key, expression and partial keys, NULLS NOT DISTINCT, a MySQL
// prefix length, uncertain tables and keys, nullable and NOT NULL columns,
// and a key whose source is a struct tag.
func snapshotCatalog() *schema.Catalog {
	cat := explainCatalog()
	ReplaySource(cat, "mysql/0001.sql", "CREATE TABLE pages (id int PRIMARY KEY, url varchar(2000), UNIQUE KEY pages_url (url(191)));\n", my)
	ReplaySource(cat, "migrations/0009_excl.up.sql", "ALTER TABLE users ADD CONSTRAINT users_no_overlap EXCLUDE USING gist (email WITH =);\n", pg)
	users := cat.Table("users")
	users.AddKey(&schema.Key{Name: "idx_users_nick", Kind: schema.UniqueIndex, Parts: []schema.KeyPart{{Column: "nick"}},
		Source: schema.Source{File: "models/user.go", Line: 9, Field: "User.Nick"}})
	users.Source = schema.Source{File: "migrations/0001_init.up.sql", Line: 1}
	cat.Warnings = nil // not part of what a snapshot loads
	return cat
}

func TestSnapshotRoundTrip(t *testing.T) {
	cat := snapshotCatalog()
	if cat.Table("pages").Keys[1].Parts[0].PrefixLen != 191 || !cat.Table("orgs").Uncertain ||
		!cat.Table("users").ConstraintNames || len(cat.Table("users").Exclusions) != 1 {
		t.Fatalf("the test catalog lacks a feature: %+v %+v", cat.Table("pages").Keys, cat.Table("orgs"))
	}
	dirs := []Dir{{Path: "migrations", Dialect: pg, Found: "conventional"}, {Path: "mysql", Dialect: my, Found: "flag"}}
	var b bytes.Buffer
	if err := WriteSnapshot(&b, NewSnapshot(cat, dirs, nil)); err != nil {
		t.Fatal(err)
	}
	got, gotDirs, err := ReadSnapshot(b.Bytes())
	if err != nil {
		t.Fatalf("ReadSnapshot: %v\n%s", err, b.String())
	}
	if !reflect.DeepEqual(got, cat) {
		t.Errorf("the snapshot does not rebuild the catalog:\n%s", b.String())
		for _, name := range cat.Names() {
			if !reflect.DeepEqual(got.Table(name), cat.Table(name)) {
				t.Errorf("%s: got %+v, want %+v", name, got.Table(name), cat.Table(name))
			}
		}
		if !reflect.DeepEqual(got.Dialects, cat.Dialects) {
			t.Errorf("dialects %v, want %v", got.Dialects, cat.Dialects)
		}
	}
	if !reflect.DeepEqual(gotDirs, dirs) {
		t.Errorf("directories %+v, want %+v", gotDirs, dirs)
	}
}

func TestReadSnapshotRejectsBadInput(t *testing.T) {
	cases := []struct{ name, json, want string }{
		{"not JSON", "CREATE TABLE x (id int);", "not a schema snapshot"},
		{"the old list of tables", `[{"table": "users", "unique": []}]`, "not a schema snapshot"},
		{"no version", `{"tables": []}`, "version 0"},
		{"unknown kind", `{"version": 1, "tables": [{"table": "t", "unique": [{"kind": "exclusion", "parts": [{"column": "a"}]}]}]}`, `unknown kind "exclusion"`},
		{"no parts", `{"version": 1, "tables": [{"table": "t", "unique": [{"kind": "unique index", "columns": ["a"]}]}]}`, "no parts"},
		{"column and expression", `{"version": 1, "tables": [{"table": "t", "unique": [{"kind": "unique index", "parts": [{"column": "a", "expr": "lower(a)"}]}]}]}`, "a column or an expression"},
		{"unknown dialect", `{"version": 1, "dialects": ["oracle"], "tables": []}`, `unknown dialect "oracle"`},
		{"table twice", `{"version": 1, "tables": [{"table": "t", "unique": []}, {"table": "T", "unique": []}]}`, "listed twice"},
	}
	for _, c := range cases {
		_, _, err := ReadSnapshot([]byte(c.json))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want it to say %q", c.name, err, c.want)
		}
	}
}
