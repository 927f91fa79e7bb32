package main

import (
	"cmp"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/getorcreatelint/getorcreatelint/analyzer"
	"github.com/getorcreatelint/getorcreatelint/schema/migrations/migwrite"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// migrationPlan is what fix-migrations would write: per migration
// directory, the files that add the unique indexes its tables need, and
// the findings no migration is written for, with the reason.
type migrationPlan struct {
	dirs []dirPlan
	left []leftFinding
}

// dirPlan is the new migration files of one directory.
type dirPlan struct {
	path  string // absolute
	files []migwrite.File
	fixes []analyzer.Finding // the findings the files back
	err   error              // why nothing is written there
	// refused: the directory is not one migwrite writes to (a schema
	// file, a tool it does not recognise); its findings are left, which
	// is not an error.
	refused bool
}

type leftFinding struct {
	f      analyzer.Finding
	reason string
}

// planMigrations groups the findings by the migration directory that
// describes their table and plans each directory's migration: migwrite
// puts the indexes of one table into one migration (one per index where
// a CONCURRENTLY build needs its own file). The same index wanted by
// several lookups is written once. Findings whose table no directory
// describes, or whose index would not fix them, are left.
func planMigrations(findings []analyzer.Finding, now func() time.Time) migrationPlan {
	findings = slices.Clone(findings)
	slices.SortFunc(findings, func(a, b analyzer.Finding) int {
		return cmp.Or(cmp.Compare(a.Pos.Filename, b.Pos.Filename), cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Column, b.Pos.Column))
	})
	// A package and its test variant report the same lookup twice.
	findings = slices.CompactFunc(findings, func(a, b analyzer.Finding) bool {
		return a.Pos == b.Pos && a.Index().CreateSQL() == b.Index().CreateSQL()
	})
	var plan migrationPlan
	byDir := map[string]int{}
	type group struct {
		root    string
		dir     analyzer.Finding
		indexes []migwrite.Index
		seen    map[string]bool
	}
	var groups []*group
	for _, f := range findings {
		if reason := unwritable(f); reason != "" {
			plan.left = append(plan.left, leftFinding{f, reason})
			continue
		}
		path := f.Dir.Path
		if !filepath.IsAbs(path) {
			path = filepath.Join(f.Root, path)
		}
		i, ok := byDir[path]
		if !ok {
			i = len(groups)
			byDir[path] = i
			groups = append(groups, &group{root: f.Root, dir: f, seen: map[string]bool{}})
			plan.dirs = append(plan.dirs, dirPlan{path: path})
		}
		g := groups[i]
		plan.dirs[i].fixes = append(plan.dirs[i].fixes, f)
		x := f.Index()
		if key := x.Table + "\x00" + x.CreateSQL(); !g.seen[key] {
			g.seen[key] = true
			g.indexes = append(g.indexes, x)
		}
	}
	for i, g := range groups {
		d := &plan.dirs[i]
		d.files, d.err = migwrite.Plan(g.root, *g.dir.Dir, g.indexes, migwrite.Options{Now: now})
		if info, err := os.Stat(d.path); err == nil && !info.IsDir() {
			d.refused = true // a schema file: there is no next migration to add
		}
		d.refused = d.refused || errors.Is(d.err, migwrite.ErrUnknownFormat)
	}
	return plan
}

// unwritable says why a finding gets no migration, or "" when it does.
func unwritable(f analyzer.Finding) string {
	d := f.Dialect
	if d == sqlscan.Generic && f.Dir != nil {
		d = f.Dir.Dialect
	}
	switch {
	case f.Dir == nil:
		return "no migration directory describes table " + f.Table
	case len(f.Key) == 0:
		return "the lookup has no conditions to index"
	case d == sqlscan.Generic:
		return "the SQL dialect of " + f.Dir.Path + " is unknown; set -dialect"
	case f.SoftDelete != "" && d == sqlscan.MySQL:
		// A unique index on the lookup's columns would also hold the
		// soft-deleted rows: re-creating a deleted row would then fail.
		return "MySQL has no partial indexes for the soft-deleted model on " + f.Table + "; add the key by hand"
	}
	if d != sqlscan.Postgres {
		for _, t := range f.Key {
			if t.MayBeNull || t.IsNull {
				return fmt.Sprintf("the lookup can compare %s with NULL, and NULLs never conflict outside PostgreSQL: make the column NOT NULL first", t)
			}
		}
	}
	return ""
}

// describe says in one line what a directory's plan adds.
func (d dirPlan) describe() string {
	var idx []string
	seen := map[string]bool{}
	for _, f := range d.fixes {
		x := f.Index()
		s := fmt.Sprintf("%s(%s)", x.Table, strings.Join(x.Columns(), ", "))
		if !seen[s] {
			seen[s] = true
			idx = append(idx, s)
		}
	}
	return strings.Join(idx, ", ")
}
