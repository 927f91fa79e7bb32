package main

import (
	"errors"
	"flag"
	"fmt"
	"go/token"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/analyzer"
)

// runLint is the standalone linter: it loads the packages, runs the
// analyzer, and writes the findings in the chosen format or applies their
// fixes. It is its own driver (not singlechecker's) so that every format
// prints the same findings, the text output can be made safe for CI logs,
// and -fix edits files the way this tool promises (see fix.go).
func runLint(args []string) int {
	l, patterns, err := parseLint(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		printHelp(os.Stderr)
		return 0
	case err != nil:
		return usageError(err)
	case l.version:
		printVersion(os.Stdout)
		return 0
	}
	stop, err := startProfiling(l)
	if err != nil {
		return usageError(err)
	}
	defer stop()

	if l.format == formatGitHub {
		// Everything printed beside the annotations passes through a filter
		// that keeps it from being read as a workflow command.
		restore := guardOutput()
		defer restore()
	}

	if l.duplicates {
		dsn := analyzer.Analyzer.Flags.Lookup("dsn").Value.String()
		evidenceSource = newDuplicateCounter(dsn, l.duplicatesTimeout).evidence
		defer func() { evidenceSource = nil }()
	}
	r, err := analyze(patterns, l.tests)
	if err != nil {
		fmt.Fprintf(os.Stderr, "getorcreatelint: %v\n", err)
		return 1
	}
	switch {
	case l.fix || l.diff:
		return runFix(r, !l.diff, os.Stdout, os.Stderr)
	case l.format == formatText:
		if err := writeText(os.Stderr, r, nil, l.context); err != nil {
			fmt.Fprintf(os.Stderr, "getorcreatelint: %v\n", err)
			return 1
		}
	default:
		if err := writeReport(os.Stdout, os.Stderr, l.format, r); err != nil {
			fmt.Fprintf(os.Stderr, "getorcreatelint: writing the report: %v\n", err)
			return 1
		}
	}
	switch {
	case r.failed:
		return 1
	case l.json:
		return 0 // the go/analysis convention for -json
	case len(r.findings) > 0:
		return 3
	}
	return 0
}

// writeText prints findings as file:line:col: message lines, their related
// locations indented below them, after the analysis errors, the way the
// go/analysis drivers do. only, if not nil, limits the findings printed.
func writeText(w io.Writer, r *outcome, only []finding, contextLines int) error {
	printActionErrors(w, r.graph)
	findings := r.findings
	if only != nil {
		findings = only
	}
	for _, f := range findings {
		if err := printPlain(w, f.Start, f.End, f.Message, contextLines); err != nil {
			return err
		}
		for _, rel := range f.Related {
			if err := printPlain(w, rel.Start, rel.End, "\t"+rel.Message, contextLines); err != nil {
				return err
			}
		}
	}
	return nil
}

func printPlain(w io.Writer, start, end token.Position, message string, contextLines int) error {
	if _, err := fmt.Fprintf(w, "%s: %s\n", start, oneLine(message)); err != nil {
		return err
	}
	if contextLines < 0 {
		return nil
	}
	data, err := os.ReadFile(start.Filename)
	if err != nil {
		return nil
	}
	lines := strings.Split(string(data), "\n")
	last := max(end.Line, start.Line)
	for i := start.Line - contextLines; i <= last+contextLines; i++ {
		if 1 <= i && i <= len(lines) {
			if _, err := fmt.Fprintf(w, "%d\t%s\n", i, strings.TrimSuffix(lines[i-1], "\r")); err != nil {
				return err
			}
		}
	}
	return nil
}

// oneLine keeps a message on one line: identifiers from the linted code or
// a migration may hold line breaks, which would start a line of their own
// in a log (and could pass for a CI workflow command there).
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return strings.NewReplacer("\r", `\r`, "\n", `\n`).Replace(s)
}

// startProfiling starts what -cpuprofile and -trace ask for; the returned
// function stops them and writes -memprofile.
func startProfiling(l *lintFlags) (func(), error) {
	var stops []func()
	stop := func() {
		for i := len(stops) - 1; i >= 0; i-- {
			stops[i]()
		}
	}
	if l.cpuprofile != "" {
		f, err := os.Create(l.cpuprofile)
		if err != nil {
			return stop, fmt.Errorf("-cpuprofile: %v", err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			f.Close()
			return stop, fmt.Errorf("-cpuprofile: %v", err)
		}
		stops = append(stops, func() { pprof.StopCPUProfile(); f.Close() })
	}
	if l.trace != "" {
		f, err := os.Create(l.trace)
		if err != nil {
			stop()
			return func() {}, fmt.Errorf("-trace: %v", err)
		}
		if err := trace.Start(f); err != nil {
			f.Close()
			stop()
			return func() {}, fmt.Errorf("-trace: %v", err)
		}
		stops = append(stops, func() { trace.Stop(); f.Close() })
	}
	if l.memprofile != "" {
		path := l.memprofile
		stops = append(stops, func() {
			f, err := os.Create(path)
			if err != nil {
				fmt.Fprintf(os.Stderr, "getorcreatelint: -memprofile: %v\n", err)
				return
			}
			defer f.Close()
			runtime.GC()
			pprof.WriteHeapProfile(f)
		})
	}
	return stop, nil
}
