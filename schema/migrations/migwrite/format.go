package migwrite

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// Format is the migration tool a directory is written for.
type Format uint8

const (
	UnknownFormat Format = iota
	GolangMigrate        // NNNN_name.up.sql + NNNN_name.down.sql
	Goose                // -- +goose Up / -- +goose Down in one file
	Dbmate               // -- migrate:up / -- migrate:down
	SQLMigrate           // -- +migrate Up / -- +migrate Down
	Flyway               // V<version>__name.sql
	Atlas                // plain versioned .sql files listed in atlas.sum
)

func (f Format) String() string {
	switch f {
	case GolangMigrate:
		return "golang-migrate"
	case Goose:
		return "goose"
	case Dbmate:
		return "dbmate"
	case SQLMigrate:
		return "sql-migrate"
	case Flyway:
		return "flyway"
	case Atlas:
		return "atlas"
	}
	return "unknown"
}

// Layout is what a new migration must follow in a directory: the tool's
// format, the version of the last migration and how versions are written.
type Layout struct {
	Dir    string // absolute path
	Format Format
	// AtlasSum: the directory has an atlas.sum that a new file must be
	// added to (atlas writes one for its own format and for the goose,
	// golang-migrate, flyway and dbmate formats it can generate).
	AtlasSum bool
	Last     Version // the highest version present
	Sep      string  // between version and name: "_", "-" or "__" (flyway)
	// FlywayUndo: the directory keeps flyway undo migrations (U<v>__x.sql).
	FlywayUndo bool
}

// ErrUnknownFormat means the directory's tool could not be told from its
// files; nothing is written rather than a guess.
var ErrUnknownFormat = errors.New("migration tool not recognised")

var (
	flywayName  = regexp.MustCompile(`^[Vv](\d+(?:[._]\d+)*)(__)`)
	flywayUndo  = regexp.MustCompile(`^U\d+(?:[._]\d+)*__`)
	numericName = regexp.MustCompile(`^(\d+)([_\-.]?)`)
)

// maxSniff bounds how much of each file detection reads.
const maxSniff = 64 << 10

// Detect tells a migration directory's tool from its files: atlas.sum;
// flyway V<n>__ names; golang-migrate .up.sql/.down.sql pairs; the
// section comments of goose, dbmate and sql-migrate. A directory holding
// none of these (a plain schema directory, Go migrations only) or files
// tagged per dialect (x.postgres.up.sql) is ErrUnknownFormat.
func Detect(dir string) (Layout, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return Layout{}, fmt.Errorf("migwrite: %w", err)
	}
	entries, err := os.ReadDir(abs)
	if err != nil {
		return Layout{}, fmt.Errorf("migwrite: %w", err)
	}
	l := Layout{Dir: abs}
	var names, goNames []string
	for _, e := range entries {
		name := e.Name()
		switch {
		case e.IsDir() || strings.HasPrefix(name, "."):
		case name == "atlas.sum":
			l.AtlasSum = true
		case strings.HasSuffix(strings.ToLower(name), ".sql"):
			names = append(names, name)
		case strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go"):
			goNames = append(goNames, name)
		}
	}
	if len(names) == 0 {
		return l, fmt.Errorf("migwrite: %s: no .sql migrations: %w", dir, ErrUnknownFormat)
	}
	sort.Strings(names)
	for _, n := range names {
		if dialectTagged(n) {
			return l, fmt.Errorf("migwrite: %s: files per dialect (%s) are not supported: %w", dir, n, ErrUnknownFormat)
		}
	}
	l.Format = formatOf(abs, names)
	if l.Format == UnknownFormat && l.AtlasSum {
		l.Format = Atlas
	}
	if l.Format == UnknownFormat {
		return l, fmt.Errorf("migwrite: %s: %w", dir, ErrUnknownFormat)
	}
	l.Sep = "_"
	if l.Format == Flyway {
		l.Sep = "__"
	}
	found := false
	versioned := names
	if l.Format == Goose {
		versioned = append(versioned, goNames...) // goose Go migrations share the numbering
	}
	for _, n := range versioned {
		v, sep, ok := versionOf(n, l.Format)
		if !ok {
			if l.Format == Flyway && flywayUndo.MatchString(n) {
				l.FlywayUndo = true
			}
			continue
		}
		if !found || v.Compare(l.Last) > 0 {
			l.Last, found = v, true
			if sep != "" && l.Format != Flyway {
				l.Sep = sep
			}
		}
	}
	if !found {
		return l, fmt.Errorf("migwrite: %s: no versioned %s migration to number after: %w", dir, l.Format, ErrUnknownFormat)
	}
	return l, nil
}

// formatOf looks at names first, then at section comments.
func formatOf(dir string, names []string) Format {
	for _, n := range names {
		if flywayName.MatchString(n) {
			return Flyway
		}
	}
	var counts [Atlas + 1]int
	for _, n := range names {
		lower := strings.ToLower(n)
		if strings.HasSuffix(lower, ".up.sql") || strings.HasSuffix(lower, ".down.sql") {
			counts[GolangMigrate]++
			continue
		}
		if f := sectionFormat(filepath.Join(dir, n)); f != UnknownFormat {
			counts[f]++
		}
	}
	best := UnknownFormat
	for f := GolangMigrate; f <= Atlas; f++ {
		if counts[f] > counts[best] {
			best = f
		}
	}
	return best
}

// sectionFormat reads the section comments of one file.
func sectionFormat(path string) Format {
	f, err := os.Open(path)
	if err != nil {
		return UnknownFormat
	}
	defer f.Close()
	b, _ := io.ReadAll(io.LimitReader(f, maxSniff))
	for _, line := range strings.Split(string(b), "\n") {
		l := strings.TrimSpace(line)
		if !strings.HasPrefix(l, "--") {
			continue
		}
		fields := strings.Fields(strings.ToLower(strings.TrimPrefix(l, "--")))
		if len(fields) == 0 {
			continue
		}
		switch {
		case fields[0] == "+goose" && len(fields) > 1 && fields[1] == "up":
			return Goose
		case fields[0] == "migrate:up":
			return Dbmate
		case fields[0] == "+migrate" && len(fields) > 1 && fields[1] == "up":
			return SQLMigrate
		}
	}
	return UnknownFormat
}

// dialectTagged reports names like x.postgres.up.sql.
func dialectTagged(name string) bool {
	parts := strings.Split(strings.ToLower(name), ".")
	for _, p := range parts[1 : len(parts)-1] {
		switch p {
		case "postgres", "postgresql", "pg", "mysql", "mariadb", "sqlite", "sqlite3", "cockroach", "cockroachdb":
			return true
		}
	}
	return false
}

// versionOf reads the version a file name starts with, and the separator
// that follows it.
func versionOf(name string, f Format) (Version, string, bool) {
	if f == Flyway {
		m := flywayName.FindStringSubmatch(name)
		if m == nil {
			return Version{}, "", false
		}
		return parseVersion(m[1]), m[2], true
	}
	if strings.HasSuffix(strings.ToLower(name), ".down.sql") {
		return Version{}, "", false
	}
	m := numericName.FindStringSubmatch(name)
	if m == nil {
		return Version{}, "", false
	}
	sep := m[2]
	if sep == "." {
		sep = "" // 20251129031948.sql: no name part
	}
	return Version{Parts: []string{m[1]}}, sep, true
}
