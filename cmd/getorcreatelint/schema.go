package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/getorcreatelint/getorcreatelint/analyzer"
	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/migrations"
)

// runSchema implements "getorcreatelint schema": it prints the catalog the
// linter would check lookups against for the given packages, with the
// source of every key (a struct tag, a migration file and line, the live
// database), the migration directories found and their dialect, and the
// statements the SQL reader skipped.
func runSchema(args []string) int {
	// -C may also follow the subcommand: getorcreatelint schema -C dir.
	args, err := changeDir(args)
	if err != nil {
		return usageError(err)
	}
	fs := flag.NewFlagSet("getorcreatelint schema", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print the schema as a JSON snapshot, loadable with -schema-file")
	opts := withLiveSchema(analyzer.DefaultOptions())
	opts.BindFlags(fs)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: getorcreatelint schema [-json] [flags] [packages]\n")
		fs.PrintDefaults()
	}
	if err := loadConfig(".", fs); err != nil {
		return usageError(err)
	}
	if v := os.Getenv(dsnEnv); v != "" {
		if err := fs.Set("dsn", v); err != nil {
			return usageError(fmt.Errorf("$%s: %v", dsnEnv, err))
		}
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	patterns := fs.Args()
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}

	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadSyntax | packages.NeedModule}, patterns...)
	if err != nil {
		fmt.Fprintf(os.Stderr, "getorcreatelint: %v\n", err)
		return 1
	}
	if packages.PrintErrors(pkgs) > 0 {
		return 1
	}
	g, err := checker.Analyze([]*analysis.Analyzer{analyzer.NewExplainer(opts)}, pkgs, nil)
	if err != nil {
		fmt.Fprintf(os.Stderr, "getorcreatelint: %v\n", err)
		return 1
	}

	// cat is what the text shows: every table, whatever declared it.
	// sources and code keep apart what the schema sources and the code
	// declare, for the snapshot -json prints.
	cat, dirs := schema.NewCatalog(), []migrations.Dir(nil)
	sources, code := schema.NewCatalog(), schema.NewCatalog()
	seenDir := map[string]bool{}
	seenWarning := map[string]bool{}
	failed := false
	for act := range g.All() {
		if !act.IsRoot {
			continue
		}
		if act.Err != nil {
			fmt.Fprintf(os.Stderr, "getorcreatelint: %v\n", act.Err)
			failed = true
			continue
		}
		r, _ := act.Result.(*analyzer.Result)
		if r == nil {
			continue
		}
		for _, t := range r.Tags {
			addTable(cat, t, r.Root)
			addTable(code, t, r.Root)
		}
		for _, c := range r.Catalogs {
			for _, name := range c.Names() {
				addTable(cat, c.Tables[name], "")
				sources.Ensure(name).MergeFrom(c.Tables[name])
			}
			for _, d := range c.Dialects {
				sources.AddDialect(d)
			}
			for _, w := range c.Warnings {
				if !seenWarning[w.String()] {
					seenWarning[w.String()] = true
					cat.Warnings = append(cat.Warnings, w)
					sources.Warnings = append(sources.Warnings, w)
				}
			}
		}
		for _, d := range r.Dirs {
			if !seenDir[d.Path] {
				seenDir[d.Path] = true
				dirs = append(dirs, d)
			}
		}
	}
	if failed {
		return 1
	}
	if *asJSON {
		err = migrations.WriteSnapshot(os.Stdout, migrations.NewSnapshot(sources, dirs, code))
	} else {
		err = migrations.WriteText(os.Stdout, cat, dirs)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "getorcreatelint: %v\n", err)
		return 1
	}
	return 0
}

// addTable merges t's keys and columns into cat, showing tag sources
// relative to root.
func addTable(cat *schema.Catalog, t *schema.Table, root string) {
	dst := cat.Ensure(t.Name)
	for _, k := range t.Keys {
		k := *k // keys may be shared with a process-wide cache
		if root != "" && filepath.IsAbs(k.Source.File) {
			if rel, err := filepath.Rel(root, k.Source.File); err == nil && !strings.HasPrefix(rel, "..") {
				k.Source.File = filepath.ToSlash(rel)
			}
		}
		dst.AddKey(&k)
	}
	for name, c := range t.Columns {
		if _, ok := dst.Columns[name]; !ok {
			dst.Columns[name] = c
		}
	}
}
