package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// toolID is the answer to -V=full from dir.
func toolID(t *testing.T, dir string) string {
	t.Helper()
	t.Chdir(dir)
	var b bytes.Buffer
	if err := printToolID(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func writeFile(t *testing.T, path, content string, at time.Time) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(path, at, at); err != nil {
		t.Fatal(err)
	}
}

// go vet sees a changed migration wherever the schema lives: outside the
// module (sqlc's schema: ../db/migrations, migrations: [../shared]) or
// behind a symbolic link.
func TestVetToolIDCoversSchemaOutsideTheModule(t *testing.T) {
	base := time.Now().Add(-time.Hour)
	top := t.TempDir()
	app := filepath.Join(top, "app")
	writeFile(t, filepath.Join(app, "go.mod"), "module example.com/app\n", base)
	writeFile(t, filepath.Join(app, "sqlc.yaml"), "version: \"2\"\nsql:\n  - engine: postgresql\n    schema: ../db/migrations\n    queries: q.sql\n", base)
	writeFile(t, filepath.Join(app, ".getorcreatelint.yml"), "migrations: [../shared]\n", base)
	sqlcFile := filepath.Join(top, "db", "migrations", "0001_init.up.sql")
	writeFile(t, sqlcFile, "CREATE TABLE coupons (id int PRIMARY KEY, code text UNIQUE);", base)
	sharedFile := filepath.Join(top, "shared", "0001_init.up.sql")
	writeFile(t, sharedFile, "CREATE TABLE tags (id int PRIMARY KEY, name text UNIQUE);", base)
	linkTarget := filepath.Join(top, "elsewhere", "code.sql")
	writeFile(t, linkTarget, "CREATE UNIQUE INDEX coupons_code ON coupons (code);", base)
	if err := os.MkdirAll(filepath.Join(app, "db", "migrations"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(linkTarget, filepath.Join(app, "db", "migrations", "0099_code.up.sql")); err != nil {
		t.Fatal(err)
	}

	id := toolID(t, app)
	if again := toolID(t, app); again != id {
		t.Fatalf("the tool ID changes with nothing changed:\n%s%s", id, again)
	}
	for i, file := range []string{sqlcFile, sharedFile, linkTarget} {
		writeFile(t, file, "-- dropped\nSELECT 1;", base.Add(time.Duration(i+1)*time.Minute))
		next := toolID(t, app)
		if next == id {
			t.Errorf("editing %s left the tool ID unchanged", file)
		}
		id = next
	}
}

// With a live database configured, go vet must never replay a result: the
// database changes without any file changing.
func TestVetToolIDNeverRepeatsWithADSN(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "go.mod"), "module example.com/app\n", time.Now())
	t.Setenv(dsnEnv, "")
	if a, b := toolID(t, dir), toolID(t, dir); a != b {
		t.Errorf("without a dsn the tool ID changes between runs: %s, %s", a, b)
	}
	t.Setenv(dsnEnv, "postgres://app@127.0.0.1:5432/app")
	if a, b := toolID(t, dir), toolID(t, dir); a == b {
		t.Errorf("the tool ID repeats with $%s set: %s", dsnEnv, a)
	}
}
