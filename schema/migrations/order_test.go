package migrations

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// writeTree creates files (path -> content) under a new temporary
// directory and returns it.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for p, content := range files {
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func fileOrder(t *testing.T, dir string, d sqlscan.Dialect) string {
	t.Helper()
	files, err := orderedFiles(dir, d)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		names = append(names, f.rel)
	}
	return strings.Join(names, " ")
}

func TestOrderedFiles(t *testing.T) {
	tests := []struct {
		name  string
		files []string
		d     sqlscan.Dialect
		want  string
	}{
		{"numeric, 10 after 9, down skipped", []string{"10_c.up.sql", "9_b.up.sql", "1_a.up.sql", "1_a.down.sql", "README.md"},
			generic, "1_a.up.sql 9_b.up.sql 10_c.up.sql"},
		{"goose zero-padded", []string{"00010_c.sql", "00002_b.sql", "00001_a.sql"}, generic, "00001_a.sql 00002_b.sql 00010_c.sql"},
		{"timestamps longer than int64", []string{"20260408000000000000_x.sql", "20210817181232000005_y.sql", "9_z.sql"},
			generic, "9_z.sql 20210817181232000005_y.sql 20260408000000000000_x.sql"},
		{"flyway", []string{"V2__d.sql", "V1_10__c.sql", "V1_2__b.sql", "V1__a.sql", "R__views.sql", "U2__undo.sql", "V1.5__e.sql"},
			generic, "V1__a.sql V1_2__b.sql V1.5__e.sql V1_10__c.sql V2__d.sql R__views.sql"},
		{"unversioned first", []string{"2_b.sql", "schema.sql", "1_a.sql"}, generic, "schema.sql 1_a.sql 2_b.sql"},
		{"goose Go files among .sql ones; tests and ignored files skipped",
			[]string{"00010_d.sql", "00002_b.go", "00001_a.sql", "00003_c.go", "migrate.go", "x_test.go", "_old.go", ".x.go", "0.1/01__e.go"},
			generic, "migrate.go 00001_a.sql 00002_b.go 00003_c.go 00010_d.sql"},
		{"semver subdirectories", []string{"0.10/02__c.sql", "0.9/01__a.sql", "0.10/01__b.sql", "0.27/01__d.sql", "prod/x.sql"},
			generic, "0.9/01__a.sql 0.10/01__b.sql 0.10/02__c.sql 0.27/01__d.sql"},
		{"LATEST.sql beside version directories is used alone", []string{"0.9/01__a.sql", "LATEST.sql"}, generic, "LATEST.sql"},
		{"twins for postgres", []string{"1_a.postgres.up.sql", "1_a.mysql.up.sql", "1_a.sqlite3.up.sql", "1_a.up.sql", "2_b.up.sql", "3_c.cockroach.up.sql", "3_c.up.sql"},
			pg, "1_a.postgres.up.sql 2_b.up.sql 3_c.up.sql"},
		{"twins for mysql", []string{"1_a.postgres.up.sql", "1_a.mysql.up.sql", "1_a.sqlite3.up.sql", "1_a.up.sql", "2_b.up.sql"},
			my, "1_a.mysql.up.sql 2_b.up.sql"},
		{"twins for sqlite without untagged file", []string{"1_a.postgres.up.sql", "1_a.sqlite3.up.sql", "2_b.mysql.up.sql"},
			lite, "1_a.sqlite3.up.sql"},
		{"twins without a dialect keep untagged files", []string{"1_a.postgres.up.sql", "1_a.up.sql"}, generic, "1_a.up.sql"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{}
			for _, f := range tt.files {
				files[f] = "SELECT 1;"
			}
			if got := fileOrder(t, writeTree(t, files), tt.d); got != tt.want {
				t.Errorf("order = %s\n want %s", got, tt.want)
			}
		})
	}
}

func TestAtlasSumOrder(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"20240101000000.sql": "SELECT 1;", "20230101000000_b.sql": "SELECT 1;", "extra.sql": "SELECT 1;",
		"atlas.sum": "h1:abc=\n20240101000000.sql h1:x=\n20230101000000_b.sql h1:y=\n",
	})
	if got := fileOrder(t, dir, pg); got != "20240101000000.sql 20230101000000_b.sql extra.sql" {
		t.Errorf("order = %s, want atlas.sum's order, unlisted files last", got)
	}
}

// TestReplayOrderMatters replays a directory whose lexical order would
// drop the wrong key: 10_ must run after 9_.
func TestReplayOrderMatters(t *testing.T) {
	root := writeTree(t, map[string]string{
		"m/1_init.up.sql":      "CREATE TABLE t (a int, b int, UNIQUE (a));",
		"m/9_drop.up.sql":      "ALTER TABLE t DROP CONSTRAINT t_a_key;",
		"m/10_re_add.up.sql":   "ALTER TABLE t ADD CONSTRAINT t_b_key UNIQUE (b);",
		"m/10_re_add.down.sql": "ALTER TABLE t DROP CONSTRAINT t_b_key;",
	})
	cat, err := Load(root, []Dir{{Path: "m", Dialect: pg}})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(keySet(cat, "t"), " | "); got != "t_b_key(b)" {
		t.Errorf("keys = %s, want t_b_key(b)", got)
	}
}

func TestLoadTwins(t *testing.T) {
	root := writeTree(t, map[string]string{
		"sql/1_a.postgres.up.sql": "CREATE TABLE t (a int UNIQUE);",
		"sql/1_a.mysql.up.sql":    "CREATE TABLE t (a int, UNIQUE KEY ua (a));",
		"sql/1_a.sqlite3.up.sql":  "CREATE TABLE t (a int, b int, UNIQUE (a, b));",
	})
	for d, want := range map[sqlscan.Dialect]string{pg: "t_a_key(a)", my: "ua(a)", lite: "(a,b)"} {
		cat, err := Load(root, []Dir{{Path: "sql", Dialect: d}})
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(keySet(cat, "t"), " | "); got != want {
			t.Errorf("%s: keys = %s, want %s", d, got, want)
		}
	}
	// Without a dialect, each twin is replayed and the keys merged; MySQL's
	// ua(a) is identical to t_a_key(a) and merges into it.
	cat, err := Load(root, []Dir{{Path: "sql"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(keySet(cat, "t"), " | "); got != "t_a_key(a) | (a,b)" {
		t.Errorf("generic twins: keys = %s", got)
	}
}

func TestLoadDialectSubdirectories(t *testing.T) {
	root := writeTree(t, map[string]string{
		"store/migration/postgres/LATEST.sql": "CREATE TABLE t (a int UNIQUE);",
		"store/migration/mysql/LATEST.sql":    "CREATE TABLE t (b int, UNIQUE KEY ub (b));",
	})
	for d, want := range map[sqlscan.Dialect]string{pg: "t_a_key(a)", my: "ub(b)", generic: "t_a_key(a) | ub(b)"} {
		cat, err := Load(root, []Dir{{Path: "store/migration", Dialect: d}})
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(keySet(cat, "t"), " | "); got != want {
			t.Errorf("%s: keys = %s, want %s", d, got, want)
		}
	}
}
