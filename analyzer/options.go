package analyzer

import (
	"context"
	"flag"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/sources"
	"github.com/getorcreatelint/getorcreatelint/schema"

	gormschema "gorm.io/gorm/schema"

	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// Options configures the analyzer. One type serves the command-line flags,
// the configuration file and the golangci-lint plugin settings: every
// option has one name, the flag's, in all three (see Apply).
type Options struct {
	// Strict also reports lookups whose model, table or columns cannot be
	// resolved, as "lookup columns unknown" (category unknown-lookup).
	Strict bool

	// Migrations lists migration directories or schema files, relative to
	// the module root, to read unique keys from, in addition to those
	// discovered (see Discover).
	Migrations []string
	// Dialect forces the SQL dialect of every migration directory:
	// postgres, mysql or sqlite. Empty means detect it.
	Dialect string
	// Discover looks for migrations in the module: //go:embed
	// directories, sqlc and atlas configuration, and conventional places.
	Discover bool

	// DSN names a live database to read unique keys from (standalone
	// binary only: the database drivers are not linked into the plugin).
	DSN string
	// LiveSchema reads a live database's unique keys for DSN. The
	// command-line tool sets it (it links the database drivers); where it
	// is nil, as in the golangci-lint plugin, DSN is an error. It is not a
	// flag.
	LiveSchema func(ctx context.Context, dsn string) (*schema.Catalog, error)

	// SchemaFile names a schema snapshot written by "getorcreatelint
	// schema -json", relative to the module root, that replaces the schema
	// sources: no migrations are discovered or read and no database is
	// asked (Migrations and DSN are then errors).
	SchemaFile string
	// SchemaSnapshot is a snapshot's content, for builds that compile it
	// into the analyzer (Bazel's nogo, whose analyses see no other file).
	// It acts as SchemaFile does. It is not a flag.
	SchemaSnapshot []byte

	// Categories limits reports to these diagnostic categories; empty
	// means the default set (all but unknown-lookup, which Strict adds).
	Categories []string
	// Exclude lists path patterns (relative to the module root, with *
	// and ** wildcards) whose findings are not reported.
	Exclude []string

	// GORMTablePrefix and GORMSingularTable mirror the application's
	// gorm.Config NamingStrategy, so that table names match.
	GORMTablePrefix   string
	GORMSingularTable bool

	// Summarize lists package path prefixes whose functions get summaries
	// (a lookup or insert a caller in another package sees), in addition
	// to the main module's and the go.work modules' packages: a directory
	// replace, a shared repository library.
	Summarize []string

	// Debug prints what the schema sources skipped (SQL statements not
	// understood) to standard error. Skipped files are printed without it.
	Debug bool

	// OnFinding, when set, is called with each reported get-or-create
	// finding that no unique key backs (the fix-migrations subcommand
	// collects them). Packages are analysed concurrently: it must be safe
	// for concurrent use. It is not a flag.
	OnFinding func(Finding)
	// Evidence, when set, is asked about each such finding before it is
	// reported and returns text to append to its message ("" for none):
	// -dsn-duplicates counts the rows a new unique index would reject.
	// Safe for concurrent use; not a flag.
	Evidence func(Finding) string

	// explain makes every package load its schema sources and return the
	// tables it knows (used by the schema subcommand).
	explain bool
}

// DefaultOptions returns the options in force when nothing is set.
func DefaultOptions() Options { return Options{Discover: true} }

// BindFlags registers the options as flags on fs, with the options'
// current values as defaults.
func (o *Options) BindFlags(fs *flag.FlagSet) {
	fs.BoolVar(&o.Strict, "strict", o.Strict,
		"also report lookups whose columns, model or table cannot be resolved")
	fs.Var((*listFlag)(&o.Migrations), "migrations",
		"comma-separated migration directories or schema files, relative to the module root")
	fs.Var((*dialectFlag)(&o.Dialect), "dialect",
		"SQL dialect of the migrations: postgres, mysql or sqlite (default: detect)")
	fs.BoolVar(&o.Discover, "discover", o.Discover,
		"look for migrations in the module (go:embed, sqlc, atlas, conventional directories)")
	fs.StringVar(&o.DSN, "dsn", o.DSN,
		"read unique keys from this live database (postgres://, mysql://, sqlite:// or a file)")
	fs.StringVar(&o.SchemaFile, "schema-file", o.SchemaFile,
		"read the schema from this snapshot (getorcreatelint schema -json > file) instead of migrations and databases")
	fs.Var((*categoriesFlag)(&o.Categories), "categories",
		"comma-separated diagnostic categories to report (default: all but unknown-lookup)")
	fs.Var((*listFlag)(&o.Exclude), "exclude",
		"comma-separated path patterns, relative to the module root, whose findings are not reported")
	fs.StringVar(&o.GORMTablePrefix, "gorm-table-prefix", o.GORMTablePrefix,
		"table name prefix of the application's GORM NamingStrategy")
	fs.BoolVar(&o.GORMSingularTable, "gorm-singular-table", o.GORMSingularTable,
		"the application's GORM NamingStrategy uses singular table names")
	fs.Var((*listFlag)(&o.Summarize), "summarize",
		"comma-separated package path prefixes, besides the main module's, whose functions are summarised for their callers")
	fs.BoolVar(&o.Debug, "schema-debug", o.Debug,
		"also print the schema statements that were skipped and why (skipped files are always printed)")
}

// Apply sets flags of fs from settings keyed by flag name, as read from a
// configuration file or golangci-lint's settings. Lists may be given as
// lists or comma-separated strings. Unknown keys are errors.
func Apply(fs *flag.FlagSet, settings map[string]any) error {
	keys := make([]string, 0, len(settings))
	for k := range settings {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		f := fs.Lookup(k)
		if f == nil {
			return fmt.Errorf("unknown option %q (known: %s)", k, strings.Join(flagNames(fs), ", "))
		}
		value, err := settingString(settings[k])
		if err != nil {
			return fmt.Errorf("option %q: %v", k, err)
		}
		if err := fs.Set(k, value); err != nil {
			return fmt.Errorf("option %q: %v", k, err)
		}
	}
	return nil
}

func flagNames(fs *flag.FlagSet) []string {
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	return names
}

func settingString(v any) (string, error) {
	switch v := v.(type) {
	case nil:
		return "", nil
	case string:
		return v, nil
	case bool:
		return strconv.FormatBool(v), nil
	case int:
		return strconv.Itoa(v), nil
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64), nil
	case []any:
		parts := make([]string, len(v))
		for i, x := range v {
			s, err := settingString(x)
			if err != nil {
				return "", err
			}
			if strings.Contains(s, ",") {
				return "", fmt.Errorf("list element %q contains a comma", s)
			}
			parts[i] = s
		}
		return strings.Join(parts, ","), nil
	case []string:
		return strings.Join(v, ","), nil
	}
	return "", fmt.Errorf("unsupported value %v (%T)", v, v)
}

// sources returns the options of the schema sources.
func (o *Options) sources() *sources.Options {
	return &sources.Options{Migrations: o.Migrations, Dialect: o.Dialect, Discover: o.Discover,
		DSN: o.DSN, LiveSchema: o.LiveSchema, Debug: o.Debug,
		SchemaFile: o.SchemaFile, SchemaSnapshot: o.SchemaSnapshot}
}

// namer returns the GORM naming strategy the options describe.
func (o *Options) namer() gormschema.Namer {
	return gormschema.NamingStrategy{TablePrefix: o.GORMTablePrefix, SingularTable: o.GORMSingularTable}
}

// enabled reports whether findings of a category are reported.
func (o *Options) enabled(category string) bool {
	if len(o.Categories) == 0 {
		if category == CategoryUnknownLookup {
			return o.Strict
		}
		c, ok := CheckFor(category)
		return !ok || c.Default
	}
	for _, c := range o.Categories {
		if c == category {
			return true
		}
	}
	return false
}

// listFlag is a comma-separated list; setting it replaces the list.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error {
	*l = nil
	for _, part := range strings.Split(s, ",") {
		if part = strings.TrimSpace(part); part != "" {
			*l = append(*l, part)
		}
	}
	return nil
}

type dialectFlag string

func (d *dialectFlag) String() string { return string(*d) }
func (d *dialectFlag) Set(s string) error {
	if _, ok := sqlscan.ParseDialect(s); !ok {
		return fmt.Errorf("unknown dialect %q (want postgres, mysql or sqlite)", s)
	}
	*d = dialectFlag(strings.ToLower(strings.TrimSpace(s)))
	return nil
}

type categoriesFlag []string

func (c *categoriesFlag) String() string { return strings.Join(*c, ",") }
func (c *categoriesFlag) Set(s string) error {
	var l listFlag
	l.Set(s)
	for _, name := range l {
		known := false
		for _, k := range Categories {
			known = known || k == name
		}
		if !known {
			return fmt.Errorf("unknown category %q (known: %s)", name, strings.Join(Categories, ", "))
		}
	}
	*c = categoriesFlag(l)
	return nil
}
