package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/getorcreatelint/getorcreatelint/analyzer"
)

// Output formats chosen with -format (standalone mode only: go vet has its
// own output). text is singlechecker's own output and keeps all its flags
// (-fix, -diff, -c, -json); the others are written here. Every format
// exits 0 clean, 3 with findings, 1 on errors, 2 on bad flags.
const (
	formatText   = "text"
	formatJSON   = "json"   // the go/analysis checker JSON, as -json prints it
	formatGitHub = "github" // GitHub Actions workflow commands, plus the text
	formatSARIF  = "sarif"  // SARIF 2.1.0, for code scanning
)

var formats = []string{formatText, formatJSON, formatGitHub, formatSARIF}

// dispatchFormat takes -format out of args. For text it returns the other
// arguments, for singlechecker to handle; for the other formats it runs
// the analysis itself and returns the exit code with done set.
func dispatchFormat(args []string) (rest []string, code int, done bool) {
	format, rest, err := splitFormat(args)
	if err != nil {
		return nil, usageError(err), true
	}
	if format == "" || format == formatText {
		return rest, 0, false
	}
	return nil, runFormat(format, rest), true
}

// splitFormat removes every -format flag from the flags that lead args (the
// last one wins, as with any flag) and returns its value. It walks the
// arguments the way package flag does, so that a flag's value is never
// taken for -format nor a package pattern for a flag.
func splitFormat(args []string) (format string, rest []string, err error) {
	rest = make([]string, 0, len(args))
	given := false
	i := 0
	for i < len(args) {
		a := args[i]
		if a == "--" || a == "-" || !strings.HasPrefix(a, "-") {
			break
		}
		name, value, hasValue := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-"), "=")
		switch {
		case name == "format":
			given = true
			if !hasValue {
				if i+1 == len(args) {
					return "", nil, fmt.Errorf("-format needs a value: %s", strings.Join(formats, ", "))
				}
				value = args[i+1]
				i++
			}
			format = value
			i++
			continue
		case !hasValue && flagTakesValue(name) && i+1 < len(args):
			rest = append(rest, a, args[i+1])
			i += 2
			continue
		}
		rest = append(rest, a)
		i++
	}
	rest = append(rest, args[i:]...)
	if given && !knownFormat(format) {
		return "", nil, fmt.Errorf("unknown -format %q (want %s)", format, strings.Join(formats, ", "))
	}
	return format, rest, nil
}

func knownFormat(f string) bool {
	for _, k := range formats {
		if f == k {
			return true
		}
	}
	return false
}

// driverValueFlags are singlechecker's own flags that take a value (its
// other flags are boolean). A test checks the list against the binary.
var driverValueFlags = map[string]bool{"c": true, "debug": true, "cpuprofile": true, "memprofile": true, "trace": true, "tags": true}

// flagTakesValue reports whether -name consumes the next argument.
func flagTakesValue(name string) bool {
	if f := analyzer.Analyzer.Flags.Lookup(name); f != nil {
		b, ok := f.Value.(interface{ IsBoolFlag() bool })
		return !ok || !b.IsBoolFlag()
	}
	return driverValueFlags[name]
}

// runFormat analyses the packages named in args and writes the report in
// format to standard output.
func runFormat(format string, args []string) int {
	fs := flag.NewFlagSet("getorcreatelint", flag.ContinueOnError)
	fs.SetOutput(os.Stderr)
	analyzer.Analyzer.Flags.VisitAll(func(f *flag.Flag) { fs.Var(f.Value, f.Name, f.Usage) })
	fs.String("format", format, "output format: "+strings.Join(formats, ", "))
	tests := fs.Bool("test", true, "indicates whether test files should be analyzed, too")
	fs.Usage = func() {
		fmt.Fprintf(os.Stderr, "Usage: getorcreatelint -format %s [-flag] packages...\n\n", format)
		fmt.Fprintf(os.Stderr, "-fix, -diff, -c and -json go with -format text only.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 1 // as singlechecker does
	}

	r, err := analyze(fs.Args(), *tests)
	if err != nil {
		fmt.Fprintf(os.Stderr, "getorcreatelint: %v\n", err)
		return 1
	}
	if err := writeReport(os.Stdout, os.Stderr, format, r); err != nil {
		fmt.Fprintf(os.Stderr, "getorcreatelint: writing the report: %v\n", err)
		return 1
	}
	switch {
	case r.failed:
		return 1
	case len(r.findings) > 0:
		return 3
	}
	return 0
}

// outcome is what one run found, ready for any format.
type outcome struct {
	graph    *checker.Graph
	findings []finding
	errors   []string // load and analysis errors, for reports that carry them
	failed   bool
}

// analyze loads the packages and runs the analyzer, as singlechecker's
// driver does: package errors are printed to standard error and make the
// run fail, but the packages that loaded are still analysed.
func analyze(patterns []string, tests bool) (*outcome, error) {
	mode := packages.LoadSyntax | packages.NeedModule
	if needFacts(analyzer.Analyzer) {
		mode = packages.LoadAllSyntax | packages.NeedModule
	}
	pkgs, err := packages.Load(&packages.Config{Mode: mode, Tests: tests}, patterns...)
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
	r.graph, err = checker.Analyze([]*analysis.Analyzer{analyzer.Analyzer}, pkgs, nil)
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
	r.findings = collectFindings(r.graph)
	return r, nil
}

// needFacts reports whether a or an analyzer it requires uses facts, which
// need every dependency analysed from source.
func needFacts(a *analysis.Analyzer) bool {
	if len(a.FactTypes) > 0 {
		return true
	}
	for _, req := range a.Requires {
		if needFacts(req) {
			return true
		}
	}
	return false
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
		return r.graph.PrintText(errOut, -1)
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
