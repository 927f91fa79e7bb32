package migrations

import (
	"fmt"
	"strings"
	"testing"

	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

func dirList(dirs []Dir) string {
	var out []string
	for _, d := range dirs {
		out = append(out, fmt.Sprintf("%s %s %s", d.Path, d.Dialect, d.Found))
	}
	return strings.Join(out, "\n")
}

// module is a fake module with migrations in every place discovery knows,
// and some it must not enter.
var module = map[string]string{
	"go.mod":                               "module example.com/m\n",
	"migrations/0001_init.up.sql":          "CREATE TABLE a (id SERIAL PRIMARY KEY);",
	"migrations/0001_init.down.sql":        "DROP TABLE a;",
	"internal/db/migrations/0001_x.sql":    "CREATE TABLE b (id INTEGER PRIMARY KEY AUTOINCREMENT);",
	"store/migration/postgres/LATEST.sql":  "CREATE TABLE c (id int PRIMARY KEY);",
	"store/migration/mysql/LATEST.sql":     "CREATE TABLE c (id int PRIMARY KEY) ENGINE=InnoDB;",
	"store/migration/sqlite/0.1/01__a.sql": "CREATE TABLE c (id INTEGER PRIMARY KEY);",
	"store/migration/clickhouse/1.sql":     "CREATE TABLE c (id UInt64) ENGINE = MergeTree;",
	"db/schema.sql":                        "CREATE TABLE d (id int PRIMARY KEY);",
	"sqlc.yaml": `version: "2"
sql:
  - engine: "mysql"
    queries: "q/"
    schema: "sqlcschema/"
    gen:
      go:
        overrides:
          - db_type: "uuid"
            go_type: "string"
  - schema:
      - "pgschema/a.sql"
    engine: postgresql
`,
	"sqlcschema/tables.sql": "CREATE TABLE e (id int PRIMARY KEY);",
	"pgschema/a.sql":        "CREATE TABLE f (id int PRIMARY KEY);",
	"atlas.hcl": `env "local" {
  url = "sqlite://file.db"
  migration {
    dir = "file://atlasdir?format=atlas"
  }
}`,
	"atlasdir/20240101000000.sql":                        "CREATE TABLE g (id int PRIMARY KEY);",
	"atlasdir/atlas.sum":                                 "h1:x=\n20240101000000.sql h1:y=\n",
	"embedded/1_a.sql":                                   "CREATE TABLE h (`id` int PRIMARY KEY);",
	"vendor/x/migrations/1.sql":                          "CREATE TABLE skip1 (id int);",
	"testdata/migrations/1.sql":                          "CREATE TABLE skip2 (id int);",
	"node_modules/p/migrations/1.sql":                    "CREATE TABLE skip3 (id int);",
	".git/migrations/1.sql":                              "CREATE TABLE skip4 (id int);",
	"a/b/c/d/e/migrations/1.sql":                         "CREATE TABLE skip5 (id int);",
	"docs/migrations/notes.md":                           "not sql",
	"db/migrate/20200101_create.rb":                      "class Create; end",
	"persistence/sql/migrations/sql/1_a.postgres.up.sql": "CREATE TABLE k (id int PRIMARY KEY);",
	"persistence/sql/migrations/sql/1_a.mysql.up.sql":    "CREATE TABLE k (id int PRIMARY KEY);",
}

func TestDiscover(t *testing.T) {
	root := writeTree(t, module)
	dirs, err := Discover(root, Hints{EmbedDirs: []string{"embedded"}})
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{
		"embedded generic go:embed", // backticks alone are not MySQL
		"sqlcschema mysql sqlc.yaml",
		"pgschema/a.sql postgres sqlc.yaml",
		"atlasdir sqlite atlas.hcl",
		"migrations postgres conventional", // SERIAL
		"db/schema.sql generic conventional",
		"store/migration/postgres postgres conventional",
		"store/migration/mysql mysql conventional",
		"store/migration/sqlite sqlite conventional",
		"internal/db/migrations sqlite conventional", // AUTOINCREMENT; breadth-first, so after depth 2
		"persistence/sql/migrations/sql postgres conventional",
		"persistence/sql/migrations/sql mysql conventional",
	}, "\n")
	if got := dirList(dirs); got != want {
		t.Errorf("Discover:\n%s\nwant:\n%s", got, want)
	}
	cat, err := Load(root, dirs)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"a", "b", "c", "d", "e", "f", "g", "h", "k"} {
		if cat.Table(name) == nil {
			t.Errorf("table %s not loaded", name)
		}
	}
	for _, name := range []string{"skip1", "skip2", "skip3", "skip4", "skip5"} {
		if cat.Table(name) != nil {
			t.Errorf("table %s comes from a directory discovery must skip", name)
		}
	}
}

// TestDiscoverHint: a driver-import hint picks one variant of per-dialect
// subdirectories and twins, and is the dialect of directories with no other
// evidence.
func TestDiscoverHint(t *testing.T) {
	root := writeTree(t, module)
	dirs, err := Discover(root, Hints{Dialect: sqlscan.MySQL})
	if err != nil {
		t.Fatal(err)
	}
	got := dirList(dirs)
	for _, want := range []string{"store/migration/mysql mysql conventional", "persistence/sql/migrations/sql mysql conventional",
		"db/schema.sql mysql conventional", "migrations mysql conventional",
		"internal/db/migrations mysql conventional"} { // the hint outranks content
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	for _, absent := range []string{"store/migration/postgres", "store/migration/sqlite", "persistence/sql/migrations/sql postgres"} {
		if strings.Contains(got, absent) {
			t.Errorf("%q should not be chosen with a MySQL hint:\n%s", absent, got)
		}
	}
	// The sqlc engine outranks the hint; the path word outranks both.
	if !strings.Contains(got, "pgschema/a.sql postgres sqlc.yaml") || !strings.Contains(got, "atlasdir sqlite atlas.hcl") {
		t.Errorf("tool configuration dialects lost:\n%s", got)
	}
}

func TestDiscoverJSONConfigAndMissingRoot(t *testing.T) {
	root := writeTree(t, map[string]string{
		"sqlc.json":          `{"version":"1","packages":[{"name":"db","engine":"postgresql","schema":"./schema/"}]}`,
		"schema/0001_a.sql":  "CREATE TABLE a (id int);",
		"postgres/0001.sql":  "CREATE TABLE b (id int);",
		"mysql_dump/all.sql": "CREATE TABLE c (id int);",
	})
	dirs, err := Discover(root, Hints{})
	if err != nil {
		t.Fatal(err)
	}
	if got := dirList(dirs); got != "schema postgres sqlc.json" {
		t.Errorf("Discover = %s", got)
	}
	if _, err := Discover(root+"/nope", Hints{}); err == nil || !strings.Contains(err.Error(), "nope") {
		t.Errorf("missing root: err = %v, want one naming the path", err)
	}
}

func TestDialectDetection(t *testing.T) {
	paths := []struct {
		path string
		want sqlscan.Dialect
		ok   bool
	}{
		{"store/migration/postgres", pg, true},
		{"schema/postgresql/v12/temporal", pg, true},
		{"db/pg_migrations", pg, true},
		{"migrations/mariadb", my, true},
		{"config/migrations/sqlite3", lite, true},
		{"mysql/replay/x/postgres", pg, true}, // the deepest word wins
		{"db/migrations", generic, false},
		{"pgadmin/x", generic, false}, // words, not substrings
	}
	for _, tt := range paths {
		if d, ok := pathDialect(tt.path); d != tt.want || ok != tt.ok {
			t.Errorf("pathDialect(%s) = %s, %v; want %s, %v", tt.path, d, ok, tt.want, tt.ok)
		}
	}
	contents := []struct {
		src  string
		want sqlscan.Dialect
	}{
		{"CREATE TABLE t (id INT AUTO_INCREMENT) ENGINE=InnoDB;", my},
		{"/*!40101 SET NAMES utf8 */; CREATE TABLE `t` (`id` int);", my},
		{"CREATE TABLE t (id SERIAL, d JSONB); CREATE INDEX CONCURRENTLY i ON t USING btree (d);", pg},
		{"CREATE FUNCTION f() AS $$ SELECT 1 $$; SELECT x::text;", pg},
		{"CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT) WITHOUT ROWID; PRAGMA foreign_keys = ON;", lite},
		{"INSERT OR IGNORE INTO t VALUES (1);", lite},
		{"CREATE TABLE `t` (`id` integer);", generic}, // backticks alone
		{"CREATE TABLE t (id int);", generic},
	}
	for _, tt := range contents {
		var s sniffScore
		s.add(tt.src)
		if d, _ := s.best(); d != tt.want {
			t.Errorf("sniff(%q) = %s, want %s", tt.src, d, tt.want)
		}
	}
}

func TestEngineDialect(t *testing.T) {
	for in, want := range map[string]sqlscan.Dialect{
		"postgresql": pg, `"postgres"`: pg, "mysql": my, "mariadb": my, "sqlite": lite, "sqlite3": lite, "clickhouse": generic,
	} {
		if got := engineDialect(in); got != want {
			t.Errorf("engineDialect(%s) = %s, want %s", in, got, want)
		}
	}
}

// TestDiscoverGoMigrations: directories named migrations, migration or
// migrate that hold Go files are found within the same bounds as .sql
// ones; a directory with both is a conventional one whose Go files are
// read too.
func TestDiscoverGoMigrations(t *testing.T) {
	gooseFile := func(table string) string {
		return "package migrations\n\nfunc init() { goose.AddMigrationContext(up, down) }\n\n" +
			"func up(ctx context.Context, tx *sql.Tx) error {\n\t_, err := tx.ExecContext(ctx, `CREATE TABLE " + table + " (id bigserial PRIMARY KEY, k text UNIQUE)`)\n\treturn err\n}\n\n" +
			"func down(ctx context.Context, tx *sql.Tx) error {\n\t_, err := tx.ExecContext(ctx, `DROP TABLE " + table + "`)\n\treturn err\n}\n"
	}
	root := writeTree(t, map[string]string{
		"db/migrations/00001_a.go":            gooseFile("a"),
		"internal/migrate/migrate.go":         "package migrate\n\n// Run applies the embedded migrations.\nfunc Run() {}\n",
		"internal/migrate/migrations/1_b.sql": "CREATE TABLE b (id int PRIMARY KEY);",
		"store/migrations/0001_c.sql":         "CREATE TABLE c (id int PRIMARY KEY);",
		"store/migrations/0002_c.go":          "package migrations\n\nconst cKey = `CREATE UNIQUE INDEX c_k ON c (k)`\n",
		"ent/schema/user.go":                  "package schema\n\nconst ddl = `CREATE TABLE ent_user (id int PRIMARY KEY)`\n",
		"tests/migrations/x_test.go":          "package migrations\n\nconst x = `CREATE TABLE only_test (id int PRIMARY KEY)`\n",
		"vendor/x/migrations/1.go":            gooseFile("skip1"),
		"testdata/migrations/1.go":            gooseFile("skip2"),
		"node_modules/p/migrations/1.go":      gooseFile("skip3"),
		".hidden/migrations/1.go":             gooseFile("skip4"),
		"a/b/c/d/e/migrations/1.go":           gooseFile("skip5"),
		// A package with a migrations.go file: a hand-rolled list of DDL.
		"internal/database/migrations.go":   "package database\n\nvar migrations = []func(tx *sql.Tx) error{\n\tfunc(tx *sql.Tx) error {\n\t\t_, err := tx.Exec(`CREATE TABLE d (id bigserial PRIMARY KEY, k text, UNIQUE (k))`)\n\t\treturn err\n\t},\n}\n",
		"internal/database/database.go":     "package database\n\nconst q = `SELECT id FROM d WHERE k = $1`\n",
		"internal/other/migrations_test.go": "package other\n\nconst x = `CREATE TABLE only_test2 (id int PRIMARY KEY)`\n",
		"migrations.go":                     "package app\n\nconst root = `CREATE TABLE at_root (id int PRIMARY KEY)`\n",
	})
	dirs, err := Discover(root, Hints{})
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{
		"store/migrations generic conventional",
		"internal/migrate/migrations generic conventional", // below a Go runner
		"db/migrations postgres go migrations",             // bigserial in a Go string
		"internal/migrate generic go migrations",
		"internal/database postgres go migrations",
	}, "\n")
	if got := dirList(dirs); got != want {
		t.Errorf("Discover:\n%s\nwant:\n%s", got, want)
	}
	cat, err := Load(root, dirs)
	if err != nil {
		t.Fatal(err)
	}
	for table, keys := range map[string]string{"a": "a_pkey(id) | a_k_key(k)", "b": "b_pkey(id)", "c": "c_pkey(id) | c_k(k)", "d": "d_pkey(id) | d_k_key(k)"} {
		if got := strings.Join(keySet(cat, table), " | "); got != keys {
			t.Errorf("table %s keys = %s, want %s", table, got, keys)
		}
	}
	for _, name := range []string{"ent_user", "only_test", "only_test2", "at_root", "skip1", "skip2", "skip3", "skip4", "skip5"} {
		if cat.Table(name) != nil {
			t.Errorf("table %s comes from a Go file discovery must skip", name)
		}
	}
}
