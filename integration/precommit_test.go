//go:build integration

package integration_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The hooks of .pre-commit-hooks.yaml, run by Debian's pre-commit with
// `pre-commit try-repo` (which installs the hooks from this checkout,
// including uncommitted changes to tracked files) on a git repository
// holding a copy of the example module.

// sampleRepo makes a git repository with a copy of the example module;
// drop lists files to leave out.
func sampleRepo(t *testing.T, drop ...string) string {
	t.Helper()
	dir := t.TempDir()
	copyDir(t, exampleDir(t), dir)
	for _, d := range drop {
		if err := os.RemoveAll(filepath.Join(dir, d)); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{{"init", "-q"}, {"add", "."}} {
		if r := run(t, dir, gitIdentity, "git", args...); r.code != 0 {
			t.Fatalf("git %v: %s", args, r.stderr)
		}
	}
	return dir
}

// try-repo commits uncommitted changes of the hook repository into a
// scratch clone, which needs an identity.
var gitIdentity = []string{
	"GIT_AUTHOR_NAME=test", "GIT_AUTHOR_EMAIL=test@example.com",
	"GIT_COMMITTER_NAME=test", "GIT_COMMITTER_EMAIL=test@example.com",
}

// tryRepo runs one hook of this checkout on repo with a fresh pre-commit
// cache. The module cache is shared with the go command's, so that
// installing the hook does not download every module again.
func tryRepo(t *testing.T, repo, hook string) result {
	t.Helper()
	needTool(t, "pre-commit", "apt-get install pre-commit; .ci/install-services.sh installs it")
	modcache := run(t, repoRoot(t), nil, "go", "env", "GOMODCACHE").stdout
	env := append([]string{
		"PRE_COMMIT_HOME=" + t.TempDir(),
		"GOMODCACHE=" + strings.TrimSpace(modcache),
	}, gitIdentity...)
	start := time.Now()
	r := run(t, repo, env, "pre-commit", "try-repo", repoRoot(t), hook, "--all-files", "--color=never")
	t.Logf("pre-commit try-repo %s: %s", hook, time.Since(start).Round(time.Second))
	return r
}

func TestPreCommitManifestIsValid(t *testing.T) {
	needTool(t, "pre-commit", "apt-get install pre-commit")
	r := run(t, repoRoot(t), nil, "pre-commit", "validate-manifest", ".pre-commit-hooks.yaml")
	if r.code != 0 {
		t.Errorf("validate-manifest: exit code %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

func TestPreCommitHooks(t *testing.T) {
	for _, tc := range []struct {
		hook string
		code string // the exit code pre-commit reports for the hook
	}{
		{"getorcreatelint", "3"},
		{"getorcreatelint-vet", "1"}, // go vet exits 1 on findings
	} {
		t.Run(tc.hook, func(t *testing.T) {
			repo := sampleRepo(t)
			r := tryRepo(t, repo, tc.hook)
			out := r.stdout + r.stderr
			if r.code != 1 || !strings.Contains(out, "Failed") || !strings.Contains(out, "- exit code: "+tc.code) {
				t.Fatalf("pre-commit exit code %d, want 1 with the hook failed (exit code %s):\n%s", r.code, tc.code, out)
			}
			// Standalone prints absolute paths, go vet relative ones.
			out = strings.ReplaceAll(out, repo+string(filepath.Separator), "")
			for _, f := range expectedFindings(t) {
				if !strings.Contains(out, f) {
					t.Errorf("finding missing from the hook's output: %s\n%s", f, out)
				}
			}
		})
	}
}

func TestPreCommitHookPassesOnCleanCode(t *testing.T) {
	repo := sampleRepo(t, "store") // the package with the get-or-create code
	r := tryRepo(t, repo, "getorcreatelint")
	out := r.stdout + r.stderr
	if r.code != 0 || !strings.Contains(out, "Passed") {
		t.Errorf("pre-commit exit code %d, want 0 with the hook passed:\n%s", r.code, out)
	}
}

// The README's local-hook configuration, exactly as written there, works
// with the binary on PATH: it fails on the example's findings and passes
// on clean code.
func TestPreCommitReadmeLocalHook(t *testing.T) {
	needTool(t, "pre-commit", "apt-get install pre-commit")
	readme, err := os.ReadFile(filepath.Join(repoRoot(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, block, ok := strings.Cut(string(readme), "<!-- pre-commit-local:start -->\n```yaml\n")
	block, _, ok2 := strings.Cut(block, "```\n<!-- pre-commit-local:end -->")
	if !ok || !ok2 {
		t.Fatal("README has no pre-commit-local block")
	}
	path := "PATH=" + filepath.Dir(tool(t)) + string(os.PathListSeparator) + os.Getenv("PATH")
	for _, tc := range []struct {
		drop    []string
		code    int
		want    string
		finding bool
	}{
		{nil, 1, "Failed", true},
		{[]string{"store"}, 0, "Passed", false},
	} {
		repo := sampleRepo(t, tc.drop...)
		if err := os.WriteFile(filepath.Join(repo, ".pre-commit-config.yaml"), []byte(block), 0o644); err != nil {
			t.Fatal(err)
		}
		run(t, repo, gitIdentity, "git", "add", ".pre-commit-config.yaml")
		env := append([]string{path, "PRE_COMMIT_HOME=" + t.TempDir()}, gitIdentity...)
		r := run(t, repo, env, "pre-commit", "run", "--all-files", "--color=never")
		out := r.stdout + r.stderr
		if r.code != tc.code || !strings.Contains(out, tc.want) {
			t.Fatalf("drop %v: pre-commit exit %d, want %d and %q:\n%s", tc.drop, r.code, tc.code, tc.want, out)
		}
		if tc.finding && !strings.Contains(out, "no unique constraint covers it") {
			t.Errorf("the hook's output lacks the findings:\n%s", out)
		}
	}
}
