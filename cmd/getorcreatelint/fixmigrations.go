package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/getorcreatelint/getorcreatelint/analyzer"
	"github.com/getorcreatelint/getorcreatelint/schema/migrations/migwrite"
)

const fixMigrationsUsage = `usage: getorcreatelint [-C dir] fix-migrations [-dry-run] [flags] [packages]

Writes, for each lookup no unique key backs whose table a migration directory
describes, the migration that adds the unique index its message proposes, in
the directory's own tool format and numbering (golang-migrate, goose, dbmate,
sql-migrate, flyway, atlas with atlas.sum): one migration per table (per index
where a CONCURRENTLY build needs its own file), with a down migration that drops
exactly that index. -dry-run prints the files and writes nothing. Existing files
are never overwritten (atlas.sum is rewritten only while it matches the directory).

Exit codes: 0 every finding got a migration (or would, with -dry-run), 3 findings
are left that no migration fixes, 1 errors (packages or schema sources could not
be read, a migration could not be planned or written), 2 bad flags or arguments.
`

// runFixMigrations implements "getorcreatelint fix-migrations": it runs the
// analysis on the packages (./... when none are given) and plans, or
// writes, the migrations that back the findings.
func runFixMigrations(args []string) int {
	args, err := changeDir(args)
	if err != nil {
		return usageError(err)
	}
	if err := loadConfig(".", &analyzer.Analyzer.Flags); err != nil {
		return usageError(err)
	}
	if v := os.Getenv(dsnEnv); v != "" {
		if err := analyzer.Analyzer.Flags.Set("dsn", v); err != nil {
			return usageError(fmt.Errorf("$%s: %v", dsnEnv, err))
		}
	}
	fs := flag.NewFlagSet("getorcreatelint fix-migrations", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	analyzer.Analyzer.Flags.VisitAll(func(f *flag.Flag) { fs.Var(f.Value, f.Name, f.Usage) })
	dryRun := fs.Bool("dry-run", false, "print the migrations instead of writing them")
	tests := fs.Bool("test", true, "also analyse the packages' test files")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(os.Stdout, fixMigrationsUsage)
			fs.SetOutput(os.Stdout)
			fs.PrintDefaults()
			return 0
		}
		return usageError(err)
	}
	patterns := fs.Args()
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}

	var mu sync.Mutex
	var found []analyzer.Finding
	findingSink = func(f analyzer.Finding) {
		mu.Lock()
		defer mu.Unlock()
		found = append(found, f)
	}
	defer func() { findingSink = nil }()
	r, err := analyze(patterns, *tests)
	if err != nil {
		fmt.Fprintf(os.Stderr, "getorcreatelint: %v\n", err)
		return 1
	}
	if r.failed {
		fmt.Fprintln(os.Stderr, "getorcreatelint: fix-migrations: the analysis failed; no migration written")
		return 1
	}
	return writeMigrations(planMigrations(found, time.Now), r, *dryRun, os.Stdout, os.Stderr)
}

// writeMigrations applies the plan (or prints it, dryRun) and reports
// what is left. out gets the dry run's files, log everything else.
func writeMigrations(plan migrationPlan, r *outcome, dryRun bool, out, log io.Writer) int {
	failed := false
	fixed := map[string]bool{} // positions of findings a migration backs
	files := 0
	for _, d := range plan.dirs {
		where := relPath(d.path)
		switch {
		case d.err != nil:
			fmt.Fprintf(log, "getorcreatelint: %s: no migration written for %s: %v\n", where, d.describe(), d.err)
			failed = failed || !d.refused
			continue
		case dryRun:
			for _, f := range d.files {
				verb := "new file"
				if f.Replace {
					verb = "rewritten"
				}
				fmt.Fprintf(out, "==> %s (%s)\n%s", relPath(f.Path), verb, f.Content)
			}
		default:
			if err := migwrite.Apply(d.files); err != nil {
				fmt.Fprintf(log, "getorcreatelint: %s: no migration written for %s: %v\n", where, d.describe(), err)
				failed = true
				continue
			}
			for _, f := range d.files {
				fmt.Fprintf(log, "getorcreatelint: wrote %s\n", relPath(f.Path))
			}
		}
		files += len(d.files)
		for _, f := range d.fixes {
			fixed[f.Pos.String()] = true
		}
	}
	var left []finding
	for _, f := range r.findings {
		if !fixed[f.Start.String()] {
			left = append(left, f)
		}
	}
	for _, l := range plan.left {
		fmt.Fprintf(log, "%s: no migration: %s\n", l.f.Pos, l.reason)
	}
	if len(left) > 0 {
		fmt.Fprintln(log, "getorcreatelint: findings no migration fixes:")
		if err := writeText(log, r, left, -1); err != nil {
			return 1
		}
	}
	verb := "wrote"
	if dryRun {
		verb = "would write"
	}
	fmt.Fprintf(log, "getorcreatelint: %s %d files for %d of %d findings; %d left", verb, files, len(r.findings)-len(left), len(r.findings), len(left))
	if dryRun {
		fmt.Fprint(log, " (-dry-run: nothing was written)")
	}
	fmt.Fprintln(log)
	switch {
	case failed:
		return 1
	case len(left) > 0:
		return 3
	}
	return 0
}

// relPath shows a path relative to the working directory when it is
// below it.
func relPath(p string) string {
	wd, err := os.Getwd()
	if err != nil {
		return p
	}
	if rel, err := filepath.Rel(wd, p); err == nil && filepath.IsLocal(rel) {
		return rel
	}
	return p
}
