package main_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// schemaSnapshot writes "getorcreatelint schema -json" of mod to a file
// and returns its path.
func schemaSnapshot(t *testing.T, mod string) string {
	t.Helper()
	stdout, stderr, code := run(t, mod, binary(t), "schema", "-json")
	if code != 0 {
		t.Fatalf("schema -json: exit code %d; stderr:\n%s", code, stderr)
	}
	file := filepath.Join(t.TempDir(), "schema.json")
	if err := os.WriteFile(file, []byte(stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// TestSchemaSnapshotReproducesDiscovery: the snapshot schema -json prints,
// given back with -schema-file, yields the same report, byte for byte, as
// discovering and reading the migrations, standalone and under go vet.
func TestSchemaSnapshotReproducesDiscovery(t *testing.T) {
	snapshot := schemaSnapshot(t, exampleDir)
	for _, mode := range []struct {
		name string
		cmd  []string
		code int
	}{
		{"standalone", []string{binary(t), "-C", exampleDir}, 3},
		{"go vet", []string{"go", "vet", "-vettool=" + binary(t)}, 1},
	} {
		t.Run(mode.name, func(t *testing.T) {
			dir := "."
			if mode.name == "go vet" {
				dir = exampleDir
			}
			args := append(mode.cmd[1:], "./...")
			stdout, stderr, code := run(t, dir, mode.cmd[0], args...)
			if code != mode.code || !strings.Contains(stderr, "no unique constraint covers it") {
				t.Fatalf("discovery: exit code %d, want %d with findings; stderr:\n%s", code, mode.code, stderr)
			}
			args = append(mode.cmd[1:], "-schema-file="+snapshot, "./...")
			stdout2, stderr2, code2 := run(t, dir, mode.cmd[0], args...)
			if code2 != code || stdout2 != stdout || stderr2 != stderr {
				t.Errorf("-schema-file: exit code %d, stdout:\n%s\nstderr:\n%s\nwant exit code %d, stdout:\n%s\nstderr:\n%s",
					code2, stdout2, stderr2, code, stdout, stderr)
			}
		})
	}
}

// TestSchemaFileReplacesTheMigrations: with -schema-file the migrations
// are neither discovered nor read. A copy of the example module whose
// migration directory is gone reports exactly what the original does, the
// snapshot named relative to the module root, from the configuration file.
func TestSchemaFileReplacesTheMigrations(t *testing.T) {
	snapshot := schemaSnapshot(t, exampleDir)
	mod := copyModule(t, exampleDir)
	data, err := os.ReadFile(snapshot)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(mod, "schema.json"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(mod, ".getorcreatelint.yml"), []byte("schema-file: schema.json\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(filepath.Join(mod, "db", "migrations")); err != nil {
		t.Fatal(err)
	}
	_, want, wantCode := run(t, exampleDir, binary(t), "./...")
	_, got, code := run(t, mod, binary(t), "./...")
	if code != wantCode || strings.Join(diagnosticLines(got, mod), "\n") != strings.Join(diagnosticLines(want, exampleDir), "\n") {
		t.Errorf("without migrations, from the snapshot: exit code %d:\n%s\nwant exit code %d:\n%s", code, got, wantCode, want)
	}

	// The snapshot replaces the sources: naming one besides it is an error.
	_, stderr, code := run(t, mod, binary(t), "-migrations=db", "./...")
	if code != 1 || !strings.Contains(stderr, "drop -migrations and -dsn") {
		t.Errorf("-schema-file with -migrations: exit code %d, stderr:\n%s\nwant 1 and the conflict", code, stderr)
	}
}

// TestSchemaFileErrors: a missing, refused or malformed snapshot fails the
// run with an error naming it.
func TestSchemaFileErrors(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "old.json")
	if err := os.WriteFile(old, []byte(`[{"table": "users", "unique": []}]`), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ file, want string }{
		{filepath.Join(dir, "missing.json"), "no such file"},
		{"/dev/zero", "not a regular file"},
		{old, "not a schema snapshot"},
	} {
		_, stderr, code := run(t, ".", binary(t), "-C", exampleDir, "-schema-file="+c.file, "./...")
		if code != 1 || !strings.Contains(stderr, c.file) || !strings.Contains(stderr, c.want) {
			t.Errorf("-schema-file=%s: exit code %d, stderr:\n%s\nwant 1, the file and %q", c.file, code, stderr, c.want)
		}
	}
}
