package main_test

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// snapshot returns every file under dir with its content.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[rel] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// added lists the files of after that before lacks, or that differ.
func added(before, after map[string]string) []string {
	var out []string
	for name, content := range after {
		if old, ok := before[name]; !ok || old != content {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// The example's golang-migrate directory: the dry run prints the two
// migrations and writes nothing; the run writes them, with down files
// that drop exactly the index; the linter, replaying the directory,
// then no longer reports the two lookups.
func TestFixMigrationsGolangMigrate(t *testing.T) {
	mod := copyModule(t, "../../example")
	before := snapshot(t, mod)

	stdout, stderr, code := run(t, mod, binary(t), "fix-migrations", "-dry-run", "./...")
	if code != 3 {
		t.Fatalf("dry run: exit %d, want 3 (findings on tables without migrations remain)\n%s", code, stderr)
	}
	if got := added(before, snapshot(t, mod)); len(got) > 0 {
		t.Fatalf("the dry run wrote %v", got)
	}
	for _, want := range []string{
		"==> db/migrations/0004_idx_coupons_code.up.sql (new file)\n",
		"CREATE UNIQUE INDEX CONCURRENTLY idx_coupons_code ON coupons (code);\n",
		"==> db/migrations/0004_idx_coupons_code.down.sql (new file)\nDROP INDEX CONCURRENTLY idx_coupons_code;\n",
		"==> db/migrations/0005_idx_tags_name.up.sql (new file)\n",
		"CREATE UNIQUE INDEX CONCURRENTLY idx_tags_name ON tags (name);\n",
		"==> db/migrations/0005_idx_tags_name.down.sql (new file)\nDROP INDEX CONCURRENTLY idx_tags_name;\n",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("dry run output lacks %q:\n%s", want, stdout)
		}
	}
	if !strings.Contains(stderr, "would write 4 files for 2 of 5 findings; 3 left (-dry-run: nothing was written)") {
		t.Errorf("dry run summary:\n%s", stderr)
	}

	_, stderr, code = run(t, mod, binary(t), "fix-migrations", "./...")
	if code != 3 {
		t.Fatalf("fix-migrations: exit %d, want 3\n%s", code, stderr)
	}
	want := []string{
		"db/migrations/0004_idx_coupons_code.down.sql", "db/migrations/0004_idx_coupons_code.up.sql",
		"db/migrations/0005_idx_tags_name.down.sql", "db/migrations/0005_idx_tags_name.up.sql",
	}
	after := snapshot(t, mod)
	if got := added(before, after); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("fix-migrations wrote %v, want %v", got, want)
	}
	if got := after["db/migrations/0005_idx_tags_name.down.sql"]; got != "DROP INDEX CONCURRENTLY idx_tags_name;\n" {
		t.Errorf("0005 down: %q", got)
	}
	checkFindingsGone(t, mod, "on coupons looks up (code)", "on tags looks up (name)")

	// A second run finds nothing more to write for those tables.
	_, stderr, _ = run(t, mod, binary(t), "fix-migrations", "./...")
	if !strings.Contains(stderr, "wrote 0 files") {
		t.Errorf("second run:\n%s", stderr)
	}
	if got := added(after, snapshot(t, mod)); len(got) > 0 {
		t.Errorf("the second run wrote %v", got)
	}
}

// checkFindingsGone runs the linter on mod and fails if it still reports
// any of gone.
func checkFindingsGone(t *testing.T, mod string, gone ...string) {
	t.Helper()
	_, stderr, _ := run(t, mod, binary(t), "./...")
	for _, g := range gone {
		if strings.Contains(stderr, g) {
			t.Errorf("after the migration the linter still reports %q:\n%s", g, stderr)
		}
	}
	if !strings.Contains(stderr, "on memberships looks up (user_id)") {
		t.Errorf("the finding on a table without migrations should remain:\n%s", stderr)
	}
}

// The example's migrations rewritten for the tools that keep Up and Down
// sections in one file. The new migration is written in the same tool's
// format, with the transaction turned off for CREATE INDEX CONCURRENTLY.
func TestFixMigrationsSectionFormats(t *testing.T) {
	const (
		why  = "-- Backs get-or-create on tags (name): concurrent inserts of the same row now conflict instead of adding a duplicate.\n"
		up   = "CREATE UNIQUE INDEX CONCURRENTLY idx_tags_name ON tags (name);\n"
		down = "DROP INDEX CONCURRENTLY idx_tags_name;\n"
	)
	for _, tool := range []struct {
		name, up, down, want string
	}{
		{"goose", "-- +goose Up", "-- +goose Down",
			"-- +goose NO TRANSACTION\n-- +goose Up\n" + why + up + "\n-- +goose Down\n" + down},
		{"dbmate", "-- migrate:up", "-- migrate:down",
			"-- migrate:up transaction:false\n" + why + up + "\n-- migrate:down transaction:false\n" + down},
		{"sql-migrate", "-- +migrate Up", "-- +migrate Down",
			"-- +migrate Up notransaction\n" + why + up + "\n-- +migrate Down notransaction\n" + down},
	} {
		t.Run(tool.name, func(t *testing.T) {
			mod := copyModule(t, "../../example")
			rewriteSections(t, filepath.Join(mod, "db", "migrations"), tool.up, tool.down)
			before := snapshot(t, mod)
			_, stderr, code := run(t, mod, binary(t), "fix-migrations", "./...")
			if code != 3 {
				t.Fatalf("fix-migrations: exit %d, want 3\n%s", code, stderr)
			}
			after := snapshot(t, mod)
			want := []string{"db/migrations/0004_idx_coupons_code.sql", "db/migrations/0005_idx_tags_name.sql"}
			if got := added(before, after); strings.Join(got, " ") != strings.Join(want, " ") {
				t.Fatalf("fix-migrations wrote %v, want %v\n%s", got, want, stderr)
			}
			if got := after["db/migrations/0005_idx_tags_name.sql"]; got != tool.want {
				t.Errorf("%s migration:\n%s\nwant:\n%s", tool.name, got, tool.want)
			}
			checkFindingsGone(t, mod, "on coupons looks up (code)", "on tags looks up (name)")
		})
	}
}

// rewriteSections turns a golang-migrate directory (x.up.sql, x.down.sql)
// into one file per version with up and down section markers.
func rewriteSections(t *testing.T, dir, upMarker, downMarker string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	ups := map[string]string{}
	downs := map[string]string{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if base, isDown := strings.CutSuffix(e.Name(), ".down.sql"); isDown {
			downs[base] = string(b)
		} else {
			ups[strings.TrimSuffix(e.Name(), ".up.sql")] = string(b)
		}
		if err := os.Remove(filepath.Join(dir, e.Name())); err != nil {
			t.Fatal(err)
		}
	}
	for base, up := range ups {
		content := upMarker + "\n" + up + "\n" + downMarker + "\n" + downs[base]
		if err := os.WriteFile(filepath.Join(dir, base+".sql"), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// Linting, -fix and -diff never write a migration: only fix-migrations
// does.
func TestNothingWrittenWithoutFixMigrations(t *testing.T) {
	mod := copyModule(t, "../../example")
	before := snapshot(t, filepath.Join(mod, "db"))
	for _, args := range [][]string{{"./..."}, {"-fix", "./..."}, {"-diff", "./..."}, {"-format", "sarif", "./..."}} {
		_, stderr, code := run(t, mod, binary(t), args...)
		if code == 2 {
			t.Fatalf("%v: usage error\n%s", args, stderr)
		}
		if got := added(before, snapshot(t, filepath.Join(mod, "db"))); len(got) > 0 {
			t.Errorf("%v wrote migrations %v", args, got)
		}
	}
}
