// Command noop is the benchmark floor: the stock standalone driver
// (singlechecker: roots parsed and type-checked from source, dependencies
// read from export data) running an analyzer that does nothing and
// declares no facts. Whatever getorcreatelint, with its own driver, costs
// above this is the linter's own overhead.
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/singlechecker"
)

var analyzer = &analysis.Analyzer{
	Name: "noop",
	Doc:  "noop does nothing: it is the floor getorcreatelint is measured against",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}

func main() { singlechecker.Main(analyzer) }
