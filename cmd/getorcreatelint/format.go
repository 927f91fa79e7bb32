package main

import (
	"fmt"
	"io"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/getorcreatelint/getorcreatelint/analyzer"
)

// Output formats chosen with -format (standalone mode only: go vet has its
// own output). Every format exits 0 clean, 3 with findings, 1 on errors,
// 2 on bad flags; -fix and -diff go with text.
const (
	formatText   = "text"   // file:line:col: message on standard error
	formatJSON   = "json"   // the go/analysis checker JSON, as -json prints it
	formatGitHub = "github" // GitHub Actions workflow commands, plus the text
	formatSARIF  = "sarif"  // SARIF 2.1.0, for code scanning
)

var formats = []string{formatText, formatJSON, formatGitHub, formatSARIF}

// formatDocs describes each format for -help.
var formatDocs = map[string]string{
	formatText:   "file:line:col: message lines on standard error (absolute paths); -fix, -diff and -c work with it",
	formatJSON:   "the go/analysis checker JSON on standard output",
	formatGitHub: "GitHub Actions annotations on standard output, the text output on standard error",
	formatSARIF:  "a SARIF 2.1.0 log on standard output, for code scanning",
}

// outcome is what one run found, ready for any format.
type outcome struct {
	graph     *checker.Graph
	findings  []finding
	fileSizes map[string]int // size of each file with a finding, as analysed
	errors    []string       // load and analysis errors, for reports that carry them
	failed    bool
}

// analyze loads the packages and runs the analyzer, as the go/analysis
// checker does: package errors are printed to standard error and make the
// run fail, but the packages that loaded are still analysed.
func analyze(patterns []string, tests bool) (*outcome, error) {
	summarize := ""
	if f := analyzer.Analyzer.Flags.Lookup("summarize"); f != nil {
		summarize = f.Value.String()
	}
	pkgs, err := loadPackages("", patterns, tests, analyzer.UnderPackages(strings.Split(summarize, ",")))
	if err != nil {
		return nil, err
	}
	if len(pkgs) == 0 {
		return nil, fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
	}
	r := &outcome{}
	if packages.PrintErrors(pkgs) > 0 {
		r.failed = true
		packages.Visit(pkgs, nil, func(p *packages.Package) {
			for _, e := range p.Errors {
				r.errors = append(r.errors, e.Error())
			}
		})
	}
	analyzeSoundPackages(pkgs)
	pruneImports(pkgs)
	collectMoreOftenForAnalysis()
	r.graph, err = checker.Analyze([]*analysis.Analyzer{releasing(analyzer.Analyzer, pkgs)}, pkgs, nil)
	if err != nil {
		return nil, err
	}
	for act := range r.graph.All() {
		if act.Err != nil {
			r.failed = true
			msg := fmt.Sprintf("%s: %v", act.Package.PkgPath, act.Err)
			r.errors = append(r.errors, msg)
		}
	}
	r.findings, r.fileSizes = collectFindings(r.graph)
	return r, nil
}

// writeReport writes r in format: the report to out, and for github the
// text output to errOut too, since GitHub drops annotations past its
// per-step limits.
func writeReport(out, errOut io.Writer, format string, r *outcome) error {
	switch format {
	case formatJSON:
		return r.graph.PrintJSON(out)
	case formatGitHub:
		loc, err := newLocator()
		if err != nil {
			return err
		}
		if err := writeGitHub(out, r.findings, loc); err != nil {
			return err
		}
		if err := writeGitHubErrors(out, r.errors); err != nil {
			return err
		}
		return writeText(errOut, r, nil, -1)
	case formatSARIF:
		loc, err := newLocator()
		if err != nil {
			return err
		}
		printActionErrors(errOut, r.graph)
		return writeSARIF(out, buildSARIF(r.findings, r.errors, loc))
	}
	return fmt.Errorf("unknown format %q", format)
}

// printActionErrors prints the analysis errors the way the text output
// does; package load errors were printed when loading.
func printActionErrors(w io.Writer, g *checker.Graph) {
	for act := range g.All() {
		if act.Err != nil {
			fmt.Fprintf(w, "%s: %v\n", act.Analyzer.Name, act.Err)
		}
	}
}
