package main_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the expected output files")

// These tests build the real binary and run it, standalone and as a go vet
// tool, on modules that depend on the real gorm.io/gorm (fetched through
// the module proxy like any dependency).

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// binary builds cmd/getorcreatelint once per test process.
func binary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end: builds and runs the binary (not with -short)")
	}
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "getorcreatelint-e2e")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "getorcreatelint")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			buildErr = errors.New(string(out))
		}
	})
	if buildErr != nil {
		t.Fatalf("building the binary: %v", buildErr)
	}
	return binPath
}

// run executes name with args in dir and returns stdout, stderr and the
// exit code.
func run(t *testing.T, dir, name string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		code = exit.ExitCode()
	case err != nil:
		t.Fatalf("running %s %v: %v", name, args, err)
	}
	return stdout.String(), stderr.String(), code
}

// diagnosticLines keeps the "file:line:col: message" lines of a text
// report, with paths made relative to dir, sorted.
func diagnosticLines(out, dir string) []string {
	abs, _ := filepath.Abs(dir)
	var lines []string
	for _, l := range strings.Split(out, "\n") {
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		l = strings.ReplaceAll(l, abs+string(filepath.Separator), "")
		lines = append(lines, l)
	}
	sort.Strings(lines)
	return lines
}

func compareGolden(t *testing.T, golden string, got []string) {
	t.Helper()
	text := strings.Join(got, "\n") + "\n"
	if *update {
		if err := os.WriteFile(golden, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if string(want) != text {
		t.Errorf("output differs from %s (run go test -update to accept):\n--- got\n%s--- want\n%s", golden, text, want)
	}
}

func TestStandalone(t *testing.T) {
	for _, mod := range []string{"testdata/gormapp", "../../example"} {
		t.Run(filepath.Base(mod), func(t *testing.T) {
			_, stderr, code := run(t, mod, binary(t), "./...")
			if code != 3 {
				t.Fatalf("exit code %d, want 3 (findings); stderr:\n%s", code, stderr)
			}
			compareGolden(t, filepath.Join(mod, "expected.txt"), diagnosticLines(stderr, mod))
		})
	}
}

func TestGoVet(t *testing.T) {
	for _, mod := range []string{"testdata/gormapp", "../../example"} {
		t.Run(filepath.Base(mod), func(t *testing.T) {
			_, stderr, code := run(t, mod, "go", "vet", "-vettool="+binary(t), "./...")
			if code != 1 {
				t.Fatalf("exit code %d, want 1 (go vet reports findings with 1); stderr:\n%s", code, stderr)
			}
			// go vet prints the same findings, with paths relative to the
			// module: compare with the standalone expectations.
			compareGolden(t, filepath.Join(mod, "expected.txt"), diagnosticLines(stderr, mod))
		})
	}
}

func TestJSON(t *testing.T) {
	stdout, stderr, code := run(t, "testdata/gormapp", binary(t), "-json", "./...")
	if code != 0 {
		t.Fatalf("exit code %d, want 0 with -json; stderr:\n%s", code, stderr)
	}
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal([]byte(stdout), &tree); err != nil {
		t.Fatalf("-json output is not the checker's JSON: %v\n%s", err, stdout)
	}
	var diags []struct {
		Category string `json:"category"`
		Posn     string `json:"posn"`
		Message  string `json:"message"`
	}
	if err := json.Unmarshal(tree["example.com/gormapp/app"]["getorcreatelint"], &diags); err != nil {
		t.Fatalf("no diagnostics for package app: %v\n%s", err, stdout)
	}
	if len(diags) != 4 {
		t.Errorf("got %d diagnostics, want 4: %+v", len(diags), diags)
	}
	for _, d := range diags {
		if d.Category != "get-or-create" || !strings.Contains(d.Posn, "app.go:") {
			t.Errorf("unexpected diagnostic %+v", d)
		}
	}
}

func TestCleanModuleExitsZero(t *testing.T) {
	_, stderr, code := run(t, "testdata/gormapp", binary(t), "./models")
	if code != 0 || stderr != "" {
		t.Errorf("exit code %d, stderr %q; want 0 and no output for a package without findings", code, stderr)
	}
}

func TestLoadErrorExitsOne(t *testing.T) {
	_, stderr, code := run(t, "testdata/gormapp", binary(t), "./nonexistent/...")
	if code != 1 {
		t.Errorf("exit code %d, want 1 for a pattern that matches nothing; stderr:\n%s", code, stderr)
	}
}

func TestBadFlagExitsTwo(t *testing.T) {
	_, stderr, code := run(t, "testdata/gormapp", binary(t), "-no-such-flag", "./...")
	if code != 2 || !strings.Contains(stderr, "no-such-flag") {
		t.Errorf("exit code %d, stderr %q; want 2 and the flag named", code, stderr)
	}
}

func TestChangeDir(t *testing.T) {
	_, stderr, code := run(t, ".", binary(t), "-C", "testdata/gormapp", "./...")
	if code != 3 || !strings.Contains(stderr, "app/app.go") {
		t.Errorf("-C: exit code %d, stderr:\n%s", code, stderr)
	}
	_, stderr, code = run(t, ".", binary(t), "-C", "testdata/no-such-dir", "./...")
	if code != 2 || !strings.Contains(stderr, "no-such-dir") {
		t.Errorf("-C with a missing directory: exit code %d, stderr %q; want 2", code, stderr)
	}
}
