package main_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// crashed reports how a run failed beyond a normal exit: a panic, an
// analyzer's internal error, or an exit code other than the ones allowed.
func crashed(stdout, stderr string, code int, allowed ...int) string {
	for _, marker := range []string{"panic:", "internal error"} {
		if strings.Contains(stdout, marker) || strings.Contains(stderr, marker) {
			return "output contains " + strconv.Quote(marker)
		}
	}
	for _, c := range allowed {
		if code == c {
			return ""
		}
	}
	return "exit code " + strconv.Itoa(code)
}

// generatedModule writes the benchmark's generated module (bench/gen) at a
// size that keeps the test to a minute, and fetches its dependencies.
func generatedModule(t *testing.T, pkgs, migrations int) (dir string, expected int) {
	t.Helper()
	dir = filepath.Join(t.TempDir(), "gen")
	gen := exec.Command("go", "run", "../../bench/gen", "-out", dir,
		"-pkgs", strconv.Itoa(pkgs), "-migrations", strconv.Itoa(migrations))
	if out, err := gen.CombinedOutput(); err != nil {
		t.Fatalf("bench/gen: %v\n%s", err, out)
	}
	tidy := exec.Command("go", "mod", "tidy")
	tidy.Dir = dir
	if out, err := tidy.CombinedOutput(); err != nil {
		t.Fatalf("go mod tidy: %v\n%s", err, out)
	}
	data, err := os.ReadFile(filepath.Join(dir, "EXPECTED"))
	if err != nil {
		t.Fatal(err)
	}
	expected, err = strconv.Atoi(strings.TrimSpace(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	return dir, expected
}

// TestNoPanicGeneratedModule runs the binary, standalone and under go vet,
// over a generated module with models, get-or-create code, helpers and a
// migrations folder, and wants findings and no crash. scripts/robust.sh does the same at full size and over std.
func TestNoPanicGeneratedModule(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 100-package module; skipped in -short mode")
	}
	dir, expected := generatedModule(t, 100, 600)

	stdout, stderr, code := run(t, dir, binary(t), "./...")
	if why := crashed(stdout, stderr, code, 3); why != "" {
		t.Fatalf("standalone: %s\n%s", why, tail(stderr))
	}
	checkCount(t, "standalone", strings.Count(stderr, "looks up"), expected)

	stdout, stderr, code = run(t, dir, "go", "vet", "-vettool="+binary(t), "./...")
	if why := crashed(stdout, stderr, code, 1); why != "" {
		t.Fatalf("go vet: %s\n%s", why, tail(stderr))
	}
	checkCount(t, "go vet", strings.Count(stderr, "looks up"), expected)
}

// checkCount wants findings; a count other than the generator's is logged,
// not failed: a new check may fire on the generated code, and this test is
// about crashes (the e2e tests pin exact findings).
func checkCount(t *testing.T, mode string, got, want int) {
	t.Helper()
	switch {
	case got == 0:
		t.Errorf("%s: no findings, want %d", mode, want)
	case got != want:
		t.Logf("%s: %d findings, the generator expects %d; update bench/gen if a check changed", mode, got, want)
	}
}

// tail keeps the end of a long output for a failure message.
func tail(s string) string {
	if len(s) > 4000 {
		return "..." + s[len(s)-4000:]
	}
	return s
}
