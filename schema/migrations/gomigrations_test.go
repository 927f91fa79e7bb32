package migrations

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/getorcreatelint/getorcreatelint/schema"
)

// goSamples holds small modules whose migrations are written in Go: goose
// pairs, a gormigrate list, a constant-based list, down functions that drop
// indexes, strings that are not DDL, and a file that does not parse.
const goSamples = "testdata/gomigrations"

// TestGoMigrationsGolden discovers and loads each sample module and
// compares the catalog, the directories found and the warnings with
// <sample>.golden (checked by hand; -update rewrites them).
func TestGoMigrationsGolden(t *testing.T) {
	entries, err := os.ReadDir(goSamples)
	if err != nil {
		t.Fatal(err)
	}
	var samples []string
	for _, e := range entries {
		if e.IsDir() {
			samples = append(samples, e.Name())
		}
	}
	if len(samples) != 6 {
		t.Fatalf("found %d samples, want 6: %v", len(samples), samples)
	}
	for _, name := range samples {
		t.Run(name, func(t *testing.T) {
			root := filepath.Join(goSamples, name)
			dirs, err := Discover(root, Hints{})
			if err != nil {
				t.Fatal(err)
			}
			cat, err := Load(root, dirs)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := WriteText(&buf, cat, dirs); err != nil {
				t.Fatal(err)
			}
			golden := root + ".golden"
			if *update {
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got := buf.String(); got != string(want) {
				t.Errorf("differs from %s\n--- got\n%s\n--- want\n%s", golden, got, want)
			}
		})
	}
}

// TestGoMigrationsBackLookups is the linter's view: lookups that the keys
// of Go migrations back are backed, through Discover, Cached and the
// backing rule, and a key dropped only by a down function still counts.
func TestGoMigrationsBackLookups(t *testing.T) {
	eq := func(cols ...string) schema.Lookup {
		var l schema.Lookup
		for _, c := range cols {
			l.Terms = append(l.Terms, schema.Term{Column: c})
		}
		return l
	}
	tests := []struct {
		sample, table string
		lookup        schema.Lookup
		backed        bool
	}{
		{"goose", "users", eq("email"), true}, // unique lower(email), from .sql after .go
		{"goose", "users", eq("org_id"), false},
		{"goose", "orgs", eq("slug"), true},
		{"goose", "memberships", eq("org_id", "user_id"), true},
		{"goose", "memberships", eq("user_id"), false},
		{"gormigrate", "teams", eq("slug"), true},
		{"gormigrate", "api_keys", eq("token_hash"), true}, // the Rollback drops it
		{"constlist", "accounts", eq("handle"), true},
		{"constlist", "audit_events", eq("account_id", "seq"), true},
		{"downdrop", "sessions", eq("token_hash"), true},
		{"downdrop", "sessions", eq("user_id", "device_id"), true},
		{"downdrop", "sessions", eq("user_id"), false},
		{"unparsable", "tags", eq("slug"), true},
		{"unparsable", "tags", eq("id"), true},
	}
	for _, tt := range tests {
		t.Run(tt.sample+"/"+tt.table+tt.lookup.ColumnList(), func(t *testing.T) {
			root := filepath.Join(goSamples, tt.sample)
			dirs, err := Discover(root, Hints{})
			if err != nil {
				t.Fatal(err)
			}
			cat, err := Cached(root, dirs)
			if err != nil {
				t.Fatal(err)
			}
			v := schema.Check(cat.Table(tt.table), tt.lookup)
			if v.Backed != tt.backed {
				t.Errorf("backed = %v, want %v (by %v)", v.Backed, tt.backed, v.By)
			}
			if v.Backed && !strings.HasSuffix(v.By.Source.File, ".go") && tt.sample != "goose" {
				t.Errorf("key source %s, want the Go file", v.By.Source)
			}
		})
	}
}
