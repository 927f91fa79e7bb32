// Command getorcreatelint reports get-or-create code whose lookup no unique
// constraint backs.
//
// Usage:
//
//	getorcreatelint [-C dir] [flags] packages...
//	go vet -vettool=$(which getorcreatelint) [flags] packages...
//
// Exit codes: 0 no findings, 3 findings, 1 errors (packages that fail to
// load or type-check), 2 bad flags. With -json the exit code is 0 unless an
// error occurred.
package main

import (
	"fmt"
	"os"

	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/getorcreatelint/getorcreatelint/analyzer"
)

func main() {
	args, err := changeDir(os.Args[1:])
	if err != nil {
		fmt.Fprintf(os.Stderr, "getorcreatelint: %v\n", err)
		os.Exit(2)
	}
	os.Args = append(os.Args[:1], args...)
	singlechecker.Main(analyzer.Analyzer)
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
	case len(a) > 3 && (a[:3] == "-C=" || (len(a) > 4 && a[:4] == "--C=")):
		dir, args = a[len("-C="):], args[1:]
		if a[1] == '-' {
			dir = a[len("--C="):]
		}
	default:
		return args, nil
	}
	if err := os.Chdir(dir); err != nil {
		return nil, fmt.Errorf("-C: %v", err)
	}
	return args, nil
}
