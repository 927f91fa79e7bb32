package main_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Bad input given to the built binary: each case names the exit code and
// the text the user sees. Cases already covered elsewhere are not repeated:
// a missing -migrations path and an unknown flag (e2e_test.go,
// schema_e2e_test.go), an unknown configuration key (schema_e2e_test.go),
// and the library-level handling of bad migration files
// (schema/migrations/badinput_test.go).

// writeFiles adds files to a module copy.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// findingOn reports whether some diagnostic line is about table.
func findingOn(lines []string, table string) bool {
	for _, l := range lines {
		if strings.Contains(l, " on "+table+" looks up") {
			return true
		}
	}
	return false
}

// gormapp's findings are on these tables; crm_companies(name) is the one
// the migrations below back.
var gormappTables = []string{"contacts", "crm_companies", "sites", "seats"}

func TestBadMigrationFiles(t *testing.T) {
	mod := copyModule(t, "testdata/gormapp")
	writeFiles(t, mod, map[string]string{
		"db/migrations/0001_init.up.sql": "CREATE TABLE crm_companies (id bigserial PRIMARY KEY, name text NOT NULL);\n",
		// Not SQL, unbalanced, unterminated: replayed without harm.
		"db/migrations/0002_garbage.up.sql": "this is (( not SQL ;; at all\n'unterminated\n$$ never closed\n",
		// A key in a binary file is skipped, so contacts keeps its finding;
		// a Latin-1 comment does not lose the key beside it (PostgreSQL and
		// MySQL run such files), so sites is backed.
		"db/migrations/0003_blob.up.sql":   "CREATE UNIQUE INDEX contacts_phone ON contacts (phone_number);\x00\x01\x02\xff\xfe",
		"db/migrations/0004_latin1.up.sql": "CREATE UNIQUE INDEX sites_city ON sites (addr_city); -- caf\xe9\n",
		// Read after the bad ones: backs the crm_companies lookup.
		"db/migrations/0005_names.up.sql": "CREATE UNIQUE INDEX crm_companies_name ON crm_companies (name);\n",
	})
	_, stderr, code := run(t, mod, binary(t), "./...")
	if why := crashed("", stderr, code, 3); why != "" {
		t.Fatalf("%s:\n%s", why, stderr)
	}
	lines := diagnosticLines(stderr, mod)
	for _, table := range gormappTables {
		if want := table != "crm_companies" && table != "sites"; findingOn(lines, table) != want {
			t.Errorf("finding on %s: %v, want %v:\n%s", table, !want, want, strings.Join(lines, "\n"))
		}
	}
	// Files skipped or read with a note are shown without -schema-debug.
	for _, want := range []string{
		"getorcreatelint: db/migrations/0003_blob.up.sql: binary file skipped",
		"getorcreatelint: db/migrations/0004_latin1.up.sql: file is not valid UTF-8; read as Latin-1",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("missing %q in:\n%s", want, stderr)
		}
	}

	_, stderr, code = run(t, mod, binary(t), "-schema-debug", "./...")
	if code != 3 {
		t.Errorf("-schema-debug: exit code %d, want 3", code)
	}
	for _, want := range []string{
		"getorcreatelint: db/migrations/0003_blob.up.sql: binary file skipped",
		"getorcreatelint: db/migrations/0004_latin1.up.sql: file is not valid UTF-8; read as Latin-1",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("-schema-debug: missing %q in:\n%s", want, stderr)
		}
	}
}

// TestLargeDump gives the binary a 50 MB pg_dump-style schema whose last
// statement backs a lookup: the run completes and has read all of it.
func TestLargeDump(t *testing.T) {
	if testing.Short() {
		t.Skip("writes and reads a 50 MB dump; skipped in -short mode")
	}
	mod := copyModule(t, "testdata/gormapp")
	var b strings.Builder
	b.WriteString("CREATE TABLE public.crm_companies (id bigint NOT NULL, name text NOT NULL);\n")
	for i := 0; b.Len() < 50<<20; i++ {
		fmt.Fprintf(&b, `--
-- Name: t%[1]d; Type: TABLE; Schema: public
--
CREATE TABLE public.t%[1]d (
    id bigint NOT NULL,
    email character varying(255) NOT NULL,
    note text DEFAULT 'a; b'::text
);
ALTER TABLE ONLY public.t%[1]d ADD CONSTRAINT t%[1]d_pkey PRIMARY KEY (id);
CREATE UNIQUE INDEX t%[1]d_email ON public.t%[1]d USING btree (lower((email)::text));
CREATE FUNCTION public.f%[1]d() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END; $$;
INSERT INTO public.t%[1]d (id, email, note) VALUES (1, 'a@b.c', 'it''s; fine'), (2, 'd@e.f', '$$');
`, i)
	}
	b.WriteString("CREATE UNIQUE INDEX crm_companies_name ON public.crm_companies USING btree (name);\n")
	writeFiles(t, mod, map[string]string{"db/structure.sql": b.String()})

	start := time.Now()
	_, stderr, code := run(t, mod, binary(t), "./...")
	t.Logf("%d MB dump: %v", b.Len()>>20, time.Since(start))
	if why := crashed("", stderr, code, 3); why != "" {
		t.Fatalf("%s:\n%s", why, tail(stderr))
	}
	lines := diagnosticLines(stderr, mod)
	if findingOn(lines, "crm_companies") || !findingOn(lines, "contacts") {
		t.Errorf("the key at the end of the dump was not used, or others were lost:\n%s", strings.Join(lines, "\n"))
	}
}

// TestUnreadableMigrationsPath: a -migrations path the process cannot read
// is an error naming it (exit 1), standalone and under go vet.
func TestUnreadableMigrationsPath(t *testing.T) {
	mod := copyModule(t, "testdata/gormapp")
	if err := os.Symlink("loop", filepath.Join(mod, "loop")); err != nil {
		t.Fatal(err)
	}
	locked := filepath.Join(mod, "locked")
	writeFiles(t, mod, map[string]string{"locked/0001_a.up.sql": "CREATE TABLE a (id int PRIMARY KEY);\n"})
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(locked, 0o755) })

	cases := []struct{ path, want string }{
		{"loop", "too many levels of symbolic links"},
		{"go.mod/sub", "not a directory"},
		{"locked", "permission denied"},
	}
	for _, c := range cases {
		t.Run(c.path, func(t *testing.T) {
			if c.path == "locked" {
				if f, err := os.Open(locked); err == nil {
					f.Close()
					t.Skip("the test runs with privileges that ignore file modes (root): a directory with mode 000 is still readable here")
				}
			}
			_, stderr, code := run(t, mod, binary(t), "-migrations="+c.path, "./...")
			if code != 1 || !strings.Contains(stderr, c.path) || !strings.Contains(stderr, c.want) {
				t.Errorf("standalone: exit code %d, stderr %q; want 1, the path and %q", code, stderr, c.want)
			}
			_, stderr, code = run(t, mod, "go", "vet", "-vettool="+binary(t), "-migrations="+c.path, "./app")
			if code != 1 || !strings.Contains(stderr, c.path) || !strings.Contains(stderr, c.want) {
				t.Errorf("go vet: exit code %d, stderr %q; want 1, the path and %q", code, stderr, c.want)
			}
		})
	}
}

// TestMalformedConfig: a configuration file that is not YAML, or not a
// file, is a usage error (exit 2) naming the file. Under go vet the error
// must reach the user too (go vet exits 1 when the tool fails).
func TestMalformedConfig(t *testing.T) {
	cases := []struct {
		name, content, want string
		dir                 bool
	}{
		{name: "syntax", content: "strict: [true\nmigrations: x\n", want: "yaml: line 1"},
		{name: "binary", content: "\x00\x01\xff\xfe", want: "yaml:"},
		{name: "not a mapping", content: "- strict\n- true\n", want: ".getorcreatelint.yml"},
		{name: "directory", dir: true, want: "not a regular file (a directory)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			mod := copyModule(t, "testdata/gormapp")
			cfg := filepath.Join(mod, ".getorcreatelint.yml")
			var err error
			if c.dir {
				err = os.Mkdir(cfg, 0o755)
			} else {
				err = os.WriteFile(cfg, []byte(c.content), 0o644)
			}
			if err != nil {
				t.Fatal(err)
			}
			_, stderr, code := run(t, mod, binary(t), "./...")
			if code != 2 || !strings.Contains(stderr, ".getorcreatelint.yml") || !strings.Contains(stderr, c.want) {
				t.Errorf("standalone: exit code %d, stderr %q; want 2, the file and %q", code, stderr, c.want)
			}
			_, stderr, code = run(t, mod, "go", "vet", "-vettool="+binary(t), "./app")
			if code == 0 || !strings.Contains(stderr, ".getorcreatelint.yml") || !strings.Contains(stderr, c.want) {
				t.Errorf("go vet: exit code %d, stderr %q; want a failure naming the file and %q", code, stderr, c.want)
			}
		})
	}
}

// TestBadFlagValues: flags with values the tool rejects, and an unknown
// flag under go vet, are usage errors (exit 2) naming the flag.
func TestBadFlagValues(t *testing.T) {
	for _, c := range []struct{ flag, want string }{
		{"-dialect=oracle", `unknown dialect "oracle"`},
		{"-categories=nope", `unknown category "nope"`},
		{"-strict=maybe", "-strict"},
	} {
		_, stderr, code := run(t, "testdata/gormapp", binary(t), c.flag, "./...")
		if code != 2 || !strings.Contains(stderr, c.want) {
			t.Errorf("%s: exit code %d, stderr %q; want 2 and %q", c.flag, code, stderr, c.want)
		}
	}
	_, stderr, code := run(t, "testdata/gormapp", "go", "vet", "-vettool="+binary(t), "-no-such-flag", "./...")
	if code != 2 || !strings.Contains(stderr, "no-such-flag") {
		t.Errorf("go vet with an unknown flag: exit code %d, stderr %q; want 2 and the flag named", code, stderr)
	}
}

// TestCodeThatDoesNotTypeCheck: packages with a type error, a syntax error
// and invalid UTF-8 are load errors (exit 1) reported with their position;
// nothing panics, standalone or under go vet.
func TestCodeThatDoesNotTypeCheck(t *testing.T) {
	mod := copyModule(t, "testdata/gormapp")
	writeFiles(t, mod, map[string]string{
		"broken/broken.go": "package broken\n\nimport \"gorm.io/gorm\"\n\nfunc F(db *gorm.DB) int { return undefinedName }\n",
		"syntax/syntax.go": "package syntax\n\nfunc F( {\n",
		"latin/latin.go":   "package latin\n\n// caf\xe9\nfunc F() {}\n",
	})
	for _, c := range []struct{ pkg, want string }{
		{"./broken", "broken/broken.go:5:34: undefined: undefinedName"},
		{"./syntax", "syntax/syntax.go:3:9:"},
		{"./latin", "latin/latin.go:3:7: illegal UTF-8 encoding"},
	} {
		_, stderr, code := run(t, mod, binary(t), c.pkg)
		if why := crashed("", stderr, code, 1); why != "" || !strings.Contains(stderr, c.want) {
			t.Errorf("%s standalone: exit code %d, stderr %q; want 1 and %q", c.pkg, code, stderr, c.want)
		}
		_, stderr, code = run(t, mod, "go", "vet", "-vettool="+binary(t), c.pkg)
		if why := crashed("", stderr, code, 1); why != "" || !strings.Contains(stderr, c.want) {
			t.Errorf("%s go vet: exit code %d, stderr %q; want 1 and %q", c.pkg, code, stderr, c.want)
		}
	}
	// Broken packages do not hide the findings of the others.
	_, stderr, code := run(t, mod, binary(t), "./...")
	if code != 1 || !findingOn(diagnosticLines(stderr, mod), "contacts") {
		t.Errorf("./... with broken packages: exit code %d, want 1 and the app's findings; stderr:\n%s", code, stderr)
	}
}

// A load error that leaves the types whole, a //go:embed pattern with no
// files (a front end not built), does not stop the analysis of the
// package or of its importers; a type error below a package still does.
func TestImportOfPackageWithLoadError(t *testing.T) {
	mod := copyModule(t, "testdata/gormapp")
	const modPath = "example.com/gormapp"
	writeFiles(t, mod, map[string]string{
		"web/web.go": "package web\n\nimport \"embed\"\n\n//go:embed build/*\nvar Assets embed.FS\n",
		"notes/notes.go": "package notes\n\nimport (\n\t\"gorm.io/gorm\"\n\n\t_ \"" + modPath + "/web\"\n)\n\n" +
			"type Note struct {\n\tID    uint\n\tTitle string\n}\n\n" +
			"func Ensure(db *gorm.DB, title string) {\n\tvar n Note\n\tdb.Where(Note{Title: title}).FirstOrCreate(&n)\n}\n",
		"broken/broken.go": "package broken\n\nfunc F() undefinedType { return nil }\n",
		"drafts/drafts.go": "package drafts\n\nimport (\n\t\"gorm.io/gorm\"\n\n\t\"" + modPath + "/broken\"\n)\n\n" +
			"type Draft struct {\n\tID    uint\n\tTitle string\n}\n\n" +
			"func Ensure(db *gorm.DB, title string) {\n\tvar d Draft\n\tdb.Where(Draft{Title: title}).FirstOrCreate(&d)\n\t_ = broken.F()\n}\n",
	})
	for _, patterns := range [][]string{{"./notes", "./drafts"}, {"./..."}} {
		_, stderr, code := run(t, mod, binary(t), patterns...)
		lines := diagnosticLines(stderr, mod)
		if code != 1 || !strings.Contains(stderr, "pattern build/*: no matching files found") || !findingOn(lines, "notes") {
			t.Errorf("%v: exit code %d, want 1, the embed error and the finding on notes; stderr:\n%s", patterns, code, stderr)
		}
		if findingOn(lines, "drafts") || !strings.Contains(stderr, "undefined: undefinedType") {
			t.Errorf("%v: want the type error and no finding on drafts, whose import does not type-check; stderr:\n%s", patterns, stderr)
		}
	}
}
