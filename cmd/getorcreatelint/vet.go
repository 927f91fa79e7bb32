package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/getorcreatelint/getorcreatelint/analyzer"
)

// isVetInvocation reports whether the go command runs the tool: "-flags"
// asks which flags it takes, and a run on one package ends with the path
// of its vet.cfg.
func isVetInvocation(args []string) bool {
	if len(args) == 1 && args[0] == "-flags" {
		return true
	}
	last := args[len(args)-1]
	return strings.HasSuffix(last, ".cfg") && !strings.HasPrefix(last, "-")
}

// runVet serves go vet through the go/analysis unitchecker (by way of
// singlechecker, which spells the flags as the standalone tool does). The
// flags and the configuration file are checked first: go vet runs the tool
// once per package, dependencies included, and a bad value would otherwise
// print the whole help for every one of them. Here it is one line per go
// vet run (see firstReport).
func runVet(args []string) int {
	if len(args) > 1 || args[0] != "-flags" {
		if err := checkVetArgs(args[:len(args)-1]); err != nil {
			if !firstReport(args[len(args)-1]) {
				return 0
			}
			fmt.Fprintf(os.Stderr, "getorcreatelint: %v (getorcreatelint -help lists the flags)\n", err)
			return 2
		}
	}
	os.Args = append(os.Args[:1], args...)
	singlechecker.Main(analyzer.Analyzer) // exits
	return 0
}

// checkVetArgs applies the configuration file and $GETORCREATELINT_DSN to
// the analyzer's flags, and parses the flags go vet passes on a scratch
// copy of the flag set singlechecker builds.
func checkVetArgs(flags []string) error {
	if err := loadConfig(".", &analyzer.Analyzer.Flags); err != nil {
		return err
	}
	if v := os.Getenv(dsnEnv); v != "" {
		if err := analyzer.Analyzer.Flags.Set("dsn", v); err != nil {
			return fmt.Errorf("$%s: %v", dsnEnv, err)
		}
	}
	fs := flag.NewFlagSet("getorcreatelint", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	analyzer.New(analyzer.DefaultOptions()).Flags.VisitAll(func(f *flag.Flag) { fs.Var(f.Value, f.Name, f.Usage) })
	for _, name := range []string{"json", "fix", "diff", "source", "v", "all", "test", "flags"} {
		fs.Bool(name, false, "")
	}
	for _, name := range []string{"tags", "debug", "cpuprofile", "memprofile", "trace", "V"} {
		fs.String(name, "", "")
	}
	fs.Int("c", -1, "")
	return fs.Parse(flags)
}

// firstReport decides whether this run of the tool reports a bad flag or
// configuration: not when go vet runs it only for a dependency's facts
// (getorcreatelint has none), and only once per go vet run. The go command
// gives every run of one go vet command the same work directory, which it
// removes at the end: a marker file there says the error was reported. A
// run that stays silent still leaves its (empty) facts file behind for the
// go command; the reporting run makes go vet fail.
func firstReport(cfg string) bool {
	data, err := os.ReadFile(cfg)
	if err != nil {
		return true
	}
	var c struct {
		VetxOnly   bool
		VetxOutput string
	}
	if json.Unmarshal(data, &c) != nil || c.VetxOutput == "" {
		return true
	}
	silent := func() bool {
		os.WriteFile(c.VetxOutput, nil, 0o666)
		return false
	}
	if c.VetxOnly {
		return silent()
	}
	marker := filepath.Join(filepath.Dir(filepath.Dir(c.VetxOutput)), "getorcreatelint-usage-error-reported")
	f, err := os.OpenFile(marker, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return silent()
		}
		return true
	}
	f.Close()
	return true
}
