package main

import (
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/getorcreatelint/getorcreatelint/analyzer"
)

// module writes a go.mod and the given configuration into a temporary
// directory and returns a subdirectory of it, as a package would be.
func module(t *testing.T, config string) string {
	t.Helper()
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "go.mod"), []byte("module example.com/m\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if config != "" {
		if err := os.WriteFile(filepath.Join(root, ".getorcreatelint.yml"), []byte(config), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	sub := filepath.Join(root, "internal", "store")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	return sub
}

func flags() (*flag.FlagSet, *analyzer.Options) {
	o := analyzer.DefaultOptions()
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	o.BindFlags(fs)
	return fs, &o
}

func TestConfigFileSetsOptions(t *testing.T) {
	dir := module(t, `
strict: true
migrations: [db/migrations, schema.sql]
dialect: postgres
discover: false
categories: get-or-create,unknown-lookup
exclude:
  - internal/legacy/**
gorm-table-prefix: app_
gorm-singular-table: true
`)
	fs, o := flags()
	if err := loadConfig(dir, fs); err != nil {
		t.Fatal(err)
	}
	if !o.Strict || o.Discover || o.Dialect != "postgres" || o.GORMTablePrefix != "app_" || !o.GORMSingularTable {
		t.Errorf("options not applied: %+v", *o)
	}
	if strings.Join(o.Migrations, "|") != "db/migrations|schema.sql" || strings.Join(o.Categories, "|") != "get-or-create|unknown-lookup" ||
		strings.Join(o.Exclude, "|") != "internal/legacy/**" {
		t.Errorf("lists not applied: %+v", *o)
	}
	// Flags parsed afterwards win over the file.
	if err := fs.Parse([]string{"-strict=false", "-dialect=mysql"}); err != nil {
		t.Fatal(err)
	}
	if o.Strict || o.Dialect != "mysql" {
		t.Errorf("flags must override the configuration file: %+v", *o)
	}
}

func TestConfigFileErrors(t *testing.T) {
	tests := []struct{ config, want string }{
		{"stricts: true\n", `unknown option "stricts"`},
		{"dialect: oracle\n", `unknown dialect "oracle"`},
		{"categories: [nope]\n", `unknown category "nope"`},
		{"strict: [true\n", ".getorcreatelint.yml"},
		{"strict: maybe\n", `option "strict"`},
		// The file, the line, the expected type, a hint for a typo.
		{"dialect: postgres\nstrictt: true\n", `.getorcreatelint.yml:2: unknown option "strictt" (did you mean "strict"?)`},
		{"strict: yes-please\n", `.getorcreatelint.yml:1: option "strict": want true or false, got "yes-please"`},
		{"migrations: {a: b}\n", `option "migrations": want a list or a comma-separated string, got a mapping`},
		{"gorm-table-prefix: [a, b]\n", `option "gorm-table-prefix": want a string, got a list`},
		{"strict: true\nstrict: false\n", `option "strict" is already set on line 1`},
		// One set of keys for every command: the schema subcommand's
		// -json is not an option of the file.
		{"json: true\n", `unknown option "json"`},
		// The repository must not choose where the linter connects.
		{"dsn: postgres://ci@203.0.113.1/app\n", `.getorcreatelint.yml:1: "dsn" cannot be set in the configuration file`},
		{"dsn: postgres://ci@203.0.113.1/app\n", "GETORCREATELINT_DSN"},
	}
	for _, tt := range tests {
		fs, _ := flags()
		err := loadConfig(module(t, tt.config), fs)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("config %q: error %v, want one containing %q", tt.config, err, tt.want)
		}
	}
}

// Every command takes the same keys: schema's flag set has -json, which
// the file must not reach.
func TestSchemaFlagsAreNotConfigKeys(t *testing.T) {
	fs, _ := flags()
	fs.Bool("json", false, "")
	if err := loadConfig(module(t, "json: true\n"), fs); err == nil || !strings.Contains(err.Error(), `unknown option "json"`) {
		t.Errorf("json in the file: %v, want it refused", err)
	}
}

func TestNoConfigFile(t *testing.T) {
	fs, o := flags()
	if err := loadConfig(module(t, ""), fs); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(*o, analyzer.DefaultOptions()) {
		t.Errorf("options changed without a configuration file: %+v", *o)
	}
}
