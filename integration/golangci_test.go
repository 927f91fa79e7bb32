//go:build integration

package integration_test

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// A golangci-lint v2.15.0 with the plugin compiled in, built by
// scripts/custom-gcl.sh, the way the README tells users to: the way
// `golangci-lint custom` builds one, but from the module proxy alone
// (testdata/custom-gcl holds golangci-lint's main and a blank import of the
// plugin; the script adds a replace directive pointing at this checkout).
// The first build takes minutes; later ones reuse the Go build cache.

var (
	gclOnce sync.Once
	gclPath string
	gclErr  error
	gclSkip bool // the module proxy could not be reached
)

func customGCL(t *testing.T) string {
	t.Helper()
	gclOnce.Do(func() {
		dir, err := sharedTempDir("custom-gcl")
		if err != nil {
			gclErr = err
			return
		}
		start := time.Now()
		out := filepath.Join(dir, "custom-gcl")
		cmd := exec.Command("bash", filepath.Join(repoRoot(t), "scripts", "custom-gcl.sh"), out)
		output, err := cmd.CombinedOutput()
		t.Logf("scripts/custom-gcl.sh: %s", time.Since(start).Round(time.Second))
		if err != nil {
			gclErr = fmt.Errorf("scripts/custom-gcl.sh: %v\n%s", err, output)
			// Failing before the build means the modules could not be
			// fetched: offline, not broken.
			gclSkip = !strings.Contains(string(output), "custom-gcl: building")
			return
		}
		gclPath = out
	})
	if gclErr != nil {
		if gclSkip {
			unavailable(t, "building golangci-lint with the plugin: %v", gclErr)
		}
		t.Fatalf("building golangci-lint with the plugin: %v", gclErr)
	}
	return gclPath
}

// lintModule copies the example module into a temporary directory with
// config as its .golangci.yml, lets edit change it, and runs the custom
// golangci-lint there. It returns the findings as "file:line:col: message"
// lines (related locations as "file:line:col: \tmessage", as the
// standalone tool prints them) and the exit code.
func lintModule(t *testing.T, config string, edit func(dir string)) ([]string, result) {
	t.Helper()
	return lintCopy(t, exampleDir(t), config, edit)
}

// lintCopy is lintModule on a copy of the module in src.
func lintCopy(t *testing.T, src, config string, edit func(dir string)) ([]string, result) {
	t.Helper()
	gcl := customGCL(t)
	dir := t.TempDir()
	copyDir(t, src, dir)
	if err := os.WriteFile(filepath.Join(dir, ".golangci.yml"), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		edit(dir)
	}
	report := filepath.Join(t.TempDir(), "report.json")
	r := run(t, dir, []string{"GOLANGCI_LINT_CACHE=" + t.TempDir()}, gcl, "run",
		"--output.json.path="+report, "--output.text.path=stderr", "./...")
	data, err := os.ReadFile(report)
	if err != nil {
		return nil, r // no report: the run failed before linting
	}
	var out struct {
		Issues []struct {
			FromLinter string
			Text       string
			Pos        struct {
				Filename     string
				Line, Column int
			}
		}
	}
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatalf("golangci-lint JSON report: %v\n%s", err, data)
	}
	var lines []string
	for _, is := range out.Issues {
		if is.FromLinter != "getorcreatelint" {
			t.Errorf("issue from linter %s: %s", is.FromLinter, is.Text)
			continue
		}
		text := is.Text
		if rel, ok := strings.CutPrefix(text, "getorcreatelint(related information): "); ok {
			text = "\t" + rel
		}
		lines = append(lines, fmt.Sprintf("%s:%d:%d: %s", is.Pos.Filename, is.Pos.Line, is.Pos.Column, text))
	}
	sort.Strings(lines)
	return lines, r
}

func exampleConfig(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot(t), ".golangci.example.yml"))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// allExpected is example/expected.txt, related lines included.
func allExpected(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(exampleDir(t), "expected.txt"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	sort.Strings(lines)
	return lines
}

func TestGolangciLintPlugin(t *testing.T) {
	got, r := lintModule(t, exampleConfig(t), nil)
	if r.code != 1 {
		t.Fatalf("exit code %d, want 1 (issues found); stderr:\n%s", r.code, r.stderr)
	}
	if want := allExpected(t); !reflect.DeepEqual(got, want) {
		t.Errorf("golangci-lint findings differ from example/expected.txt:\n--- got\n%s\n--- want\n%s\nstderr:\n%s",
			strings.Join(got, "\n"), strings.Join(want, "\n"), r.stderr)
	}
}

// The plugin reports on a service/repository module what the standalone
// binary reports (cmd/getorcreatelint/testdata/repoapp/expected.txt): a
// get-or-create through helpers of another package needs the helpers'
// summaries, facts golangci-lint computes for the module's packages. The
// related locations come with the same messages; golangci-lint prints one
// in another package's file (the lookup or insert inside a helper) at the
// finding's position. Without max-same-issues: 0 it would drop the fourth
// "the insert that completes the get-or-create", and with uniq-by-line
// the related locations it moved onto the finding's line.
func TestGolangciLintRepositoryModule(t *testing.T) {
	mod := filepath.Join(repoRoot(t), "cmd", "getorcreatelint", "testdata", "repoapp")
	config := exampleConfig(t) + "issues:\n  max-same-issues: 0\n  uniq-by-line: false\n"
	got, r := lintCopy(t, mod, config, nil)
	if r.code != 1 {
		t.Fatalf("exit code %d, want 1 (issues found); stderr:\n%s", r.code, r.stderr)
	}
	data, err := os.ReadFile(filepath.Join(mod, "expected.txt"))
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Split(strings.TrimSpace(string(data)), "\n")
	gotFindings, gotRelated := splitRelated(got)
	wantFindings, wantRelated := splitRelated(want)
	if !reflect.DeepEqual(gotFindings, wantFindings) {
		t.Errorf("golangci-lint findings differ from expected.txt:\n--- got\n%s\n--- want\n%s\nstderr:\n%s",
			strings.Join(gotFindings, "\n"), strings.Join(wantFindings, "\n"), r.stderr)
	}
	if !reflect.DeepEqual(gotRelated, wantRelated) {
		t.Errorf("golangci-lint related locations differ from expected.txt:\n--- got\n%s\n--- want\n%s",
			strings.Join(gotRelated, "\n"), strings.Join(wantRelated, "\n"))
	}
}

// splitRelated separates "file:line:col: message" findings from the
// messages of related locations ("file:line:col: \tmessage"), both sorted.
func splitRelated(lines []string) (findings, related []string) {
	for _, l := range lines {
		if _, msg, ok := strings.Cut(l, ": \t"); ok {
			related = append(related, msg)
		} else {
			findings = append(findings, l)
		}
	}
	sort.Strings(findings)
	sort.Strings(related)
	return findings, related
}

// findingAt splits "file:line:col: message" into its file and line.
func findingAt(t *testing.T, finding string) (string, int) {
	t.Helper()
	m := regexp.MustCompile(`^([^:]+):(\d+):`).FindStringSubmatch(finding)
	if m == nil {
		t.Fatalf("cannot parse %q", finding)
	}
	line, _ := strconv.Atoi(m[2])
	return m[1], line
}

// editLine replaces line n (1-based) of file in dir by what change makes of it.
func editLine(t *testing.T, dir, file string, n int, change func(string) string) {
	t.Helper()
	name := filepath.Join(dir, file)
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	lines[n-1] = change(lines[n-1])
	if err := os.WriteFile(name, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
}

func without(lines []string, drop ...string) []string {
	var out []string
	for _, l := range lines {
		if !slices.Contains(drop, l) {
			out = append(out, l)
		}
	}
	return out
}

func TestGolangciLintNolint(t *testing.T) {
	all := allExpected(t)
	// A finding without a related location: the FirstOrCreate on tags.
	var plain string
	for _, l := range expectedFindings(t) {
		if strings.Contains(l, "FirstOrCreate on tags") {
			plain = l
		}
	}
	if plain == "" {
		t.Fatalf("example/expected.txt changed: no FirstOrCreate on tags")
	}
	plainFile, plainLine := findingAt(t, plain)
	// A finding with one: the First then Create in Join, whose related
	// location is the insert, reported by golangci-lint as an issue of its
	// own.
	var joined, insert string
	for i, l := range all {
		if strings.Contains(l, "on memberships") && i+1 < len(all) && strings.Contains(all[i+1], ": \t") {
			joined, insert = l, all[i+1]
		}
	}
	if joined == "" {
		t.Fatalf("example/expected.txt changed: no finding on memberships with a related location")
	}
	joinedFile, _ := findingAt(t, joined)

	for _, tc := range []struct {
		name string
		edit func(dir string)
		want []string
	}{
		{"nolint on the reported line", func(dir string) {
			editLine(t, dir, plainFile, plainLine, func(l string) string {
				return l + " //nolint:getorcreatelint // tags are created by the seed job only"
			})
		}, without(all, plain)},
		{"nolint above the function covers the insert too", func(dir string) {
			src, err := os.ReadFile(filepath.Join(dir, joinedFile))
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(string(src), "\n")
			i := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, "func (s *Store) Join(") })
			if i < 1 || !strings.HasPrefix(lines[i-1], "//") {
				t.Fatalf("example changed: no commented func (s *Store) Join in %s", joinedFile)
			}
			// Replace the doc comment's last line, so that no line moves.
			editLine(t, dir, joinedFile, i, func(string) string { return "//nolint:getorcreatelint // one team per user" })
		}, without(all, joined, insert)},
		{"getorcreatelint:ignore works in golangci-lint", func(dir string) {
			editLine(t, dir, plainFile, plainLine, func(l string) string {
				return l + " //getorcreatelint:ignore tags are created by the seed job only"
			})
		}, without(all, plain)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, r := lintModule(t, exampleConfig(t), tc.edit)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("--- got\n%s\n--- want\n%s\nstderr:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"), r.stderr)
			}
		})
	}
}

// Settings go through the same option parsing as the flags.
func TestGolangciLintSettings(t *testing.T) {
	config := exampleConfig(t)
	const strict = "          strict: false\n"
	if !strings.Contains(config, strict) {
		t.Fatalf(".golangci.example.yml has no %q line to vary", strict)
	}

	got, r := lintModule(t, strings.Replace(config, strict, "          categories: [directive]\n", 1), nil)
	if r.code != 0 || len(got) != 0 {
		t.Errorf("categories: [directive]: exit code %d, findings:\n%s\nstderr:\n%s", r.code, strings.Join(got, "\n"), r.stderr)
	}

	_, r = lintModule(t, strings.Replace(config, strict, "          strictt: true\n", 1), nil)
	if r.code == 0 || r.code == 1 || !strings.Contains(r.stderr, `unknown option "strictt"`) {
		t.Errorf("unknown key: exit code %d, stderr:\n%s", r.code, r.stderr)
	}

	_, r = lintModule(t, strings.Replace(config, strict, "          dsn: postgres://localhost/shop\n", 1), nil)
	if r.code == 0 || r.code == 1 || !strings.Contains(r.stderr, "dsn cannot be set here: the settings come from the repository") {
		t.Errorf("dsn: exit code %d, stderr:\n%s", r.code, r.stderr)
	}
}

// .custom-gcl.example.yml names what the test build uses: the same
// golangci-lint release and the plugin's import path.
func TestCustomGCLExampleMatchesTheTestBuild(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repoRoot(t), ".custom-gcl.example.yml"))
	if err != nil {
		t.Fatal(err)
	}
	example := string(data)
	gomod, err := os.ReadFile(filepath.Join("testdata", "custom-gcl", "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	plugins, err := os.ReadFile(filepath.Join("testdata", "custom-gcl", "plugins.go"))
	if err != nil {
		t.Fatal(err)
	}
	version := regexp.MustCompile(`golangci-lint/v2 (v\S+)`).FindStringSubmatch(string(gomod))
	imp := regexp.MustCompile(`_ "(\S+)"`).FindStringSubmatch(string(plugins))
	if version == nil || imp == nil {
		t.Fatal("testdata/custom-gcl has no golangci-lint requirement or plugin import")
	}
	for _, want := range []string{"version: " + version[1] + "\n", "import: " + imp[1] + "\n"} {
		if !strings.Contains(example, want) {
			t.Errorf(".custom-gcl.example.yml lacks %q", want)
		}
	}
}
