package main_test

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "modernc.org/sqlite"
)

// Usage mistakes are errors with exit code 2 and a short message, never a
// lint run with the mistake taken for a package.
func TestUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{nil, "usage: getorcreatelint"},
		{[]string{"verison"}, "did you mean version?"},
		{[]string{"./...", "-strict"}, "flag -strict after the package patterns"},
		{[]string{"-dsn", "x.db", "schema"}, "flags go after the subcommand"},
		{[]string{"help", "no-such-check"}, `no check "no-such-check"`},
	} {
		stdout, stderr, code := run(t, exampleDir, binary(t), tc.args...)
		if code != 2 || !strings.Contains(stderr, tc.want) || strings.Contains(stderr, "looks up") {
			t.Errorf("%q: exit %d, stderr %q, stdout %q; want 2 and %q", tc.args, code, stderr, stdout, tc.want)
		}
		if n := strings.Count(stderr, "\n"); n > 6 {
			t.Errorf("%q: %d lines of error, want a short one:\n%s", tc.args, n, stderr)
		}
	}
}

func TestVersionAndHelp(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"-version"}} {
		stdout, _, code := run(t, exampleDir, binary(t), args...)
		if code != 0 || !strings.HasPrefix(stdout, "getorcreatelint ") || !strings.Contains(stdout, "go1.") {
			t.Errorf("%q: exit %d, %q", args, code, stdout)
		}
	}
	_, stderr, code := run(t, exampleDir, binary(t), "-help")
	if code != 0 || !strings.Contains(stderr, "-format") || !strings.Contains(stderr, "get-or-create") || strings.Contains(stderr, "\n  -source") {
		t.Errorf("-help: exit %d:\n%s", code, stderr)
	}
	stdout, _, code := run(t, exampleDir, binary(t), "help", "upsert-target")
	if code != 0 || !strings.Contains(stdout, "ON CONFLICT") || !strings.Contains(stdout, "What to do") {
		t.Errorf("help upsert-target: exit %d:\n%s", code, stdout)
	}
}

// A bad flag value under go vet is reported once for the whole run, in one
// short line: not for each package vetted, nor for the dependencies go vet
// also runs the tool on.
func TestGoVetBadFlagValueIsShort(t *testing.T) {
	_, stderr, code := run(t, "testdata/gormapp", "go", "vet", "-vettool="+binary(t), "-categories=bogus", "./...")
	if code == 0 || !strings.Contains(stderr, `unknown category "bogus"`) {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	reported := map[string]bool{}
	for _, line := range strings.Split(stderr, "\n") {
		if strings.HasPrefix(line, "# ") {
			reported[line] = true
		} else if line != "" && !strings.HasPrefix(line, "getorcreatelint: invalid value \"bogus\" for flag -categories") {
			t.Errorf("unexpected output line %q", line)
		}
	}
	if len(reported) != 1 {
		t.Errorf("the error is reported for %d packages, want 1:\n%s", len(reported), stderr)
	}
}

// The repository's configuration file cannot choose the database -dsn
// connects to; the environment variable can, and the flag wins over it.
func TestDSNOnlyFromFlagOrEnvironment(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "shop.db")
	db, err := sql.Open("sqlite", dbPath)
	if err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{
		"CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL)",
		"CREATE UNIQUE INDEX tags_name ON tags (name)",
	} {
		if _, err := db.Exec(stmt); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()

	mod := copyModule(t, exampleDir)
	os.WriteFile(filepath.Join(mod, ".getorcreatelint.yml"), []byte("dsn: sqlite://"+dbPath+"\n"), 0o644)
	for _, args := range [][]string{{"./store"}, {"schema", "./store"}} {
		_, stderr, code := run(t, mod, binary(t), args...)
		if code != 2 || !strings.Contains(stderr, `"dsn" cannot be set in the configuration file`) || !strings.Contains(stderr, "GETORCREATELINT_DSN") {
			t.Errorf("%q with dsn in the file: exit %d, stderr %q; want 2 and the reason", args, code, stderr)
		}
	}
	_, stderr, _ := run(t, mod, "go", "vet", "-vettool="+binary(t), "./store")
	if !strings.Contains(stderr, `"dsn" cannot be set`) {
		t.Errorf("go vet with dsn in the file: %s", stderr)
	}

	os.Remove(filepath.Join(mod, ".getorcreatelint.yml"))
	t.Setenv("GETORCREATELINT_DSN", "sqlite://"+dbPath)
	_, stderr, _ = run(t, mod, binary(t), "./store")
	if strings.Contains(stderr, "on tags looks up (name)") {
		t.Errorf("$GETORCREATELINT_DSN not used: the database's index backs the tags lookup:\n%s", stderr)
	}
	_, stderr, _ = run(t, mod, binary(t), "-dsn", "", "./store")
	if !strings.Contains(stderr, "on tags looks up (name)") {
		t.Errorf("-dsn= must override $GETORCREATELINT_DSN:\n%s", stderr)
	}
}

// Identifiers with line breaks in the linted code must not produce
// workflow commands anywhere in what -format github prints.
func TestGitHubOutputCannotBeInjected(t *testing.T) {
	mod := copyModule(t, "testdata/gormapp")
	evil := `x\n::error file=README.md,line=1::INJECTED\n::add-mask::abc\n##[error]legacy`
	writeFiles(t, mod, map[string]string{
		"evil/evil.go": `package evil

import (
	"context"
	"database/sql"
	"errors"
)

func ID(ctx context.Context, db *sql.DB, code string) (int64, error) {
	var id int64
	err := db.QueryRowContext(ctx, "SELECT id FROM \"` + evil + `\" WHERE code = $1", code).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		err = db.QueryRowContext(ctx, "INSERT INTO \"` + evil + `\" (code) VALUES ($1) RETURNING id", code).Scan(&id)
	}
	return id, err
}
`,
	})
	stdout, stderr, code := run(t, mod, binary(t), "-strict", "-format", "github", "./evil")
	if code != 3 {
		t.Fatalf("exit %d, want 3 (a finding); stderr:\n%s", code, stderr)
	}
	if !strings.Contains(stdout+stderr, "injected") {
		t.Fatalf("the table name does not reach the output; the test proves nothing:\n%s\n%s", stdout, stderr)
	}
	for _, line := range strings.Split(stdout+stderr, "\n") {
		trimmed := strings.TrimLeft(line, " \t")
		if strings.HasPrefix(trimmed, "##[") || (strings.HasPrefix(trimmed, "::") && !strings.HasPrefix(trimmed, "::error file=evil/evil.go,") && !strings.HasPrefix(trimmed, "::warning file=evil/evil.go,")) {
			t.Errorf("a workflow command from the linted code: %q", line)
		}
	}
}

// A root-level file whose name holds a colon is a relative reference in
// SARIF, not a URI with a scheme.
func TestSARIFColonInFileName(t *testing.T) {
	mod := copyModule(t, "testdata/gormapp")
	os.MkdirAll(filepath.Join(mod, ".git"), 0o755)
	src, err := os.ReadFile(filepath.Join(mod, "app", "app.go"))
	if err != nil {
		t.Fatal(err)
	}
	writeFiles(t, mod, map[string]string{"x:y.go": strings.Replace(string(src), "package app", "package gormapp", 1)})
	stdout, stderr, _ := run(t, mod, binary(t), "-format", "sarif", ".")
	if !strings.Contains(stdout, `"uri": "./x:y.go"`) {
		t.Errorf("want the uri ./x:y.go:\n%.3000s\n%s", stdout, stderr)
	}
}

// -C works after the schema subcommand as before it.
func TestSchemaChangeDir(t *testing.T) {
	for _, args := range [][]string{{"-C", exampleDir, "schema"}, {"schema", "-C", exampleDir}} {
		stdout, stderr, code := run(t, ".", binary(t), args...)
		if code != 0 || !strings.Contains(stdout, "coupons") {
			t.Errorf("%q: exit %d, stdout %q, stderr %q", args, code, stdout, stderr)
		}
	}
}
