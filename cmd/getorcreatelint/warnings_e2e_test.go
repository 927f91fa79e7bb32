//go:build unix

package main_test

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// schemaWarningModule writes a module with two packages doing a
// get-or-create, and migrations holding a FIFO, a file over the size
// limit, a Latin-1 file and a DO block the reader cannot follow.
func schemaWarningModule(t *testing.T) string {
	t.Helper()
	mod := t.TempDir()
	lookup := func(pkg string) string {
		return `package ` + pkg + `

import (
	"context"
	"database/sql"
	"errors"
)

func TagID(ctx context.Context, db *sql.DB, name string) (int64, error) {
	var id int64
	err := db.QueryRowContext(ctx, "SELECT id FROM tags WHERE name = $1", name).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		err = db.QueryRowContext(ctx, "INSERT INTO tags (name) VALUES ($1) RETURNING id", name).Scan(&id)
	}
	return id, err
}
`
	}
	writeFiles(t, mod, map[string]string{
		"go.mod":                            "module example.com/warned\n\ngo 1.26\n",
		"a/a.go":                            lookup("a"),
		"b/b.go":                            lookup("b"),
		"db/migrations/0001_init.up.sql":    "CREATE TABLE tags (id bigserial PRIMARY KEY, name text NOT NULL);\n",
		"db/migrations/0070_do.up.sql":      "DO $$ BEGIN ALTER TABLE orgs ADD CONSTRAINT orgs_slug UNIQUE (slug); END $$;\n",
		"db/migrations/0080_latin1.up.sql":  "CREATE TABLE notes (id bigserial PRIMARY KEY); -- caf\xe9\n",
		"db/migrations/0060_huge.up.sql":    "",
		"db/migrations/0090_names.down.sql": "DROP TABLE tags;\n",
	})
	if err := syscall.Mkfifo(filepath.Join(mod, "db", "migrations", "0050_fifo.up.sql"), 0o644); err != nil {
		t.Fatal(err)
	}
	// Over the 256 MiB limit without taking the disk space: refused by
	// its size before anything is read.
	if err := os.Truncate(filepath.Join(mod, "db", "migrations", "0060_huge.up.sql"), 257<<20); err != nil {
		t.Fatal(err)
	}
	return mod
}

// The warnings users must see without -schema-debug.
var fileWarnings = []string{
	"getorcreatelint: db/migrations/0050_fifo.up.sql: not a regular file (a named pipe); skipped",
	"getorcreatelint: db/migrations/0060_huge.up.sql: larger than the size limit",
	"getorcreatelint: db/migrations/0080_latin1.up.sql: file is not valid UTF-8; read as Latin-1",
}

const statementWarning = "db/migrations/0070_do.up.sql:1: DO block"

// TestSchemaFileWarningsByDefault: skipped files and files read as Latin-1
// are printed on standard error without -schema-debug, once per process,
// standalone and under go vet; skipped statements only with
// -schema-debug. The findings and the exit code are those of the run
// without warnings.
func TestSchemaFileWarningsByDefault(t *testing.T) {
	mod := schemaWarningModule(t)

	_, stderr, code := run(t, mod, binary(t), "./...")
	if code != 3 || strings.Count(stderr, "on tags looks up (name)") != 2 {
		t.Fatalf("standalone: exit code %d, want 3 and the two findings; stderr:\n%s", code, stderr)
	}
	for _, w := range fileWarnings {
		if n := strings.Count(stderr, w); n != 1 {
			t.Errorf("standalone: %q printed %d times, want once:\n%s", w, n, stderr)
		}
	}
	if strings.Contains(stderr, statementWarning) {
		t.Errorf("standalone: a skipped statement shown without -schema-debug:\n%s", stderr)
	}

	_, stderr, code = run(t, mod, binary(t), "-schema-debug", "./...")
	if code != 3 || !strings.Contains(stderr, statementWarning) {
		t.Errorf("-schema-debug: exit code %d, want 3 and the skipped statement:\n%s", code, stderr)
	}

	_, stderr, code = run(t, mod, "go", "vet", "-vettool="+binary(t), "./...")
	if code != 1 || strings.Count(stderr, "on tags looks up (name)") != 2 {
		t.Fatalf("go vet: exit code %d, want 1 and the two findings; stderr:\n%s", code, stderr)
	}
	for _, w := range fileWarnings {
		if !strings.Contains(stderr, w) {
			t.Errorf("go vet: %q missing:\n%s", w, stderr)
		}
	}
	if strings.Contains(stderr, statementWarning) {
		t.Errorf("go vet: a skipped statement shown without -schema-debug:\n%s", stderr)
	}
}
