package migrations

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/schema/fsread"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// Hints is what the caller knows that helps discovery.
type Hints struct {
	// EmbedDirs are directories (or .sql files) named by //go:embed
	// directives in the analysed code, relative to the module root or
	// absolute; EmbedPatterns reads a directive's patterns. A path element
	// still carrying a pattern's all: prefix is taken without it.
	EmbedDirs []string
	// Dialect is the database the code talks to, from its driver imports;
	// Generic when unknown.
	Dialect sqlscan.Dialect
}

// Bounds of the conventional search, so that discovery stays cheap on a
// large module.
const (
	maxSearchDepth = 5    // directory levels below the module root
	maxSearchDirs  = 5000 // directories listed at most
)

// conventionalDirs are directory names that usually hold migrations or a
// schema; they count only when they hold .sql files.
var conventionalDirs = map[string]bool{
	"migrations": true, "migration": true, "migrate": true, "sql": true,
	"schema": true, "schemas": true,
}

// goMigrationDirs are directory names that count as Go migrations when
// they hold Go files (goose, gormigrate, hand-rolled lists of DDL).
var goMigrationDirs = map[string]bool{"migrations": true, "migration": true, "migrate": true}

// goMigrationFiles are Go file names that make their directory count as Go
// migrations whatever its name (miniflux's internal/database/migrations.go,
// a list of DDL functions).
var goMigrationFiles = map[string]bool{"migrations.go": true, "migration.go": true}

// foundGo is the Found of a directory discovered for its Go files.
const foundGo = "go migrations"

// conventionalFiles are single-file schemas found near the module root.
var conventionalFiles = map[string]bool{"schema.sql": true, "structure.sql": true}

// skippedDirs are never searched.
var skippedDirs = map[string]bool{"vendor": true, "testdata": true, "node_modules": true}

// Discover finds the migration directories and schema files of the module
// at moduleRoot, in this order (a path found twice keeps its first origin):
// the //go:embed directories in h, the schema entries of sqlc.yaml,
// sqlc.yml or sqlc.json, the migration directories and .sql sources of
// atlas.hcl, and conventional places (migrations/, db/migrations/,
// db/migrate/, sql/, schema/, schema.sql, db/schema.sql, db/structure.sql,
// and nested ones such as internal/db/migrations or
// store/migration/postgres), then directories named migrations, migration
// or migrate that hold Go files but no .sql files, and directories below the
// root holding a migrations.go or migration.go file (Found "go migrations":
// goose Go migrations, gormigrate lists, hand-rolled lists of DDL). The
// search goes at most 5 levels deep, lists at most 5000 directories, and
// skips vendor, testdata, node_modules and hidden directories.
//
// Each Dir gets a dialect from, in order: the words of its path; the tool
// configuration (sqlc engine, atlas URL scheme); h.Dialect; the content of
// its .sql files and the DDL strings of its Go files; else Generic. A
// directory whose subdirectories (or file names) are per-dialect variants
// yields the variant for the dialect known from the configuration or h, or
// else one Dir per variant, each with its dialect. Discover reads the tool
// configuration files and, to sniff the dialect, only .sql and Go files
// inside the directories it returns.
func Discover(moduleRoot string, h Hints) ([]Dir, error) {
	info, err := os.Stat(moduleRoot)
	if err != nil {
		return nil, fmt.Errorf("migrations: %w", err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("migrations: module root %s is not a directory", moduleRoot)
	}
	ds := discovery{root: moduleRoot, hint: h.Dialect, seen: map[string]bool{}, list: newLister()}
	for _, e := range h.EmbedDirs {
		ds.add(embedPath(absPath(moduleRoot, e)), sqlscan.Generic, "go:embed")
	}
	configs := ds.walk()
	for _, cfg := range configs {
		switch base := filepath.Base(cfg); base {
		case "sqlc.yaml", "sqlc.yml", "sqlc.json":
			for _, s := range sqlcSchemas(cfg) {
				ds.add(s.path, s.dialect, base)
			}
		}
	}
	for _, cfg := range configs {
		if filepath.Base(cfg) == "atlas.hcl" {
			for _, s := range atlasSources(cfg) {
				ds.add(s.path, s.dialect, "atlas.hcl")
			}
		}
	}
	for _, c := range ds.conventional {
		ds.add(c, sqlscan.Generic, "conventional")
	}
	for _, g := range ds.goDirs {
		ds.add(g, sqlscan.Generic, foundGo)
	}
	return ds.out, nil
}

type discovery struct {
	root         string
	hint         sqlscan.Dialect
	seen         map[string]bool
	out          []Dir
	conventional []string
	goDirs       []string // directories of Go migrations without .sql files
	list         *lister  // each directory listed once
}

// add records a directory or file with the dialect its configuration gave
// (Generic if none), splitting per-dialect variants.
func (ds *discovery) add(path string, configDialect sqlscan.Dialect, found string) {
	path = filepath.Clean(path)
	info, err := os.Stat(path)
	if err != nil || ds.seen[path] {
		return
	}
	if !info.IsDir() {
		if !strings.HasSuffix(strings.ToLower(path), ".sql") {
			return
		}
		ds.seen[path] = true
		ds.out = append(ds.out, Dir{Path: relPath(ds.root, path), Dialect: ds.dialect(path, configDialect, false), Found: found})
		return
	}
	known := configDialect
	if d, ok := pathDialect(relPath(ds.root, path)); ok {
		known = d
	}
	if known == sqlscan.Generic {
		known = ds.hint
	}
	if variants := ds.list.dialectSubdirs(path); len(variants) > 0 && !ds.list.hasSQLFiles(path) {
		ds.seen[path] = true
		var present []sqlscan.Dialect
		for _, v := range variants {
			present = append(present, v.dialect)
		}
		for _, d := range pickDialects(present, known) {
			for _, v := range variants {
				if v.dialect == d {
					ds.addDir(v.path, v.dialect, found)
				}
			}
		}
		return
	}
	if twins := ds.list.twinDialects(path); len(twins) > 0 {
		ds.seen[path] = true
		for _, d := range pickDialects(twins, known) {
			ds.out = append(ds.out, Dir{Path: relPath(ds.root, path), Dialect: d, Found: found})
		}
		return
	}
	if !ds.list.holdsMigrations(path) && (found != foundGo || !ds.list.hasGoFiles(path)) {
		return
	}
	ds.addDir(path, ds.dialect(path, configDialect, true), found)
}

// pickDialects keeps the known dialect among the variants present, or all
// of them when it is unknown or absent (the hint may be wrong).
func pickDialects(present []sqlscan.Dialect, known sqlscan.Dialect) []sqlscan.Dialect {
	for _, d := range present {
		if d == known {
			return []sqlscan.Dialect{d}
		}
	}
	return present
}

func (ds *discovery) addDir(path string, d sqlscan.Dialect, found string) {
	if ds.seen[path] {
		return
	}
	ds.seen[path] = true
	ds.out = append(ds.out, Dir{Path: relPath(ds.root, path), Dialect: d, Found: found})
}

// dialect applies the detection order to a directory or file.
func (ds *discovery) dialect(path string, configDialect sqlscan.Dialect, isDir bool) sqlscan.Dialect {
	if d, ok := pathDialect(relPath(ds.root, path)); ok {
		return d
	}
	if configDialect != sqlscan.Generic {
		return configDialect
	}
	if ds.hint != sqlscan.Generic {
		return ds.hint
	}
	if isDir {
		return sniffDir(path)
	}
	var s sniffScore
	s.addFiles([]string{path})
	d, _ := s.best()
	return d
}

type variant struct {
	path    string
	dialect sqlscan.Dialect
}

// dialectSubdirs returns the subdirectories named after a dialect
// (postgres/, mysql/, sqlite3/ ...) that hold migrations, one per dialect:
// the first by name.
func (l *lister) dialectSubdirs(dir string) []variant {
	entries, err := l.readDir(dir)
	if err != nil {
		return nil
	}
	var out []variant
	taken := map[sqlscan.Dialect]bool{}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		d, ok := twinDialect(strings.ToLower(e.Name()))
		if !ok || d == sqlscan.Generic || taken[d] {
			continue
		}
		sub := filepath.Join(dir, e.Name())
		if l.holdsMigrations(sub) || len(l.twinDialects(sub)) > 0 {
			taken[d] = true
			out = append(out, variant{sub, d})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].dialect < out[j].dialect })
	return out
}

// hasSQLFiles reports whether dir directly holds a .sql file.
func (l *lister) hasSQLFiles(dir string) bool {
	entries, err := l.readDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(strings.ToLower(e.Name()), ".sql") {
			return true
		}
	}
	return false
}

// holdsMigrations reports whether dir has .sql files directly or in
// version subdirectories (0.27/01__x.sql).
func (l *lister) holdsMigrations(dir string) bool {
	if l.hasSQLFiles(dir) {
		return true
	}
	entries, err := l.readDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if e.IsDir() && semverDir.MatchString(e.Name()) && l.hasSQLFiles(filepath.Join(dir, e.Name())) {
			return true
		}
	}
	return false
}

// walk searches the module breadth-first within the bounds, collecting
// conventional places and returning the tool configuration files found.
func (ds *discovery) walk() (configs []string) {
	type level struct {
		path  string
		depth int
	}
	queue := []level{{ds.root, 0}}
	listed := 0
	for len(queue) > 0 && listed < maxSearchDirs {
		cur := queue[0]
		queue = queue[1:]
		entries, err := ds.list.readDir(cur.path)
		listed++
		if err != nil {
			continue
		}
		for _, e := range entries {
			name := e.Name()
			full := filepath.Join(cur.path, name)
			if !e.IsDir() {
				switch lname := strings.ToLower(name); {
				case name == "sqlc.yaml" || name == "sqlc.yml" || name == "sqlc.json" || name == "atlas.hcl":
					configs = append(configs, full)
				case conventionalFiles[lname] && cur.depth <= 2 && !conventionalDirs[strings.ToLower(filepath.Base(cur.path))]:
					ds.conventional = append(ds.conventional, full)
				case goMigrationFiles[lname] && cur.depth > 0 && !goMigrationDirs[strings.ToLower(filepath.Base(cur.path))]:
					ds.goDirs = append(ds.goDirs, cur.path)
				}
				continue
			}
			if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || skippedDirs[name] {
				continue
			}
			if conventionalDirs[strings.ToLower(name)] && (ds.list.holdsMigrations(full) || len(ds.list.dialectSubdirs(full)) > 0) {
				ds.conventional = append(ds.conventional, full)
				continue // its contents belong to it
			}
			if goMigrationDirs[strings.ToLower(name)] && ds.list.hasGoFiles(full) {
				// Searched further: a migrate/ package often holds the
				// runner, with the .sql files in a subdirectory.
				ds.goDirs = append(ds.goDirs, full)
			}
			if cur.depth+1 < maxSearchDepth {
				queue = append(queue, level{full, cur.depth + 1})
			}
		}
	}
	return configs
}

type configSource struct {
	path    string
	dialect sqlscan.Dialect
}

// engineDialect maps an sqlc engine or an atlas URL scheme.
func engineDialect(s string) sqlscan.Dialect {
	s = strings.ToLower(strings.Trim(strings.TrimSpace(s), `"'`))
	switch {
	case strings.HasPrefix(s, "postgres"), s == "pg", s == "pgx":
		return sqlscan.Postgres
	case strings.HasPrefix(s, "mysql"), strings.HasPrefix(s, "maria"):
		return sqlscan.MySQL
	case strings.HasPrefix(s, "sqlite"), s == "libsql":
		return sqlscan.SQLite
	}
	return sqlscan.Generic
}

// sqlcSchemas reads the schema entries of an sqlc configuration (version 1
// packages or version 2 sql blocks) with their engines. YAML is read line
// by line: enough for these flat lists, without a YAML dependency.
func sqlcSchemas(cfg string) []configSource {
	b, err := fsread.ReadFile(cfg, fsread.MaxConfigFile)
	if err != nil {
		return nil
	}
	base := filepath.Dir(cfg)
	var entries []sqlcEntry
	if strings.HasSuffix(cfg, ".json") {
		entries = sqlcJSON(b)
	} else {
		entries = sqlcYAML(string(b))
	}
	var out []configSource
	for _, e := range entries {
		for _, s := range e.schema {
			out = append(out, configSource{absPath(base, s), engineDialect(e.engine)})
		}
	}
	return out
}

type sqlcEntry struct {
	engine string
	schema []string
}

func sqlcJSON(b []byte) []sqlcEntry {
	var cfg struct {
		SQL      []map[string]json.RawMessage `json:"sql"`
		Packages []map[string]json.RawMessage `json:"packages"`
	}
	if json.Unmarshal(b, &cfg) != nil {
		return nil
	}
	var out []sqlcEntry
	for _, m := range append(cfg.SQL, cfg.Packages...) {
		var e sqlcEntry
		_ = json.Unmarshal(m["engine"], &e.engine)
		var one string
		if json.Unmarshal(m["schema"], &one) == nil && one != "" {
			e.schema = []string{one}
		} else {
			_ = json.Unmarshal(m["schema"], &e.schema)
		}
		out = append(out, e)
	}
	return out
}

var (
	yamlItem = regexp.MustCompile(`^(\s*)-\s+([A-Za-z_]+):\s*(.*)$`)
	yamlKey  = regexp.MustCompile(`^(\s*)([A-Za-z_]+):\s*(.*)$`)
	yamlList = regexp.MustCompile(`^(\s*)-\s+(.+)$`)
)

func sqlcYAML(src string) []sqlcEntry {
	var out []sqlcEntry
	itemIndent := -1
	listKeyIndent := -1 // indent of "schema:" whose value is a block list
	for _, line := range strings.Split(src, "\n") {
		line = stripYAMLComment(line)
		if strings.TrimSpace(line) == "" {
			continue
		}
		if m := yamlItem.FindStringSubmatch(line); m != nil && (itemIndent < 0 || len(m[1]) == itemIndent) {
			itemIndent = len(m[1])
			out = append(out, sqlcEntry{})
			listKeyIndent = -1
			sqlcYAMLKey(&out[len(out)-1], m[2], m[3], &listKeyIndent, len(m[1])+2)
			continue
		}
		if len(out) == 0 {
			continue
		}
		cur := &out[len(out)-1]
		if m := yamlList.FindStringSubmatch(line); m != nil && listKeyIndent >= 0 && len(m[1]) >= listKeyIndent {
			cur.schema = append(cur.schema, yamlScalar(m[2]))
			continue
		}
		listKeyIndent = -1
		if m := yamlKey.FindStringSubmatch(line); m != nil && len(m[1]) == itemIndent+2 {
			sqlcYAMLKey(cur, m[2], m[3], &listKeyIndent, len(m[1]))
		}
	}
	return out
}

func sqlcYAMLKey(e *sqlcEntry, key, value string, listKeyIndent *int, indent int) {
	switch key {
	case "engine":
		e.engine = yamlScalar(value)
	case "schema":
		switch v := strings.TrimSpace(value); {
		case v == "":
			*listKeyIndent = indent
		case strings.HasPrefix(v, "["):
			for _, s := range strings.Split(strings.Trim(v, "[]"), ",") {
				if s = yamlScalar(s); s != "" {
					e.schema = append(e.schema, s)
				}
			}
		default:
			e.schema = append(e.schema, yamlScalar(v))
		}
	}
}

func yamlScalar(s string) string { return strings.Trim(strings.TrimSpace(s), `"'`) }

func stripYAMLComment(line string) string {
	if i := strings.Index(line, " #"); i >= 0 {
		return line[:i]
	}
	if strings.HasPrefix(strings.TrimSpace(line), "#") {
		return ""
	}
	return line
}

var (
	atlasDir    = regexp.MustCompile(`\bdir\s*=\s*"file://([^"?]+)`)
	atlasSrc    = regexp.MustCompile(`\bsrc\s*=\s*"file://([^"?]+\.sql)"`)
	atlasScheme = regexp.MustCompile(`\b(?:url|dev)\s*=\s*"([A-Za-z0-9+]+)://([^"]*)"`)
)

// atlasSources reads the migration directories (migration { dir = ... })
// and .sql schema sources of an atlas.hcl, with the dialect of its first
// url or dev database URL (docker://postgres/15 counts as postgres).
func atlasSources(cfg string) []configSource {
	b, err := fsread.ReadFile(cfg, fsread.MaxConfigFile)
	if err != nil {
		return nil
	}
	src := string(b)
	d := sqlscan.Generic
	for _, m := range atlasScheme.FindAllStringSubmatch(src, -1) {
		scheme := m[1]
		if scheme == "docker" {
			scheme = strings.SplitN(m[2], "/", 2)[0]
		}
		if d = engineDialect(scheme); d != sqlscan.Generic {
			break
		}
	}
	base := filepath.Dir(cfg)
	var out []configSource
	for _, re := range []*regexp.Regexp{atlasDir, atlasSrc} {
		for _, m := range re.FindAllStringSubmatch(src, -1) {
			out = append(out, configSource{absPath(base, m[1]), d})
		}
	}
	return out
}
