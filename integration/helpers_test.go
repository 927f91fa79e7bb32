package integration_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
)

// repoRoot is the getorcreatelint checkout this module lives in.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// exampleDir is the bundled example module; expected.txt lists its
// findings.
func exampleDir(t *testing.T) string { return filepath.Join(repoRoot(t), "example") }

// tempDirs are removed when the tests end; they hold binaries shared by
// several tests, which t.TempDir would remove after the first.
var tempDirs []string

func TestMain(m *testing.M) {
	code := m.Run()
	for _, d := range tempDirs {
		os.RemoveAll(d)
	}
	os.Exit(code)
}

// sharedTempDir makes a directory that lives until the tests end.
func sharedTempDir(pattern string) (string, error) {
	dir, err := os.MkdirTemp("", pattern)
	if err == nil {
		tempDirs = append(tempDirs, dir)
	}
	return dir, err
}

var (
	toolOnce sync.Once
	toolPath string
	toolErr  error
)

// tool builds cmd/getorcreatelint once per test process.
func tool(t *testing.T) string {
	t.Helper()
	toolOnce.Do(func() {
		dir, err := sharedTempDir("getorcreatelint-integration")
		if err != nil {
			toolErr = err
			return
		}
		toolPath = filepath.Join(dir, "getorcreatelint")
		cmd := exec.Command("go", "build", "-o", toolPath, "./cmd/getorcreatelint")
		cmd.Dir = filepath.Join("..")
		if out, err := cmd.CombinedOutput(); err != nil {
			toolErr = errors.New(string(out))
		}
	})
	if toolErr != nil {
		t.Fatalf("building getorcreatelint: %v", toolErr)
	}
	return toolPath
}

type result struct {
	stdout, stderr string
	code           int
}

// run executes name with args in dir; env entries are added to the
// environment.
func run(t *testing.T, dir string, env []string, name string, args ...string) result {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := result{stdout: stdout.String(), stderr: stderr.String()}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		r.code = exit.ExitCode()
	case err != nil:
		t.Fatalf("running %s %v: %v", name, args, err)
	}
	return r
}

// needTool returns the path of an external program. A missing program
// skips the test, except in CI (CI=true), where every integration must
// run: there it fails.
func needTool(t *testing.T, name, install string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		unavailable(t, "%s not found (%s)", name, install)
	}
	return path
}

// unavailable skips the test, or fails it in CI.
func unavailable(t *testing.T, format string, args ...any) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf(format, args...)
	}
	t.Skipf(format, args...)
}

// expectedFindings returns the example's expected findings ("file:line:col:
// message" lines), without the related-location lines that follow some.
func expectedFindings(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(exampleDir(t), "expected.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if !strings.Contains(l, ": \t") {
			out = append(out, l)
		}
	}
	sort.Strings(out)
	return out
}

// findingLines keeps the "file:line:col: message" lines of a text report,
// with dir's prefix removed from paths, sorted.
func findingLines(out, dir string) []string {
	var lines []string
	for _, l := range strings.Split(out, "\n") {
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		lines = append(lines, strings.ReplaceAll(l, dir+string(filepath.Separator), ""))
	}
	sort.Strings(lines)
	return lines
}

// copyDir copies the regular files of src into dst.
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
