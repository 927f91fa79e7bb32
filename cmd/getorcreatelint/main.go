// Command getorcreatelint reports get-or-create code whose lookup no unique
// constraint backs.
//
// Usage:
//
//	getorcreatelint [-C dir] [flags] packages...
//	getorcreatelint [-C dir] schema [-json] [flags] [packages...]
//	go vet -vettool=$(which getorcreatelint) [flags] packages...
//
// Options come from flags and from .getorcreatelint.yml at the module
// root (flags win). Exit codes: 0 no findings, 3 findings, 1 errors
// (packages that fail to load or type-check, schema sources that cannot be
// read), 2 bad flags or configuration. With -json the exit code is 0
// unless an error occurred.
package main

import (
	"context"
	"fmt"
	"os"

	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/getorcreatelint/getorcreatelint/analyzer"
	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/livedb"
)

func main() {
	// The binary links the database drivers, so -dsn works here.
	analyzer.LiveSchema = func(ctx context.Context, dsn string) (*schema.Catalog, error) {
		return livedb.Introspect(ctx, dsn, livedb.Options{})
	}
	os.Exit(run(os.Args[1:]))
}

func run(args []string) int {
	args, err := changeDir(args)
	if err != nil {
		return usageError(err)
	}
	if len(args) > 0 && args[0] == "schema" {
		return runSchema(args[1:])
	}
	if len(args) == 1 && args[0] == "-V=full" {
		// The go command's cache key for vet results (see vetid.go).
		if err := printToolID(os.Stdout); err != nil {
			fmt.Fprintf(os.Stderr, "getorcreatelint: %v\n", err)
			return 1
		}
		return 0
	}
	// go vet first asks which flags the tool takes (-flags) and hides the
	// tool's standard error if that fails, so a bad configuration file is
	// left to the runs on packages, whose errors go vet shows.
	if len(args) != 1 || args[0] != "-flags" {
		if err := loadConfig(".", &analyzer.Analyzer.Flags); err != nil {
			return usageError(err)
		}
	}
	// -format json, github and sarif are written by format.go; text (the
	// default) is singlechecker's.
	args, code, done := dispatchFormat(args)
	if done {
		return code
	}
	os.Args = append(os.Args[:1], args...)
	singlechecker.Main(analyzer.Analyzer) // exits
	return 0
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
