// Command getorcreatelint reports get-or-create code whose lookup no unique
// constraint backs.
//
// Usage:
//
//	getorcreatelint [-C dir] [flags] packages...
//	getorcreatelint [-C dir] schema [flags] [packages...]
//	getorcreatelint [-C dir] fix-migrations [-dry-run] [flags] [packages...]
//	getorcreatelint help [check]
//	getorcreatelint version
//	go vet -vettool=$(which getorcreatelint) [flags] packages...
//
// Options come from flags and from .getorcreatelint.yml at the module
// root (flags win); -dsn also from $GETORCREATELINT_DSN, never from the
// file. Exit codes: 0 no findings (or all fixed by -fix), 3 findings left,
// 1 errors (packages that fail to load or type-check, schema sources that
// cannot be read, fixes that cannot be written), 2 bad flags, arguments or
// configuration.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/getorcreatelint/getorcreatelint/analyzer"
	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/livedb"
)

func main() {
	analyzer.Analyzer = analyzer.New(withFindingHooks(withLiveSchema(analyzer.DefaultOptions())))
	os.Exit(run(os.Args[1:]))
}

// withLiveSchema lets opts read a live database: the binary links the
// database drivers, so -dsn works here.
func withLiveSchema(opts analyzer.Options) analyzer.Options {
	opts.LiveSchema = func(ctx context.Context, dsn string) (*schema.Catalog, error) {
		return livedb.Introspect(ctx, dsn, livedb.Options{})
	}
	return opts
}

// run dispatches on the first argument: the go command's questions and
// go vet's per-package runs, a subcommand, or the linter on packages.
func run(args []string) int {
	args, err := changeDir(args)
	if err != nil {
		return usageError(err)
	}
	if len(args) == 0 {
		fmt.Fprint(os.Stderr, shortUsage)
		return 2
	}
	if len(args) == 1 && args[0] == "-V=full" {
		// The go command's cache key for vet results (see vetid.go).
		if err := printToolID(os.Stdout); err != nil {
			fmt.Fprintf(os.Stderr, "getorcreatelint: %v\n", err)
			return 1
		}
		return 0
	}
	if isVetInvocation(args) {
		return runVet(args)
	}
	switch args[0] {
	case "schema":
		return runSchema(args[1:])
	case "fix-migrations":
		return runFixMigrations(args[1:])
	case "version":
		if len(args) > 1 {
			return usageError(fmt.Errorf("version takes no arguments"))
		}
		printVersion(os.Stdout)
		return 0
	case "help":
		return runHelp(os.Stdout, args[1:])
	}
	if err := checkSubcommand(args[0]); err != nil {
		return usageError(err)
	}
	return runLint(args)
}

func usageError(err error) int {
	fmt.Fprintf(os.Stderr, "getorcreatelint: %v\n", err)
	return 2
}

// changeDir handles a leading -C dir (as the go command does): the tool
// then runs as if started in dir.
func changeDir(args []string) ([]string, error) {
	if len(args) == 0 {
		return args, nil
	}
	var dir string
	switch a := args[0]; {
	case a == "-C" || a == "--C":
		if len(args) < 2 {
			return nil, fmt.Errorf("-C requires a directory")
		}
		dir, args = args[1], args[2:]
	case len(a) > 3 && a[:3] == "-C=":
		dir, args = a[3:], args[1:]
	case len(a) > 4 && a[:4] == "--C=":
		dir, args = a[4:], args[1:]
	default:
		return args, nil
	}
	if err := os.Chdir(dir); err != nil {
		return nil, fmt.Errorf("-C: %v", err)
	}
	return args, nil
}
