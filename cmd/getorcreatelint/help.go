package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/analyzer"
)

// printHelp writes the full help: usage, subcommands, flags, output
// formats, checks and exit codes.
func printHelp(w io.Writer) {
	fmt.Fprint(w, `getorcreatelint reports get-or-create code whose lookup no unique constraint backs.

Usage:
  getorcreatelint [-C dir] [flags] packages...       lint the packages (for example ./...)
  getorcreatelint [-C dir] schema [flags] [packages] print the tables and unique keys the linter sees
  getorcreatelint [-C dir] fix-migrations [-dry-run] [flags] [packages]
                                                     write the migrations that add the missing unique indexes
  getorcreatelint help [check]                       this help, or one check explained with an example
  getorcreatelint version                            print the version
  go vet -vettool=$(which getorcreatelint) [flags] packages...

Flags go before the packages. Options also come from .getorcreatelint.yml at the
module root (the keys are the flag names; flags win), except -dsn, which only the
command line or $`+dsnEnv+` may set.

Flags:
  -C dir
    	run as if started in dir (the first argument only)
`)
	visible := flag.NewFlagSet("getorcreatelint", flag.ContinueOnError)
	visible.SetOutput(w)
	newLintFlags().fs.VisitAll(func(f *flag.Flag) {
		if !hiddenFlags[f.Name] {
			visible.Var(f.Value, f.Name, f.Usage)
			visible.Lookup(f.Name).DefValue = f.DefValue
		}
	})
	visible.PrintDefaults()

	fmt.Fprint(w, "\nOutput formats (-format):\n")
	for _, f := range formats {
		fmt.Fprintf(w, "  %-7s %s\n", f, formatDocs[f])
	}
	fmt.Fprint(w, "\nChecks (-categories; getorcreatelint help <check> explains one):\n")
	for _, c := range analyzer.Checks {
		note := ""
		if !c.Default {
			note = " (off by default; -strict turns it on)"
		}
		fmt.Fprintf(w, "  %-21s %s%s\n", c.Category, c.Title, note)
	}
	fmt.Fprint(w, `
Exit codes: 0 no findings (or -fix fixed them all), 3 findings left,
1 errors (a package or a schema source could not be read, a fix could not
be written), 2 bad flags, arguments or configuration. Under go vet: 0 or 1.
fix-migrations: 0 every finding got a migration, 3 findings left that no
migration fixes, 1 errors, 2 bad flags (getorcreatelint fix-migrations -help).
`)
}

// runHelp implements "getorcreatelint help [check]".
func runHelp(w io.Writer, args []string) int {
	switch len(args) {
	case 0:
		printHelp(w)
		return 0
	case 1:
		c, ok := analyzer.CheckFor(args[0])
		if !ok {
			msg := fmt.Sprintf("no check %q (the checks are %s)", args[0], strings.Join(analyzer.Categories, ", "))
			if s := suggest(args[0], analyzer.Categories); s != "" {
				msg += fmt.Sprintf("; did you mean %s?", s)
			}
			fmt.Fprintf(os.Stderr, "getorcreatelint: %s\n", msg)
			return 2
		}
		renderCheck(w, c)
		return 0
	}
	return usageError(fmt.Errorf("help takes at most one check name"))
}

// renderCheck explains one check from its entry in analyzer.Checks.
func renderCheck(w io.Writer, c analyzer.Check) {
	fmt.Fprintf(w, "%s: %s\n\n", c.Category, c.Title)
	state := "reported by default"
	if !c.Default {
		state = "reported only with -strict or -categories=" + c.Category
	}
	fmt.Fprintf(w, "Level %s, %s.\n\n", c.Level, state)
	fmt.Fprintf(w, "%s\n\n", wrap(c.Doc, 80))
	fmt.Fprintf(w, "What to do:\n%s\n\n", wrap(c.Help, 80))
	fmt.Fprintf(w, "More: %s\n", helpURI(c.Category))
}

// wrap breaks text into lines of at most width columns at spaces.
func wrap(text string, width int) string {
	var b strings.Builder
	n := 0
	for _, word := range strings.Fields(text) {
		if n > 0 && n+1+len(word) > width {
			b.WriteByte('\n')
			n = 0
		} else if n > 0 {
			b.WriteByte(' ')
			n++
		}
		b.WriteString(word)
		n += len(word)
	}
	return b.String()
}

// suggest returns the candidate closest to word, if it is close enough to
// be a likely typo.
func suggest(word string, candidates []string) string {
	best, bestD := "", 0
	for _, c := range candidates {
		d := editDistance(word, c)
		if best == "" || d < bestD {
			best, bestD = c, d
		}
	}
	if best != "" && bestD <= max(1, len(best)/3) {
		return best
	}
	return ""
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
