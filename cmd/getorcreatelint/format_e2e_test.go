package main_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The -format outputs, from the built binary, on the bundled example
// module. Paths in github and sarif output are relative to the repository
// root (this checkout), so the golden files hold example/store/store.go.

const exampleDir = "../../example"

func compareGoldenText(t *testing.T, golden, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if string(want) != got {
		t.Errorf("output differs from %s (run go test -update to accept):\n--- got\n%s--- want\n%s", golden, got, want)
	}
}

func TestFormatGitHub(t *testing.T) {
	stdout, stderr, code := run(t, exampleDir, binary(t), "-format", "github", "./...")
	if code != 3 {
		t.Fatalf("exit code %d, want 3 (findings); stderr:\n%s", code, stderr)
	}
	compareGoldenText(t, filepath.Join("testdata", "example.github.golden"), stdout)

	// The text output comes too, on standard error, as without -format:
	// GitHub drops annotations past its per-step limits.
	_, text, _ := run(t, exampleDir, binary(t), "./...")
	if stderr != text {
		t.Errorf("-format github standard error differs from the text output:\n--- github\n%s--- text\n%s", stderr, text)
	}
	if n := strings.Count(stdout, "::error "); n != strings.Count(text, "\n")-strings.Count(text, ": \t") {
		t.Errorf("%d annotations for the text output's findings:\n%s", n, text)
	}

	// -C and the format compose; paths stay relative to the repository.
	stdoutC, _, code := run(t, ".", binary(t), "-C", exampleDir, "-format=github", "./...")
	if code != 3 || stdoutC != stdout {
		t.Errorf("-C %s -format=github: exit code %d, output:\n%s", exampleDir, code, stdoutC)
	}
}

func TestFormatSARIF(t *testing.T) {
	stdout, stderr, code := run(t, exampleDir, binary(t), "-format", "sarif", "./...")
	if code != 3 {
		t.Fatalf("exit code %d, want 3 (findings); stderr:\n%s", code, stderr)
	}
	var log map[string]any
	if err := json.Unmarshal([]byte(stdout), &log); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, stdout)
	}
	// The tool version depends on how the binary was built.
	driver := log["runs"].([]any)[0].(map[string]any)["tool"].(map[string]any)["driver"].(map[string]any)
	delete(driver, "version")
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(log); err != nil {
		t.Fatal(err)
	}
	compareGoldenText(t, filepath.Join("testdata", "example.sarif"), b.String())

	var sarif struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID      string
						HelpURI string
					}
				}
			}
			Results []struct {
				RuleID    string
				RuleIndex int
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI       string
							URIBaseID string
						}
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(stdout), &sarif); err != nil {
		t.Fatal(err)
	}
	run := sarif.Runs[0]
	_, text, _ := runText(t)
	if got, want := len(run.Results), strings.Count(text, "\n")-strings.Count(text, ": \t"); got != want {
		t.Errorf("%d results, want one per finding of the text output (%d)", got, want)
	}
	for _, r := range run.Results {
		if rule := run.Tool.Driver.Rules[r.RuleIndex]; rule.ID != r.RuleID || !strings.Contains(rule.HelpURI, "#"+r.RuleID) {
			t.Errorf("result with rule %s points at rule %+v", r.RuleID, rule)
		}
		al := r.Locations[0].PhysicalLocation.ArtifactLocation
		if al.URIBaseID != "%SRCROOT%" || !strings.HasPrefix(al.URI, "example/") {
			t.Errorf("location %+v, want a path relative to the repository root", al)
		}
	}
}

func runText(t *testing.T) (string, string, int) { return run(t, exampleDir, binary(t), "./...") }

// -format json is the checker JSON of -json, but exits 3 with findings
// like every other format.
func TestFormatJSON(t *testing.T) {
	stdout, stderr, code := run(t, exampleDir, binary(t), "-format", "json", "./...")
	if code != 3 {
		t.Fatalf("exit code %d, want 3; stderr:\n%s", code, stderr)
	}
	plain, _, code := run(t, exampleDir, binary(t), "-json", "./...")
	if code != 0 {
		t.Fatalf("-json: exit code %d, want 0", code)
	}
	if stdout != plain {
		t.Errorf("-format json differs from -json:\n--- format json\n%s--- json\n%s", stdout, plain)
	}
}

// -format text is the default output, and the text-only flags still work.
func TestFormatText(t *testing.T) {
	_, withFormat, code := run(t, exampleDir, binary(t), "-c", "1", "-format", "text", "./...")
	_, without, _ := run(t, exampleDir, binary(t), "-c", "1", "./...")
	if code != 3 || withFormat != without || !strings.Contains(without, "FirstOrCreate(&tag)") {
		t.Errorf("-c 1 -format text: exit code %d, output:\n%s\nwant as without -format:\n%s", code, withFormat, without)
	}
}

func TestFormatExitCodes(t *testing.T) {
	for _, format := range []string{"text", "json", "github", "sarif"} {
		t.Run(format, func(t *testing.T) {
			stdout, stderr, code := run(t, "testdata/gormapp", binary(t), "-format", format, "./models")
			if code != 0 {
				t.Errorf("clean package: exit code %d, want 0; stderr:\n%s", code, stderr)
			}
			if format == "sarif" && !strings.Contains(stdout, `"results": []`) {
				t.Errorf("clean package: SARIF without an empty results list:\n%s", stdout)
			}
			if format == "github" && stdout != "" {
				t.Errorf("clean package: annotations %q", stdout)
			}
			if _, stderr, code := run(t, "testdata/gormapp", binary(t), "-format", format, "./app"); code != 3 {
				t.Errorf("findings: exit code %d, want 3; stderr:\n%s", code, stderr)
			}
			if _, stderr, code := run(t, "testdata/gormapp", binary(t), "-format", format, "./nonexistent/..."); code != 1 {
				t.Errorf("pattern matching nothing: exit code %d, want 1; stderr:\n%s", code, stderr)
			}
			if _, stderr, code := run(t, "testdata/gormapp", binary(t), "-format", format, "-no-such-flag", "./..."); code != 2 || !strings.Contains(stderr, "no-such-flag") {
				t.Errorf("bad flag: exit code %d, want 2; stderr:\n%s", code, stderr)
			}
			if _, stderr, code := run(t, "testdata/gormapp", binary(t), "-format", format, "-categories=nope", "./..."); code != 2 || !strings.Contains(stderr, "nope") {
				t.Errorf("bad option value: exit code %d, want 2; stderr:\n%s", code, stderr)
			}
		})
	}
	if _, stderr, code := run(t, "testdata/gormapp", binary(t), "-format", "xml", "./..."); code != 2 || !strings.Contains(stderr, "sarif") {
		t.Errorf("unknown format: exit code %d, want 2 and the formats listed; stderr:\n%s", code, stderr)
	}
}

// Options reach the analyzer in every format: with only the directive
// category enabled the example has no findings.
func TestFormatKeepsOptions(t *testing.T) {
	for _, format := range []string{"json", "github", "sarif"} {
		stdout, stderr, code := run(t, exampleDir, binary(t), "-format="+format, "-categories=directive", "./...")
		found := strings.Contains(stdout, "looks up (")
		if format == "sarif" {
			found = !strings.Contains(stdout, `"results": []`)
		}
		if code != 0 || found {
			t.Errorf("-format=%s -categories=directive: exit code %d, stdout:\n%s\nstderr:\n%s", format, code, stdout, stderr)
		}
	}
}

// A run that fails says so in the report as well as in the exit code.
func TestFormatReportsErrors(t *testing.T) {
	stdout, stderr, code := run(t, exampleDir, binary(t), "-format", "github", "-migrations=no/such/dir", "./...")
	if code != 1 || !strings.Contains(stdout, "::error title=getorcreatelint failed::") || !strings.Contains(stderr, "no/such/dir") {
		t.Errorf("github: exit code %d, stdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	stdout, _, code = run(t, exampleDir, binary(t), "-format", "sarif", "-migrations=no/such/dir", "./...")
	if code != 1 || !strings.Contains(stdout, `"executionSuccessful": false`) || !strings.Contains(stdout, "no/such/dir") {
		t.Errorf("sarif: exit code %d, stdout:\n%s", code, stdout)
	}
}
