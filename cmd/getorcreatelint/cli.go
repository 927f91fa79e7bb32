package main

import (
	"errors"
	"flag"
	"fmt"
	"go/build"
	"io"
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/getorcreatelint/getorcreatelint/analyzer"
)

// dsnEnv names the environment variable that gives -dsn a default. The
// configuration file cannot: it comes with the repository being linted,
// which must not choose where the linter connects or what it sends there.
const dsnEnv = "GETORCREATELINT_DSN"

const shortUsage = `usage: getorcreatelint [-C dir] [flags] packages...
       getorcreatelint [-C dir] schema [flags] [packages...]
       getorcreatelint [-C dir] fix-migrations [-dry-run] [flags] [packages...]
       getorcreatelint help [check]
       getorcreatelint version
Run 'getorcreatelint -help' for the flags, the output formats and the checks.
`

// subcommands are the words that are not package patterns.
var subcommands = []string{"schema", "fix-migrations", "help", "version"}

// lintFlags is the command line of a lint run: the analyzer's options
// (bound to analyzer.Analyzer) and the driver's own flags.
type lintFlags struct {
	fs         *flag.FlagSet
	format     string
	json       bool
	fix, diff  bool
	context    int
	tests      bool
	version    bool
	cpuprofile string
	memprofile string
	trace      string
	// -dsn-duplicates: count the rows each finding's index would reject.
	duplicates        bool
	duplicatesTimeout time.Duration
}

// hiddenFlags are accepted for compatibility with the go/analysis drivers
// but do nothing, so -help does not list them.
var hiddenFlags = map[string]bool{"all": true, "source": true, "v": true, "tags": true, "debug": true}

func newLintFlags() *lintFlags {
	l := &lintFlags{fs: flag.NewFlagSet("getorcreatelint", flag.ContinueOnError)}
	fs := l.fs
	fs.SetOutput(io.Discard) // errors are printed once, by runLint
	analyzer.Analyzer.Flags.VisitAll(func(f *flag.Flag) { fs.Var(f.Value, f.Name, f.Usage) })
	fs.Lookup("dsn").Usage += " (default $" + dsnEnv + "; never read from the configuration file)"
	fs.StringVar(&l.format, "format", formatText, "output format: "+strings.Join(formats, ", "))
	fs.BoolVar(&l.json, "json", false, "same as -format json, but exit 0 with findings (the go/analysis convention)")
	fs.BoolVar(&l.fix, "fix", false, "apply the suggested fixes to the files (with -diff: print them instead)")
	fs.BoolVar(&l.diff, "diff", false, "print the suggested fixes as a unified diff, without changing files")
	fs.IntVar(&l.context, "c", -1, "with -format text, show this many lines of context around each finding")
	fs.BoolVar(&l.tests, "test", true, "also analyse the packages' test files")
	fs.BoolVar(&l.version, "version", false, "print the version and exit")
	fs.BoolVar(&l.duplicates, "dsn-duplicates", false,
		"with -dsn, count the rows each finding's unique index would reject (read-only, bounded by -dsn-duplicates-timeout)")
	fs.DurationVar(&l.duplicatesTimeout, "dsn-duplicates-timeout", defaultDuplicatesTimeout,
		"with -dsn-duplicates, how long each count may run on the database before it is reported as not counted")
	fs.StringVar(&l.cpuprofile, "cpuprofile", "", "write a CPU profile to this file")
	fs.StringVar(&l.memprofile, "memprofile", "", "write a memory profile to this file")
	fs.StringVar(&l.trace, "trace", "", "write an execution trace to this file")
	for name := range hiddenFlags {
		if name == "tags" || name == "debug" {
			fs.String(name, "", "no effect")
		} else {
			fs.Bool(name, false, "no effect")
		}
	}
	return l
}

// parseLint reads the configuration file and the command line, and checks
// that the arguments are package patterns.
func parseLint(args []string) (*lintFlags, []string, error) {
	if err := loadConfig(".", &analyzer.Analyzer.Flags); err != nil {
		return nil, nil, err
	}
	if v := os.Getenv(dsnEnv); v != "" {
		if err := analyzer.Analyzer.Flags.Set("dsn", v); err != nil {
			return nil, nil, fmt.Errorf("$%s: %v", dsnEnv, err)
		}
	}
	l := newLintFlags()
	if err := l.fs.Parse(args); err != nil {
		return l, nil, err
	}
	patterns := l.fs.Args()
	if l.version {
		return l, patterns, nil
	}
	if !knownFormat(l.format) {
		return l, nil, fmt.Errorf("unknown -format %q (want %s)", l.format, strings.Join(formats, ", "))
	}
	if l.json {
		if l.format != formatText && l.format != formatJSON {
			return l, nil, fmt.Errorf("-json and -format %s disagree", l.format)
		}
		l.format = formatJSON
	}
	if l.duplicates && analyzer.Analyzer.Flags.Lookup("dsn").Value.String() == "" {
		return l, nil, fmt.Errorf("-dsn-duplicates needs -dsn (or $%s): the database to count rows in", dsnEnv)
	}
	if l.duplicatesTimeout <= 0 {
		return l, nil, fmt.Errorf("-dsn-duplicates-timeout must be positive")
	}
	if (l.fix || l.diff) && l.format != formatText {
		return l, nil, fmt.Errorf("-fix and -diff go with -format text only")
	}
	if len(patterns) == 0 {
		return l, nil, errors.New("no packages given; name them after the flags, for example getorcreatelint -strict ./... or a package path")
	}
	for _, sub := range subcommands {
		if patterns[0] == sub {
			return l, nil, fmt.Errorf("flags go after the subcommand: write getorcreatelint %s followed by its flags", sub)
		}
	}
	for _, p := range patterns {
		if strings.HasPrefix(p, "-") && p != "-" {
			return l, nil, fmt.Errorf("flag %s after the package patterns: flags go before the packages (getorcreatelint %s %s)",
				p, p, strings.Join(withoutFlags(patterns), " "))
		}
	}
	return l, patterns, nil
}

func withoutFlags(args []string) []string {
	var out []string
	for _, a := range args {
		if !strings.HasPrefix(a, "-") {
			out = append(out, a)
		}
	}
	return out
}

// bareWord is a first argument that can only be a subcommand or a
// standard-library package.
var bareWord = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)

// checkSubcommand rejects a first argument that looks like a mistyped
// subcommand: a bare word that is neither a directory nor a package of the
// standard library.
func checkSubcommand(first string) error {
	if !bareWord.MatchString(first) {
		return nil
	}
	if info, err := os.Stat(first); err == nil && info.IsDir() {
		return nil
	}
	if p, err := build.Default.Import(first, "", build.FindOnly); err == nil && p.Goroot {
		return nil
	}
	msg := fmt.Sprintf("unknown command %q: the commands are %s; anything else is a package pattern, such as ./...",
		first, strings.Join(subcommands, ", "))
	if s := suggest(first, subcommands); s != "" {
		msg += fmt.Sprintf(" (did you mean %s?)", s)
	}
	return errors.New(msg)
}

func knownFormat(f string) bool {
	for _, k := range formats {
		if f == k {
			return true
		}
	}
	return false
}
