package raceproof

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/getorcreatelint/getorcreatelint/internal/testdb"
)

func TestMain(m *testing.M) { os.Exit(testdb.Main(m)) }

const exampleDir = "../../examples/race"

// run runs name in dir with extra environment and returns its combined
// output and exit code.
func run(t *testing.T, dir string, env []string, name string, args ...string) (string, int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		return out.String(), exit.ExitCode()
	case err != nil:
		t.Fatalf("%s %v: %v", name, args, err)
	}
	return out.String(), 0
}

var summaryLine = regexp.MustCompile(`(?m)^\s*race_test.go:\d+: (.*rounds=.*)$`)

// TestRaceIsReal runs the example module's tests: on PostgreSQL and on
// SQLite, FirstOrCreate by many goroutines duplicates rows without a unique
// index and leaves one row plus duplicate-key errors with it.
func TestRaceIsReal(t *testing.T) {
	pg := testdb.Postgres(t)
	out, code := run(t, exampleDir, []string{"RACE_POSTGRES_DSN=" + pg.DSN()},
		"go", "test", "-count=1", "-v", "-run", "TestRace", ".")
	for _, m := range summaryLine.FindAllStringSubmatch(out, -1) {
		t.Log(m[1])
	}
	if code != 0 {
		t.Fatalf("go test in %s: exit %d\n%s", exampleDir, code, out)
	}
	for _, name := range []string{"TestRacePostgres", "TestRaceSQLite"} {
		if !strings.Contains(out, "--- PASS: "+name) {
			t.Errorf("%s did not pass (skipped or not run):\n%s", name, out)
		}
	}
}

// TestLinterReportsOnlyTheUnguardedModel builds getorcreatelint and runs it
// on the example: the FirstOrCreate on Account (no unique key) is
// reported, the one on Member (uniqueIndex) is not.
func TestLinterReportsOnlyTheUnguardedModel(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "getorcreatelint")
	if out, code := run(t, ".", nil, "go", "build", "-o", bin, "../../cmd/getorcreatelint"); code != 0 {
		t.Fatalf("building the linter: %s", out)
	}
	out, code := run(t, exampleDir, nil, bin, "./...")
	if code != 3 {
		t.Fatalf("exit %d, want 3 (findings)\n%s", code, out)
	}
	var findings []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if strings.Contains(line, ".go:") {
			findings = append(findings, line)
		}
	}
	if len(findings) != 1 {
		t.Fatalf("want exactly one finding, got %d:\n%s", len(findings), out)
	}
	f := findings[0]
	if !strings.Contains(f, "models.go:") || !strings.Contains(f, "FirstOrCreate on accounts looks up (email)") {
		t.Errorf("finding is not the Account lookup: %s", f)
	}
	if strings.Contains(out, "members") {
		t.Errorf("Member's lookup is backed by its unique index but was reported:\n%s", out)
	}
}
