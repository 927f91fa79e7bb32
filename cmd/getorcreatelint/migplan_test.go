package main

import (
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis/checker"

	"github.com/getorcreatelint/getorcreatelint/analyzer"
	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/migrations"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

func TestPlanMigrationsGroupsAndRefuses(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "migrations")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, content := range map[string]string{
		"0001_init.up.sql":   "CREATE TABLE tags (id bigserial PRIMARY KEY, name text NOT NULL, kind text NOT NULL, deleted_at timestamptz);",
		"0001_init.down.sql": "DROP TABLE tags;",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	d := &migrations.Dir{Path: "migrations", Dialect: sqlscan.SQLite}
	at := func(line int) token.Position { return token.Position{Filename: "a.go", Line: line, Column: 2} }
	name := []schema.Term{{Column: "name"}}
	findings := []analyzer.Finding{
		{Pos: at(3), Table: "tags", Key: name, Where: []string{"deleted_at IS NULL"}, SoftDelete: "deleted_at", Dialect: sqlscan.SQLite, Dir: d, Root: root},
		{Pos: at(1), Table: "tags", Key: name, Where: []string{"deleted_at IS NULL"}, SoftDelete: "deleted_at", Dialect: sqlscan.SQLite, Dir: d, Root: root},
		{Pos: at(2), Table: "tags", Key: []schema.Term{{Column: "kind"}}, Dialect: sqlscan.SQLite, Dir: d, Root: root},
		{Pos: at(4), Table: "users", Key: name, Dialect: sqlscan.SQLite, Root: root},
		{Pos: at(5), Table: "tags", Key: []schema.Term{{Column: "name", MayBeNull: true}}, Dialect: sqlscan.SQLite, Dir: d, Root: root},
		{Pos: at(6), Table: "tags", Key: name, SoftDelete: "deleted_at", Dialect: sqlscan.MySQL, Dir: d, Root: root},
		{Pos: at(7), Table: "tags", Key: name, Dir: &migrations.Dir{Path: "migrations"}, Root: root},
	}
	findings = append(findings, findings[3]) // the test variant of a package reports it again
	plan := planMigrations(findings, func() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) })
	if len(plan.dirs) != 1 || plan.dirs[0].err != nil {
		t.Fatalf("plan: %+v", plan.dirs)
	}
	files := plan.dirs[0].files
	if len(files) != 2 || filepath.Base(files[0].Path) != "0002_unique_indexes_tags.up.sql" {
		t.Fatalf("one migration for the table's two indexes, got %v", files)
	}
	up := files[0].Content
	if strings.Count(up, "CREATE UNIQUE INDEX") != 2 || !strings.Contains(up, "idx_tags_name ON tags (name) WHERE deleted_at IS NULL;") {
		t.Errorf("up migration (the same index from two lookups once):\n%s", up)
	}
	if files[1].Content != "DROP INDEX idx_tags_kind;\nDROP INDEX idx_tags_name;\n" {
		t.Errorf("down migration:\n%s", files[1].Content)
	}
	var reasons []string
	for _, l := range plan.left {
		reasons = append(reasons, l.f.Pos.String()+": "+l.reason)
	}
	got := strings.Join(reasons, "\n")
	if len(reasons) != 4 {
		t.Errorf("%d findings left, want 4 (each once):\n%s", len(reasons), got)
	}
	for _, want := range []string{"a.go:4:2: no migration directory describes table users", "a.go:5:2: the lookup can compare name with NULL",
		"a.go:6:2: MySQL has no partial indexes", "a.go:7:2: the SQL dialect of migrations is unknown; set -dialect"} {
		if !strings.Contains(got, want) {
			t.Errorf("left findings lack %q:\n%s", want, got)
		}
	}
}

// A directory migwrite does not write to (one schema file) leaves its
// findings, exit 3, rather than failing the run.
func TestPlanMigrationsSchemaFileIsRefused(t *testing.T) {
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "schema.sql"), []byte("CREATE TABLE tags (id int PRIMARY KEY, name text);"), 0o644); err != nil {
		t.Fatal(err)
	}
	f := analyzer.Finding{Pos: token.Position{Filename: "a.go", Line: 1}, Table: "tags", Key: []schema.Term{{Column: "name"}},
		Dialect: sqlscan.Postgres, Dir: &migrations.Dir{Path: "schema.sql", Dialect: sqlscan.Postgres}, Root: root}
	plan := planMigrations([]analyzer.Finding{f}, time.Now)
	if len(plan.dirs) != 1 || plan.dirs[0].err == nil || !plan.dirs[0].refused {
		t.Fatalf("plan for a schema file: %+v", plan.dirs)
	}
	var out, log strings.Builder
	r := &outcome{graph: &checker.Graph{}, findings: []finding{{Category: "get-or-create", Message: "unbacked", Start: f.Pos}}}
	if code := writeMigrations(plan, r, false, &out, &log); code != 3 || !strings.Contains(log.String(), "no migration written for tags(name)") {
		t.Errorf("exit %d, log:\n%s", code, log.String())
	}
}
