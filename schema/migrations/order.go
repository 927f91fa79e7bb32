package migrations

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/schema/fsread"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// migrationFile is one file of a directory with the version it sorts by.
type migrationFile struct {
	path    string   // full path
	rel     string   // path inside the directory, slash-separated
	version []string // numeric components, without leading zeros; nil if unversioned
	late    bool     // flyway repeatable R__ migration: after all versioned ones
	tag     sqlscan.Dialect
	tagged  bool   // the name carries a dialect tag (x.postgres.up.sql)
	twinKey string // name without the dialect tag, to find twins
}

var (
	flywayVersion = regexp.MustCompile(`^[Vv](\d+(?:[._]\d+)*)__`)
	numericPrefix = regexp.MustCompile(`^(\d+)`)
	semverDir     = regexp.MustCompile(`^[vV]?\d+(?:\.\d+)*$`)
	digitRuns     = regexp.MustCompile(`\d+`)
)

// snapshotNames are full-schema files that, beside version subdirectories,
// already contain every upgrade (memos' LATEST.sql): replaying the upgrades
// on top would apply them twice.
var snapshotNames = map[string]bool{"latest.sql": true}

// orderedFiles lists the .sql files of dir that migrating up applies, and
// its Go files (goose and gormigrate migrations, see goextract.go), in
// order, for dialect d:
//
//   - atlas.sum, when present, gives the order of the files it lists;
//   - otherwise numeric versions order files: golang-migrate, goose, dbmate
//     and sql-migrate prefixes (10_x after 9_x, timestamps of any length),
//     flyway V1__x and V1_2__x (R__x repeatable ones last, U undo ones
//     skipped); goose Go files (00002_x.go) take their place among the
//     .sql ones; unversioned files come first, by name;
//   - version subdirectories (memos' 0.27/01__x.sql) sort by directory
//     version, then file version; a LATEST.sql beside them is used alone;
//   - *.down.sql files are skipped;
//   - of per-dialect twins (x.postgres.up.sql, x.mysql.up.sql,
//     x.sqlite3.up.sql, x.up.sql) only the one for d is kept, else the
//     untagged one.
func orderedFiles(dir string, d sqlscan.Dialect) ([]migrationFile, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var files []migrationFile
	var subdirs []string
	hasSnapshot := ""
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() {
			if semverDir.MatchString(name) {
				subdirs = append(subdirs, name)
			}
			continue
		}
		if snapshotNames[strings.ToLower(name)] {
			hasSnapshot = name
		}
		if f, ok := newMigrationFile(dir, name, nil); ok {
			files = append(files, f)
		}
	}
	if hasSnapshot != "" && len(subdirs) > 0 {
		f, _ := newMigrationFile(dir, hasSnapshot, nil)
		return []migrationFile{f}, nil
	}
	for _, sd := range subdirs {
		sub, err := os.ReadDir(filepath.Join(dir, sd))
		if err != nil {
			return nil, err
		}
		dirVersion := digitRuns.FindAllString(sd, -1)
		for _, e := range sub {
			if e.Type().IsRegular() || e.Type()&fs.ModeSymlink != 0 {
				if f, ok := newMigrationFile(dir, sd+"/"+e.Name(), dirVersion); ok {
					files = append(files, f)
				}
			}
		}
	}
	files = selectTwins(files, d)
	if order := atlasOrder(dir); order != nil {
		sort.SliceStable(files, func(i, j int) bool {
			oi, iok := order[files[i].rel]
			oj, jok := order[files[j].rel]
			if iok != jok {
				return iok
			}
			if iok {
				return oi < oj
			}
			return lessFile(files[i], files[j])
		})
		return files, nil
	}
	sort.SliceStable(files, func(i, j int) bool { return lessFile(files[i], files[j]) })
	return files, nil
}

// newMigrationFile classifies a file name; ok is false for files migrating
// up never runs.
func newMigrationFile(dir, rel string, dirVersion []string) (migrationFile, bool) {
	base := rel[strings.LastIndexByte(rel, '/')+1:]
	lower := strings.ToLower(base)
	goFile := dirVersion == nil && isGoSource(base) // Go migrations: only beside the .sql files
	if (!strings.HasSuffix(lower, ".sql") && !goFile) || strings.HasSuffix(lower, ".down.sql") || strings.HasPrefix(base, ".") {
		return migrationFile{}, false
	}
	f := migrationFile{path: filepath.Join(dir, filepath.FromSlash(rel)), rel: rel}
	switch {
	case strings.HasPrefix(base, "U") && flywayVersion.MatchString("V"+base[1:]):
		return migrationFile{}, false // flyway undo
	case strings.HasPrefix(base, "R__"):
		f.late = true
	case flywayVersion.MatchString(base):
		f.version = digitRuns.FindAllString(flywayVersion.FindStringSubmatch(base)[1], -1)
	case numericPrefix.MatchString(base):
		f.version = []string{numericPrefix.FindString(base)}
	}
	if dirVersion != nil {
		f.version = append(append([]string(nil), dirVersion...), f.version...)
	}
	for i, v := range f.version {
		f.version[i] = strings.TrimLeft(v, "0")
	}
	parts := strings.Split(lower, ".")
	if goFile {
		parts = nil // Go files are never per-dialect twins
	}
	for i := 1; i < len(parts)-1; i++ {
		if d, ok := twinDialect(parts[i]); ok {
			f.tag, f.tagged = d, true
			f.twinKey = strings.Join(append(append([]string(nil), parts[:i]...), parts[i+1:]...), ".")
			break
		}
	}
	if !f.tagged {
		f.twinKey = lower
	}
	if dirVersion != nil {
		f.twinKey = rel[:strings.LastIndexByte(rel, '/')+1] + f.twinKey
	}
	return f, true
}

// twinDialect maps the dialect tag of a twin file name. Tags of other
// servers (cockroach, clickhouse, mssql ...) map to ok with Generic, so the
// file is never chosen for a known dialect.
func twinDialect(tag string) (sqlscan.Dialect, bool) {
	switch tag {
	case "postgres", "postgresql", "pg":
		return sqlscan.Postgres, true
	case "mysql", "mariadb":
		return sqlscan.MySQL, true
	case "sqlite", "sqlite3":
		return sqlscan.SQLite, true
	case "cockroach", "cockroachdb", "crdb", "tidb", "mssql", "sqlserver", "clickhouse", "oracle", "libsql":
		return sqlscan.Generic, true
	}
	return sqlscan.Generic, false
}

// selectTwins keeps, for each migration, the file tagged with dialect d, or
// else the untagged one. With d Generic tagged files are skipped: callers
// choose a dialect first for a directory of twins (see twinDialects).
func selectTwins(files []migrationFile, d sqlscan.Dialect) []migrationFile {
	best := map[string]int{}
	for i, f := range files {
		if !f.tagged {
			if _, ok := best[f.twinKey]; !ok {
				best[f.twinKey] = i
			}
			continue
		}
		if d != sqlscan.Generic && f.tag == d {
			best[f.twinKey] = i
		}
	}
	var out []migrationFile
	for i, f := range files {
		if j, ok := best[f.twinKey]; ok && j == i {
			out = append(out, f)
		}
	}
	return out
}

// twinDialects returns the known dialects the files of dir are tagged with.
func (l *lister) twinDialects(dir string) []sqlscan.Dialect {
	entries, err := l.readDir(dir)
	if err != nil {
		return nil
	}
	seen := map[sqlscan.Dialect]bool{}
	var out []sqlscan.Dialect
	for _, e := range entries {
		f, ok := newMigrationFile(dir, e.Name(), nil)
		if ok && f.tagged && f.tag != sqlscan.Generic && !seen[f.tag] {
			seen[f.tag] = true
			out = append(out, f.tag)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// lessFile orders unversioned files first (by name), then by version, then
// repeatable ones.
func lessFile(a, b migrationFile) bool {
	if a.late != b.late {
		return b.late
	}
	if (a.version == nil) != (b.version == nil) {
		return a.version == nil
	}
	if c := compareVersions(a.version, b.version); c != 0 {
		return c < 0
	}
	return a.rel < b.rel
}

// compareVersions compares numeric components of any length.
func compareVersions(a, b []string) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		x, y := a[i], b[i]
		if len(x) != len(y) {
			if len(x) < len(y) {
				return -1
			}
			return 1
		}
		if x != y {
			if x < y {
				return -1
			}
			return 1
		}
	}
	return len(a) - len(b)
}

// atlasOrder reads an atlas.sum: after the directory hash, one
// "file h1:hash" line per migration, in order. It returns nil without one.
func atlasOrder(dir string) map[string]int {
	b, err := fsread.ReadFile(filepath.Join(dir, "atlas.sum"), fsread.MaxConfigFile)
	if err != nil {
		return nil
	}
	order := map[string]int{}
	for _, line := range strings.Split(string(b), "\n") {
		fields := strings.Fields(line)
		if len(fields) == 2 && strings.HasPrefix(fields[1], "h1:") {
			order[fields[0]] = len(order)
		}
	}
	return order
}
