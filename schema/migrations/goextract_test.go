package migrations

import (
	"fmt"
	"strings"
	"testing"
)

// extracted runs the Go reader on one file and renders its DDL strings as
// "line: text" (white space folded) and its notes as "line! message".
func extracted(src string) string {
	g := goFilesDDL([]string{"m.go"}, [][]byte{[]byte(src)})["m.go"]
	var out []string
	for _, st := range g.stmts {
		out = append(out, fmt.Sprintf("%d: %s", st.line, strings.Join(strings.Fields(st.sql), " ")))
	}
	for _, n := range g.notes {
		out = append(out, fmt.Sprintf("%d! %s", n.line, n.msg))
	}
	return strings.Join(out, "\n")
}

func TestGoExtract(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string
	}{
		{"goose pair: the down function is skipped", `package migrations

func init() { goose.AddMigrationContext(upUsers, downUsers) }

func upUsers(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, ` + "`" + `
CREATE UNIQUE INDEX users_email_key ON users (email);` + "`" + `)
	return err
}

func downUsers(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, "DROP INDEX users_email_key")
	return err
}
`, "6: CREATE UNIQUE INDEX users_email_key ON users (email);"},

		{"goose: the down function is known by its registration, not its name", `package migrations

func init() { goose.AddMigration(migrate7, revert7) }
func migrate7(tx *sql.Tx) error { _, err := tx.Exec("CREATE TABLE a (id int PRIMARY KEY)"); return err }
func revert7(tx *sql.Tx) error { _, err := tx.Exec("DROP TABLE a"); return err }
`, "4: CREATE TABLE a (id int PRIMARY KEY)"},

		{"goose: named registration with function literals", `package migrations

func init() {
	goose.AddNamedMigrationContext("00003_orgs.go",
		func(ctx context.Context, tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, "ALTER TABLE orgs ADD CONSTRAINT orgs_slug_key UNIQUE (slug)")
			return err
		},
		func(ctx context.Context, tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, "ALTER TABLE orgs DROP CONSTRAINT orgs_slug_key")
			return err
		})
}
`, "6: ALTER TABLE orgs ADD CONSTRAINT orgs_slug_key UNIQUE (slug)"},

		{"goose provider: NewGoMigration's third argument is down", `package migrations

var All = []*goose.Migration{
	goose.NewGoMigration(4, &goose.GoFunc{RunTx: up4}, &goose.GoFunc{RunTx: undo4}),
}

func up4(ctx context.Context, tx *sql.Tx) error { return exec(ctx, tx, "CREATE UNIQUE INDEX t_a ON t (a)") }
func undo4(ctx context.Context, tx *sql.Tx) error { return exec(ctx, tx, "DROP INDEX t_a") }
`, "7: CREATE UNIQUE INDEX t_a ON t (a)"},

		{"gormigrate: Rollback is skipped, literal or named", `package migrations

var Migrations = []*gormigrate.Migration{
	{
		ID: "202401010000",
		Migrate: func(tx *gorm.DB) error {
			return tx.Exec("CREATE TABLE teams (id bigint PRIMARY KEY, slug text NOT NULL)").Error
		},
		Rollback: func(tx *gorm.DB) error { return tx.Exec("DROP TABLE teams").Error },
	},
	{ID: "202401020000", Migrate: addSlugKey, Rollback: removeSlugKey},
}

func addSlugKey(tx *gorm.DB) error {
	return tx.Exec("CREATE UNIQUE INDEX teams_slug_key ON teams (slug)").Error
}

func removeSlugKey(tx *gorm.DB) error { return tx.Exec("DROP INDEX teams_slug_key").Error }
`, "7: CREATE TABLE teams (id bigint PRIMARY KEY, slug text NOT NULL)\n15: CREATE UNIQUE INDEX teams_slug_key ON teams (slug)"},

		{"constants resolved where used, in use order", `package migrations

const (
	usersTable = ` + "`" + `CREATE TABLE users (
	id bigint PRIMARY KEY,
	handle text NOT NULL
)` + "`" + `
	handleKey = "CREATE UNIQUE INDEX users_handle_key " + "ON users (lower(handle))"
	dropHandleKey = "DROP INDEX users_handle_key"
)

var Up = []string{usersTable, handleKey}
var Down = []string{dropHandleKey}
`, "4: CREATE TABLE users ( id bigint PRIMARY KEY, handle text NOT NULL )\n8: CREATE UNIQUE INDEX users_handle_key ON users (lower(handle))"},

		{"a constant used only by the down side never applies", `package migrations

const dropKey = "DROP INDEX users_handle_key"
const addKey = "CREATE UNIQUE INDEX users_handle_key ON users (handle)"

func Up(tx *sql.Tx) error   { _, err := tx.Exec(addKey); return err }
func Down(tx *sql.Tx) error { _, err := tx.Exec(dropKey); return err }
`, "4: CREATE UNIQUE INDEX users_handle_key ON users (handle)"},

		{"an unused constant counts where declared, unless named for down", `package migrations

// Schema is run by the server package.
const Schema = "CREATE TABLE audit (id bigint PRIMARY KEY)"
const SchemaDown = "DROP TABLE audit"
`, "4: CREATE TABLE audit (id bigint PRIMARY KEY)"},

		{"local constants shadow by function", `package migrations

func init() { goose.AddMigration(upX, downX) }
func downX(tx *sql.Tx) error { const q = "DROP INDEX t_a"; _, err := tx.Exec(q); return err }
func upX(tx *sql.Tx) error   { const q = "CREATE UNIQUE INDEX t_a ON t (a)"; _, err := tx.Exec(q); return err }
`, "5: CREATE UNIQUE INDEX t_a ON t (a)"},

		{"variables, map keys and struct fields named for down", `package migrations

var upSQL = "CREATE UNIQUE INDEX a_key ON a (k)"
var downSQL = "DROP INDEX a_key"

var steps = map[string]string{"up": "CREATE UNIQUE INDEX b_key ON b (k)", "down": "DROP INDEX b_key"}

var source = &migrate.MemoryMigrationSource{Migrations: []*migrate.Migration{
	{Id: "1", Up: []string{"CREATE UNIQUE INDEX c_key ON c (k)"}, Down: []string{"DROP INDEX c_key"}},
}}

func run(tx *sql.Tx) {
	rollbackSQL := "DROP INDEX d_key"
	q := "CREATE UNIQUE INDEX d_key ON d (k)"
	tx.Exec(q)
	_ = rollbackSQL
}
`, "3: CREATE UNIQUE INDEX a_key ON a (k)\n6: CREATE UNIQUE INDEX b_key ON b (k)\n9: CREATE UNIQUE INDEX c_key ON c (k)\n14: CREATE UNIQUE INDEX d_key ON d (k)"},

		{"positional up/down pairs in a struct of the package", `package migrations

type migration struct {
	version  int
	up, down string
}

var list = []*migration{
	{1, "CREATE TABLE f (id int PRIMARY KEY)", "DROP TABLE f"},
	{2, "CREATE UNIQUE INDEX f_k ON f (k)", "DROP INDEX f_k"},
}

var pairs = []struct{ Up, Down string }{{"CREATE UNIQUE INDEX g_k ON g (k)", "DROP INDEX g_k"}}

var byVersion = map[int]migration{3: {3, "CREATE UNIQUE INDEX h_k ON h (k)", "DROP INDEX h_k"}}
`, "9: CREATE TABLE f (id int PRIMARY KEY)\n10: CREATE UNIQUE INDEX f_k ON f (k)\n13: CREATE UNIQUE INDEX g_k ON g (k)\n15: CREATE UNIQUE INDEX h_k ON h (k)"},

		{"bun and go-pg registrations", `package migrations

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		_, err := db.ExecContext(ctx, "CREATE UNIQUE INDEX e_key ON e (k)")
		return err
	}, func(ctx context.Context, db *bun.DB) error {
		_, err := db.ExecContext(ctx, "DROP INDEX e_key")
		return err
	})
}
`, "5: CREATE UNIQUE INDEX e_key ON e (k)"},

		{"scripts: leading comments, a data fix before DDL", `package migrations

const fix = ` + "`" + `
-- rebuild with a key
/* step 1 */ UPDATE t SET a = lower(a);
CREATE UNIQUE INDEX t_a ON t (a);` + "`" + `

var _ = fix
`, "3: -- rebuild with a key /* step 1 */ UPDATE t SET a = lower(a); CREATE UNIQUE INDEX t_a ON t (a);"},

		{"strings that are not DDL are ignored", `package migrations

type row struct {
	Email string ` + "`" + `gorm:"uniqueIndex" json:"email"` + "`" + `
}

// CREATE UNIQUE INDEX in_a_comment ON t (a);
func seed(tx *sql.Tx) error {
	tx.QueryRow("SELECT id FROM users WHERE email = $1", "a@b.c")
	tx.Exec("INSERT INTO settings (k, v) VALUES ('created', 'CREATE TABLE x (a int)')")
	log.Println("created the users table")
	return fmt.Errorf("create unique index %s: %w", "x", errFailed)
}
`, ""},

		{"DDL built at run time is noted, not replayed", `package migrations

func up(tx *sql.Tx, table string) error {
	tx.Exec(fmt.Sprintf("CREATE UNIQUE INDEX %s_email_key ON %s (email)", table, table))
	tx.Exec("CREATE UNIQUE INDEX idx_" + table + " ON " + table + " (email)")
	tx.Exec("CREATE INDEX idx_" + table + "_at ON " + table + " (created_at)")
	return nil
}
`, "4! DDL built at run time not analysed (mentions UNIQUE): CREATE UNIQUE INDEX %s_email_key ON %s (email)\n" +
			"5! DDL built at run time not analysed (mentions UNIQUE): CREATE UNIQUE INDEX idx_{table} ON {table} (email)\n" +
			"6! DDL built at run time not analysed (mentions INDEX): CREATE INDEX idx_{table}_at ON {table} (created_at)"},

		{"a file that does not parse yields a note", "package migrations\n\nfunc up( {\n",
			"3! Go file does not parse; skipped: expected ')', found '{'"},

		{"a generated file yields nothing", "// Code generated by go-bindata. DO NOT EDIT.\n\npackage migrations\n\nvar _ = \"CREATE TABLE t (a int UNIQUE)\"\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := extracted(tt.src); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestGoExtractConstantsAcrossFiles(t *testing.T) {
	paths := []string{"a.go", "b.go"}
	srcs := [][]byte{
		[]byte("package m\n\nfunc init() { goose.AddMigration(up, down) }\nfunc up(tx *sql.Tx) error { _, err := tx.Exec(createT); return err }\nfunc down(tx *sql.Tx) error { _, err := tx.Exec(dropT); return err }\n"),
		[]byte("package m\n\nconst (\n\tcreateT = \"CREATE TABLE t (a int UNIQUE)\"\n\tdropT = \"DROP TABLE t\"\n)\n"),
	}
	g := goFilesDDL(paths, srcs)
	if a := g["a.go"]; len(a.stmts) != 1 || a.stmts[0].sql != "CREATE TABLE t (a int UNIQUE)" || a.stmts[0].line != 4 {
		t.Errorf("a.go: %+v, want the constant of b.go, at its line, where a.go runs it", a.stmts)
	}
	if b := g["b.go"]; len(b.stmts) != 0 {
		t.Errorf("b.go: %+v, want nothing: its constants are used in a.go", b.stmts)
	}
}

func TestIsDDL(t *testing.T) {
	for s, want := range map[string]bool{
		"CREATE TABLE t (a int)":                       true,
		"\n\t  alter table t add unique (a)":           true,
		"-- x\n/* y */ DROP INDEX i":                   true,
		"RENAME TABLE a TO b":                          true,
		"created the table":                            false,
		"CREATE":                                       false,
		"SELECT 1; CREATE TABLE t (a int)":             true,
		"SELECT 'CREATE TABLE t (a int)'":              false,
		"INSERT INTO t VALUES ('x; DROP TABLE t')":     false,
		"create: failed; drop everything":              false,
		"-- only a comment":                            false,
		"/* unterminated CREATE TABLE t (a int)":       false,
		"UPDATE t SET a = 1;\nALTER TABLE t ADD b int": true,
	} {
		if got := isDDL(s); got != want {
			t.Errorf("isDDL(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestIdentWords(t *testing.T) {
	for name, want := range map[string]string{
		"downAddIndex":       "down Add Index",
		"Down20200130083147": "Down 20200130083147",
		"ROLLBACK_SQL":       "ROLLBACK SQL",
		"upDownloads":        "up Downloads",
		"_x__y_":             "x y",
	} {
		if got := strings.Join(identWords(name), " "); got != want {
			t.Errorf("identWords(%s) = %s, want %s", name, got, want)
		}
	}
	for name, want := range map[string]bool{"downX": true, "Rollback": true, "migrateDown": true, "Downgrades": true, "undoV2": true,
		"upDownloads": false, "markdown": false, "undone": false} {
		if isDownName(name) != want {
			t.Errorf("isDownName(%s) = %v, want %v", name, !want, want)
		}
	}
}
