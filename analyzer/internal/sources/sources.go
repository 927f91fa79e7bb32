// Package sources finds and reads the schema sources of a module other
// than the code itself: migration files and a live database, once per
// process for each module and set of options, and the files the
// recognisers read outside the package under analysis. Its Cache is the
// analyzer's one kind of process-wide memo.
package sources

import (
	"context"
	"fmt"
	"go/ast"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/migrations"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// Options say which schema sources to read.
type Options struct {
	Migrations []string // migration directories or schema files, relative to the module root
	Dialect    string   // forces the dialect of every migration directory
	Discover   bool     // look for migrations in the module
	DSN        string   // a live database to read
	// LiveSchema reads the live database; nil where the database drivers
	// are not linked (the golangci-lint plugin), which makes DSN an error.
	LiveSchema func(ctx context.Context, dsn string) (*schema.Catalog, error)
	Debug      bool // print the statements the SQL reader skipped
	// SchemaFile names a schema snapshot (getorcreatelint schema -json),
	// relative to the module root, read instead of the migrations and the
	// database; SchemaSnapshot is such a snapshot's content, compiled in.
	SchemaFile     string
	SchemaSnapshot []byte
}

// Module is what one module's schema sources say, other than struct tags.
type Module struct {
	Root     string
	Dirs     []migrations.Dir
	Catalogs []*schema.Catalog
	Live     *schema.Catalog // the live database's (-dsn), also in Catalogs; nil without -dsn
}

// Pass loads the schema sources for one package on first need: a package
// with no candidate call reads nothing.
type Pass struct {
	pass   *analysis.Pass
	opts   *Options
	loaded bool
	mod    *Module
	err    error
}

// ForPass returns the sources of the package under analysis.
func ForPass(pass *analysis.Pass, opts *Options) *Pass {
	return &Pass{pass: pass, opts: opts}
}

// Err is the error of a failed load: the pass then fails.
func (p *Pass) Err() error { return p.err }

// Module returns the module's sources, loaded at the first call and once
// per process for each module; nil when the load failed (see Err).
func (p *Pass) Module() *Module {
	if p.loaded {
		return p.mod
	}
	p.loaded = true
	root, err := p.Root()
	if err != nil {
		p.err = err
		return nil
	}
	p.mod, p.err = load(root, p.opts, p.hints(root))
	return p.mod
}

// Catalogs returns the catalogs from migrations and the live database.
func (p *Pass) Catalogs() []*schema.Catalog {
	if m := p.Module(); m != nil {
		return m.Catalogs
	}
	return nil
}

type loaded struct {
	mod *Module
	err error
}

var modules = NewCache[string, loaded]()

// load finds and reads the schema sources for a module, once per process
// for each combination of module, options and hints.
func load(root string, o *Options, h migrations.Hints) (*Module, error) {
	key := strings.Join([]string{root, strings.Join(o.Migrations, ","), o.Dialect,
		fmt.Sprint(o.Discover), o.DSN, strings.Join(h.EmbedDirs, ","), h.Dialect.String(),
		o.SchemaFile, snapshotKey(o.SchemaSnapshot)}, "\x00")
	l := modules.Get(key, func() loaded {
		m, err := read(root, o, h)
		return loaded{m, err}
	})
	return l.mod, l.err
}

// SourceLoads returns the number of module source loads.
func SourceLoads() int { return modules.Len() }

func read(root string, o *Options, h migrations.Hints) (*Module, error) {
	if o.SchemaFile != "" || o.SchemaSnapshot != nil {
		return readSnapshot(root, o)
	}
	s := &Module{Root: root}
	forced, _ := sqlscan.ParseDialect(o.Dialect)
	for _, m := range o.Migrations {
		s.Dirs = append(s.Dirs, migrations.Dir{Path: m, Dialect: forced, Found: "flag"})
	}
	if o.Discover {
		found, err := migrations.Discover(root, h)
		if err != nil {
			return nil, fmt.Errorf("discovering migrations in %s: %w", root, err)
		}
		for _, d := range found {
			if !hasDir(s.Dirs, root, d.Path) {
				if forced != sqlscan.Generic {
					d.Dialect = forced
				}
				s.Dirs = append(s.Dirs, d)
			}
		}
	}
	if len(s.Dirs) > 0 {
		cat, err := migrations.Cached(root, s.Dirs)
		if err != nil {
			return nil, fmt.Errorf("-migrations: %w", err)
		}
		printWarnings(os.Stderr, cat.Warnings, o.Debug)
		s.Catalogs = append(s.Catalogs, cat)
	}
	if o.DSN != "" {
		if o.LiveSchema == nil {
			return nil, fmt.Errorf("-dsn: reading a live database needs the getorcreatelint binary (the database drivers are not linked here)")
		}
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		cat, err := o.LiveSchema(ctx, o.DSN)
		if err != nil {
			return nil, fmt.Errorf("-dsn: %w", err)
		}
		s.Catalogs = append(s.Catalogs, cat)
		s.Live = cat
	}
	return s, nil
}

func hasDir(dirs []migrations.Dir, root, path string) bool {
	abs := func(p string) string {
		if filepath.IsAbs(p) {
			return filepath.Clean(p)
		}
		return filepath.Join(root, p)
	}
	for _, d := range dirs {
		if abs(d.Path) == abs(path) {
			return true
		}
	}
	return false
}

// hints tells discovery what the package knows: the directories its
// //go:embed directives name, and the database its driver imports imply.
func (p *Pass) hints(root string) migrations.Hints {
	var h migrations.Hints
	for _, f := range p.pass.Files {
		dir := filepath.Dir(p.pass.Fset.Position(f.Pos()).Filename)
		for _, pattern := range embedPatterns(f) {
			p := filepath.Join(dir, filepath.FromSlash(pattern))
			if strings.ContainsAny(pattern, "*?[") {
				p = filepath.Dir(p)
			}
			if rel, err := filepath.Rel(root, p); err == nil && !strings.HasPrefix(rel, "..") {
				h.EmbedDirs = append(h.EmbedDirs, rel)
			}
		}
	}
	sort.Strings(h.EmbedDirs)
	h.Dialect = PackageDialect(p.pass)
	return h
}

// embedPatterns returns the patterns of a file's //go:embed directives,
// read as the go command reads them (quoted patterns, the all: prefix).
func embedPatterns(f *ast.File) []string {
	var out []string
	for _, g := range f.Comments {
		for _, c := range g.List {
			rest, ok := strings.CutPrefix(c.Text, "//go:embed")
			if !ok || rest == "" || (rest[0] != ' ' && rest[0] != '\t') {
				continue
			}
			out = append(out, migrations.EmbedPatterns(rest)...)
		}
	}
	return out
}

// driverDialects maps database driver import paths to their dialect.
var driverDialects = map[string]sqlscan.Dialect{
	"github.com/lib/pq":                    sqlscan.Postgres,
	"github.com/jackc/pgx/v5":              sqlscan.Postgres,
	"github.com/jackc/pgx/v5/stdlib":       sqlscan.Postgres,
	"github.com/jackc/pgx/v5/pgxpool":      sqlscan.Postgres,
	"github.com/jackc/pgx/v4":              sqlscan.Postgres,
	"gorm.io/driver/postgres":              sqlscan.Postgres,
	"github.com/go-sql-driver/mysql":       sqlscan.MySQL,
	"gorm.io/driver/mysql":                 sqlscan.MySQL,
	"github.com/mattn/go-sqlite3":          sqlscan.SQLite,
	"modernc.org/sqlite":                   sqlscan.SQLite,
	"github.com/glebarez/sqlite":           sqlscan.SQLite,
	"github.com/glebarez/go-sqlite":        sqlscan.SQLite,
	"gorm.io/driver/sqlite":                sqlscan.SQLite,
	"github.com/ncruces/go-sqlite3":        sqlscan.SQLite,
	"github.com/ncruces/go-sqlite3/driver": sqlscan.SQLite,
}

// codeImports returns the packages the non-test files of the pass import,
// or all the package's imports when every file is a test file.
func codeImports(pass *analysis.Pass) []*types.Package {
	var out []*types.Package
	seen := map[*types.Package]bool{}
	code := false
	for _, f := range pass.Files {
		if strings.HasSuffix(pass.Fset.Position(f.Pos()).Filename, "_test.go") {
			continue
		}
		code = true
		for _, spec := range f.Imports {
			if pn := pass.TypesInfo.PkgNameOf(spec); pn != nil && !seen[pn.Imported()] {
				seen[pn.Imported()] = true
				out = append(out, pn.Imported())
			}
		}
	}
	if !code {
		return pass.Pkg.Imports()
	}
	return out
}

// driverDialectOf looks for database drivers among the imports,
// transitively; Generic when none or several dialects are found.
func driverDialectOf(imports []*types.Package) sqlscan.Dialect {
	seen := map[*types.Package]bool{}
	found := map[sqlscan.Dialect]bool{}
	var walk func(p *types.Package)
	walk = func(p *types.Package) {
		if seen[p] || len(seen) > 5000 {
			return
		}
		seen[p] = true
		if d, ok := driverDialects[p.Path()]; ok {
			found[d] = true
		}
		for _, imp := range p.Imports() {
			walk(imp)
		}
	}
	for _, imp := range imports {
		walk(imp)
	}
	if len(found) != 1 {
		return sqlscan.Generic
	}
	for d := range found {
		return d
	}
	return sqlscan.Generic
}

var roots = NewCache[string, string]() // package directory -> module root

// Root returns the directory holding the go.mod of the package under
// analysis, found by walking up from its files.
func (p *Pass) Root() (string, error) {
	if len(p.pass.Files) == 0 {
		return "", fmt.Errorf("package %s has no files", p.pass.Pkg.Path())
	}
	dir := filepath.Dir(p.pass.Fset.Position(userFile(p.pass).Pos()).Filename)
	return roots.Get(dir, func() string {
		for d := dir; ; d = filepath.Dir(d) {
			if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
				return d
			}
			if filepath.Dir(d) == d {
				// Not in a module (GOPATH layout): paths are taken from the
				// package's directory.
				return dir
			}
		}
	}), nil
}

// userFile returns a file of the package that lies in its directory. A
// package importing "C" has cgo's files in the build cache among its
// files: its type file, marked generated, and its rewritten copies of the
// user's files, whose positions //line directives map back to them.
func userFile(pass *analysis.Pass) *ast.File {
	for _, f := range pass.Files {
		mapped := pass.Fset.Position(f.Package).Filename != pass.Fset.PositionFor(f.Package, false).Filename
		if mapped || !ast.IsGenerated(f) {
			return f
		}
	}
	return pass.Files[0]
}

// RootLookups returns the number of package directories whose module root
// was looked up.
func RootLookups() int { return roots.Len() }

var packageDialects = NewCache[string, sqlscan.Dialect]()

// PackageDialect is the dialect the database drivers imported by the
// package's non-test files imply, transitively. Query strings are lexed
// in it (it decides comments and escapes), and it stands for the schema's
// dialect when the schema does not tell. It costs no file reads. A test
// often opens another database than the code it tests (an in-memory
// SQLite), and a package and its test variant must say the same of the
// same code; a package of test files only (an external test package) is
// read with all its imports.
func PackageDialect(pass *analysis.Pass) sqlscan.Dialect {
	return packageDialects.Get(pass.Pkg.Path(), func() sqlscan.Dialect { return driverDialectOf(codeImports(pass)) })
}

// Dialect is the database the package's schema is written for: the
// -dialect option, else the one dialect the catalogs were read as, else the
// one the driver imports imply, else Generic.
func (p *Pass) Dialect() sqlscan.Dialect {
	if d, ok := sqlscan.ParseDialect(p.opts.Dialect); ok && d != sqlscan.Generic {
		return d
	}
	found := sqlscan.Generic
	for _, cat := range p.Catalogs() {
		for _, d := range cat.Dialects {
			switch {
			case d == sqlscan.Generic || d == found:
			case found == sqlscan.Generic:
				found = d
			default:
				return PackageDialect(p.pass) // the sources disagree
			}
		}
	}
	if found != sqlscan.Generic {
		return found
	}
	return PackageDialect(p.pass)
}
