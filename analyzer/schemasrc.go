package analyzer

import (
	"context"
	"fmt"
	"go/ast"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/migrations"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// LiveSchema reads a live database's unique keys. The command-line tool
// sets it (it links the database drivers); where it is nil, as in the
// golangci-lint plugin, the dsn option is an error.
var LiveSchema func(ctx context.Context, dsn string) (*schema.Catalog, error)

// sources are the schema catalogs other than struct tags for one module:
// migrations and the live database.
type sources struct {
	root     string
	dirs     []migrations.Dir
	catalogs []*schema.Catalog
}

// catalogs returns the catalogs from migrations and the live database,
// loaded at the first get-or-create site of a package and once per process
// for each module. A load error stops the pass (c.err).
func (c *checker) catalogs() []*schema.Catalog {
	if s := c.sources(); s != nil {
		return s.catalogs
	}
	return nil
}

func (c *checker) sources() *sources {
	if c.src != nil || c.err != nil {
		return c.src
	}
	root, err := c.moduleRoot()
	if err != nil {
		c.err = err
		return nil
	}
	c.src, c.err = loadSources(root, c.opts, c.hints(root))
	return c.src
}

var sourceCache sync.Map // cache key -> *sourceEntry

type sourceEntry struct {
	once sync.Once
	src  *sources
	err  error
}

// loadSources finds and reads the schema sources for a module, once per
// process for each combination of module, options and hints.
func loadSources(root string, o *Options, h migrations.Hints) (*sources, error) {
	key := strings.Join([]string{root, strings.Join(o.Migrations, ","), o.Dialect,
		fmt.Sprint(o.Discover), o.DSN, strings.Join(h.EmbedDirs, ","), h.Dialect.String()}, "\x00")
	v, _ := sourceCache.LoadOrStore(key, &sourceEntry{})
	e := v.(*sourceEntry)
	e.once.Do(func() { e.src, e.err = readSources(root, o, h) })
	return e.src, e.err
}

func readSources(root string, o *Options, h migrations.Hints) (*sources, error) {
	s := &sources{root: root}
	forced, _ := sqlscan.ParseDialect(o.Dialect)
	for _, m := range o.Migrations {
		s.dirs = append(s.dirs, migrations.Dir{Path: m, Dialect: forced, Found: "flag"})
	}
	if o.Discover {
		found, err := migrations.Discover(root, h)
		if err != nil {
			return nil, fmt.Errorf("discovering migrations in %s: %w", root, err)
		}
		for _, d := range found {
			if !hasDir(s.dirs, root, d.Path) {
				if forced != sqlscan.Generic {
					d.Dialect = forced
				}
				s.dirs = append(s.dirs, d)
			}
		}
	}
	if len(s.dirs) > 0 {
		cat, err := migrations.Cached(root, s.dirs)
		if err != nil {
			return nil, fmt.Errorf("-migrations: %w", err)
		}
		if o.Debug {
			for _, w := range cat.Warnings {
				fmt.Fprintf(os.Stderr, "getorcreatelint: %s\n", w)
			}
		}
		s.catalogs = append(s.catalogs, cat)
	}
	if o.DSN != "" {
		if LiveSchema == nil {
			return nil, fmt.Errorf("-dsn: reading a live database needs the getorcreatelint binary (the database drivers are not linked here)")
		}
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		cat, err := LiveSchema(ctx, o.DSN)
		if err != nil {
			return nil, fmt.Errorf("-dsn: %w", err)
		}
		s.catalogs = append(s.catalogs, cat)
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
func (c *checker) hints(root string) migrations.Hints {
	var h migrations.Hints
	for _, f := range c.pass.Files {
		dir := filepath.Dir(c.pass.Fset.Position(f.Pos()).Filename)
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
	h.Dialect = driverDialect(c.pass.Pkg)
	return h
}

// embedPatterns returns the patterns of a file's //go:embed directives.
func embedPatterns(f *ast.File) []string {
	var out []string
	for _, g := range f.Comments {
		for _, c := range g.List {
			rest, ok := strings.CutPrefix(c.Text, "//go:embed ")
			if !ok {
				continue
			}
			for _, p := range strings.Fields(rest) {
				out = append(out, strings.Trim(p, "\"`"))
			}
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

// driverDialect looks for a database driver among the package's imports,
// transitively; Generic when none or several dialects are found.
func driverDialect(pkg *types.Package) sqlscan.Dialect {
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
	walk(pkg)
	if len(found) != 1 {
		return sqlscan.Generic
	}
	for d := range found {
		return d
	}
	return sqlscan.Generic
}

var rootCache sync.Map // package directory -> module root

// moduleRoot returns the directory holding the go.mod of the package under
// analysis, found by walking up from its files.
func (c *checker) moduleRoot() (string, error) {
	if len(c.pass.Files) == 0 {
		return "", fmt.Errorf("package %s has no files", c.pass.Pkg.Path())
	}
	dir := filepath.Dir(c.pass.Fset.Position(c.pass.Files[0].Pos()).Filename)
	if v, ok := rootCache.Load(dir); ok {
		return v.(string), nil
	}
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			rootCache.Store(dir, d)
			return d, nil
		}
		if filepath.Dir(d) == d {
			// Not in a module (GOPATH layout): paths are taken from the
			// package's directory.
			rootCache.Store(dir, dir)
			return dir, nil
		}
	}
}
// dialect is the database the package's schema is written for: the
// -dialect option, else the one dialect the catalogs were read as, else the
// one the driver imports imply, else Generic.
func (c *checker) dialect() sqlscan.Dialect {
	if d, ok := sqlscan.ParseDialect(c.opts.Dialect); ok && d != sqlscan.Generic {
		return d
	}
	found := sqlscan.Generic
	for _, cat := range c.catalogs() {
		for _, d := range cat.Dialects {
			switch {
			case d == sqlscan.Generic || d == found:
			case found == sqlscan.Generic:
				found = d
			default:
				return driverDialect(c.pass.Pkg) // the sources disagree
			}
		}
	}
	if found != sqlscan.Generic {
		return found
	}
	return driverDialect(c.pass.Pkg)
}
