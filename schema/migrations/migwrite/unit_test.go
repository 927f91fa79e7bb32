package migwrite

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/migrations"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// The atlas.sum of a real directory, written by atlas itself, is what
// atlasSum computes from its files.
func TestAtlasSumMatchesAtlas(t *testing.T) {
	dir := testdata + "/postgres/replay/KasumiMercury__primind-central-backend"
	want, err := os.ReadFile(filepath.Join(dir, "atlas.sum"))
	if err != nil {
		t.Fatal(err)
	}
	files, err := atlasFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := atlasSum(files); got != string(want) {
		t.Errorf("atlasSum:\n%s\nwant:\n%s", got, want)
	}
}

// A plan keeps atlas.sum consistent: recomputed over the directory after
// Apply it equals the file written, and the old lines are kept.
func TestAtlasSumAfterApply(t *testing.T) {
	dir := copyDir(t, testdata+"/postgres/replay/KasumiMercury__primind-central-backend")
	old, _ := os.ReadFile(filepath.Join(dir, "atlas.sum"))
	files, err := Plan("", migrations.Dir{Path: dir, Dialect: sqlscan.Postgres}, []Index{{Table: "auth_users", Key: key("color")}}, Options{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	if err := Apply(files); err != nil {
		t.Fatal(err)
	}
	now, _ := os.ReadFile(filepath.Join(dir, "atlas.sum"))
	all, _ := atlasFiles(dir)
	if atlasSum(all) != string(now) {
		t.Error("atlas.sum written does not match the directory")
	}
	oldLines := strings.SplitN(string(old), "\n", 2)[1]
	if !strings.Contains(string(now), oldLines) || !strings.HasSuffix(string(now), "20261202150405_idx_auth_users_color.sql h1:"+lastHash(string(now))+"\n") {
		t.Errorf("atlas.sum:\n%s", now)
	}
}

func lastHash(sum string) string {
	lines := strings.Split(strings.TrimSpace(sum), "\n")
	return strings.TrimPrefix(strings.Fields(lines[len(lines)-1])[1], "h1:")
}

// A directory whose atlas.sum is stale is left alone: atlas would refuse
// it anyway, and a sum over files we did not check would hide that.
func TestAtlasStaleSumRefused(t *testing.T) {
	dir := copyDir(t, testdata+"/postgres/replay/KasumiMercury__primind-central-backend")
	if err := os.WriteFile(filepath.Join(dir, "20251129031948.sql"), []byte("-- edited\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Plan("", migrations.Dir{Path: dir, Dialect: sqlscan.Postgres}, []Index{{Table: "auth_users", Key: key("color")}}, Options{Now: fixedNow})
	if err == nil || !strings.Contains(err.Error(), "does not match") {
		t.Fatalf("err = %v, want a stale atlas.sum refusal", err)
	}
}

func TestNextVersion(t *testing.T) {
	now := time.Date(2026, 12, 2, 15, 4, 5, 0, time.UTC)
	for _, tc := range []struct{ last, want string }{
		{"0003", "0004"},
		{"0009", "0010"},
		{"9", "10"},
		{"99", "100"},
		{"00024", "00025"},
		{"1_2", "1_3"},
		{"1.9", "1.10"},
		{"2_0_01", "2_0_02"},
		{"20240101", "20261202"},
		{"202401011200", "202612021504"},
		{"20240101120000", "20261202150405"},
		{"20210817181232000005", "20261202150405000000"},
		{"20991231235959", "20991231235960"}, // a version from the future: just after it
		{"12345678", "12345679"},             // not a date
	} {
		if got := parseVersion(tc.last).Next(now).String(); got != tc.want {
			t.Errorf("Next(%s) = %s, want %s", tc.last, got, tc.want)
		}
	}
}

// goose numbers its Go migrations with the .sql ones: the next version
// follows both.
func TestGooseGoMigrationsShareNumbers(t *testing.T) {
	dir := writeDir(t, map[string]string{
		"00001_init.sql": "-- +goose Up\nCREATE TABLE tags (id int PRIMARY KEY, name text);\n",
		"00002_seed.go":  "package migrations\n",
		"main_test.go":   "package migrations\n",
	})
	files, err := Plan("", migrations.Dir{Path: dir, Dialect: sqlscan.Postgres}, []Index{{Table: "tags", Key: key("name")}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := baseNames(files); len(got) != 1 || got[0] != "00003_idx_tags_name.sql" {
		t.Errorf("files %q, want 00003_idx_tags_name.sql", got)
	}
}

func TestDetectRefusesWhatItCannotNumber(t *testing.T) {
	for name, files := range map[string]map[string]string{
		"plain schema":      {"schema.sql": "CREATE TABLE t (id int);"},
		"per-dialect twins": {"1_a.postgres.up.sql": "CREATE TABLE t (id int);", "1_a.mysql.up.sql": "CREATE TABLE t (id int);"},
		"go migrations":     {"00001_init.go": "package migrations"},
	} {
		dir := writeDir(t, files)
		if _, err := Detect(dir); !errors.Is(err, ErrUnknownFormat) {
			t.Errorf("%s: err = %v, want ErrUnknownFormat", name, err)
		}
		_, err := Plan("", migrations.Dir{Path: dir, Dialect: sqlscan.Postgres}, []Index{{Table: "t", Key: key("id")}}, Options{})
		if err == nil {
			t.Errorf("%s: Plan succeeded", name)
		}
	}
}

func TestPlanRefusesBadIndexes(t *testing.T) {
	dir := writeDir(t, synthetic["dbmate-mysql"])
	for name, x := range map[string]Index{
		"partial on mysql": {Table: "tags", Key: key("name"), Where: []string{"deleted_at IS NULL"}, Dialect: sqlscan.MySQL},
		"no key":           {Table: "tags", Dialect: sqlscan.MySQL},
		"no dialect":       {Table: "tags", Key: key("name")},
	} {
		if _, err := Plan("", migrations.Dir{Path: dir}, []Index{x}, Options{}); err == nil {
			t.Errorf("%s: Plan succeeded", name)
		}
	}
}

// Apply writes nothing when one of the new files exists, and refuses to
// replace a file that changed since the plan.
func TestApplyNeverOverwrites(t *testing.T) {
	dir := writeDir(t, synthetic["goose-seq"])
	files, err := Plan("", migrations.Dir{Path: dir, Dialect: sqlscan.Postgres},
		[]Index{{Table: "tags", Key: key("name")}, {Table: "users", Key: key("email")}}, Options{Now: fixedNow})
	if err != nil || len(files) != 2 {
		t.Fatalf("plan: %v %v", baseNames(files), err)
	}
	if err := os.WriteFile(files[1].Path, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Apply(files); !errors.Is(err, ErrExists) {
		t.Fatalf("Apply over an existing file: err = %v, want ErrExists", err)
	}
	if _, err := os.Stat(files[0].Path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("%s was written although the plan failed", files[0].Path)
	}
	if b, _ := os.ReadFile(files[1].Path); string(b) != "mine" {
		t.Errorf("existing file overwritten: %q", b)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".migwrite") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}

	sum := filepath.Join(t.TempDir(), "atlas.sum")
	os.WriteFile(sum, []byte("changed"), 0o644)
	if err := Apply([]File{{Path: sum, Content: "new", Replace: true, Old: "before"}}); err == nil {
		t.Error("Apply replaced a file that changed since the plan")
	}
}

func TestRender(t *testing.T) {
	for _, tc := range []struct {
		x            Index
		create, drop string
	}{
		{Index{Table: "app.tags", Key: key("name"), Dialect: sqlscan.Postgres, Concurrent: true},
			"CREATE UNIQUE INDEX CONCURRENTLY idx_app_tags_name ON app.tags (name);", "DROP INDEX CONCURRENTLY app.idx_app_tags_name;"},
		{Index{Table: "users", Key: []schema.Term{{Expr: "lower(email)"}}, Dialect: sqlscan.MySQL},
			"CREATE UNIQUE INDEX idx_users_lower_email ON users ((lower(email)));", "DROP INDEX idx_users_lower_email ON users;"},
		{Index{Table: "user", Key: key("group"), Dialect: sqlscan.MySQL},
			"CREATE UNIQUE INDEX idx_user_group ON `user` (`group`);", "DROP INDEX idx_user_group ON `user`;"},
		{Index{Table: "Order", Key: key("Ref"), Dialect: sqlscan.SQLite, Concurrent: true},
			`CREATE UNIQUE INDEX idx_order_ref ON "Order" ("Ref");`, "DROP INDEX idx_order_ref;"},
	} {
		if got := tc.x.CreateSQL(); got != tc.create {
			t.Errorf("create: %s\nwant:   %s", got, tc.create)
		}
		if got := tc.x.DropSQL(); got != tc.drop {
			t.Errorf("drop: %s\nwant: %s", got, tc.drop)
		}
	}
}
