package migrations

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// A binary file is skipped; a Latin-1 comment (invalid UTF-8) does not
// lose the statements of its file.
func TestLoadSkipsBinaryAndReadsLatin1(t *testing.T) {
	root := writeTree(t, map[string]string{
		"m/1_a.sql": "CREATE TABLE a (id int PRIMARY KEY);",
		"m/2_b.sql": "CREATE TABLE b (id int PRIMARY KEY);\x00\x01\x02",
		"m/3_c.sql": "CREATE TABLE c (name text UNIQUE); -- caf\xe9",
		"m/4_d.sql": "CREATE TABLE d (id int PRIMARY KEY);",
	})
	cat, err := Load(root, []Dir{{Path: "m", Dialect: pg}})
	if err != nil {
		t.Fatal(err)
	}
	if cat.Table("a") == nil || cat.Table("d") == nil {
		t.Errorf("good files around the bad ones were not replayed")
	}
	if cat.Table("b") != nil {
		t.Errorf("binary file was replayed")
	}
	if c := cat.Table("c"); c == nil || len(c.Keys) != 1 {
		t.Errorf("the unique key of the Latin-1 file was lost: %v", c)
	}
	var msgs []string
	for _, w := range cat.Warnings {
		msgs = append(msgs, w.String())
	}
	want := "m/2_b.sql: binary file skipped | m/3_c.sql: file is not valid UTF-8; read as Latin-1"
	if got := strings.Join(msgs, " | "); got != want {
		t.Errorf("warnings = %s\nwant %s", got, want)
	}
}

func TestUnterminatedInput(t *testing.T) {
	for _, src := range []string{
		"CREATE TABLE t (a int UNIQUE); CREATE TABLE u (name text DEFAULT 'oops",
		"CREATE TABLE t (a int UNIQUE); /* never closed CREATE TABLE u (b int UNIQUE);",
		"CREATE TABLE t (a int UNIQUE); CREATE FUNCTION f() AS $body$ never closed",
		"CREATE TABLE t (a int UNIQUE); CREATE TABLE u (b int UNIQUE",
		"CREATE TABLE t (a int UNIQUE); CREATE UNIQUE INDEX i ON u (",
		"CREATE TABLE t (a int UNIQUE); ALTER TABLE",
		"CREATE TABLE t (a int UNIQUE); CREATE TABLE \"u (b int)",
	} {
		for _, d := range []sqlscan.Dialect{pg, my, lite, generic} {
			cat := replay(d, src)
			if got := keySet(cat, "t"); len(got) != 1 {
				t.Errorf("%s %q: keys of t = %v, want the one before the damage", d, src, got)
			}
		}
	}
}

func TestLoadErrors(t *testing.T) {
	root := writeTree(t, map[string]string{"m/1.sql": "SELECT 1;"})
	_, err := Load(root, []Dir{{Path: "does/not/exist"}})
	if err == nil || !strings.Contains(err.Error(), filepath.Join("does", "not", "exist")) {
		t.Errorf("missing dir: err = %v, want one naming the path", err)
	}
	_, err = Load(root, []Dir{{Path: "m/none.sql"}})
	if err == nil || !strings.Contains(err.Error(), "none.sql") {
		t.Errorf("missing file: err = %v", err)
	}
}

func TestLoadUnreadable(t *testing.T) {
	root := writeTree(t, map[string]string{"m/1.sql": "SELECT 1;", "n/1.sql": "SELECT 1;"})
	file := filepath.Join(root, "m", "1.sql")
	dir := filepath.Join(root, "n")
	if err := os.Chmod(file, 0); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(dir, 0o755) })
	if f, err := os.Open(file); err == nil {
		f.Close()
		t.Skip("running with privileges that ignore file modes (root): an unreadable file cannot be made here")
	}
	if _, err := Load(root, []Dir{{Path: "m", Dialect: pg}}); err == nil || !strings.Contains(err.Error(), "1.sql") {
		t.Errorf("unreadable file: err = %v, want one naming it", err)
	}
	if _, err := Load(root, []Dir{{Path: "n", Dialect: pg}}); err == nil || !strings.Contains(err.Error(), "n") {
		t.Errorf("unreadable directory: err = %v, want one naming it", err)
	}
}

// bigDump builds a pg_dump-like schema of about size bytes: tables with
// constraints, indexes, functions with dollar bodies, comments and data.
func bigDump(size int) (string, int) {
	var b strings.Builder
	tables := 0
	for b.Len() < size {
		n := tables
		fmt.Fprintf(&b, `-- Name: t%[1]d; Type: TABLE
CREATE TABLE public.t%[1]d (
    id bigint NOT NULL,
    email character varying(255) NOT NULL,
    org_id bigint,
    deleted_at timestamp without time zone,
    note text DEFAULT 'it''s; fine'::text
);
ALTER TABLE ONLY public.t%[1]d ADD CONSTRAINT t%[1]d_pkey PRIMARY KEY (id);
CREATE UNIQUE INDEX index_t%[1]d_on_email ON public.t%[1]d USING btree (lower((email)::text)) WHERE (deleted_at IS NULL);
CREATE INDEX index_t%[1]d_on_org ON public.t%[1]d USING btree (org_id);
CREATE FUNCTION public.f%[1]d() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.note := 'x; y';
  RETURN NEW;
END;
$$;
INSERT INTO public.t%[1]d VALUES (1, 'a@b.c', NULL, NULL, 'note /* not a comment */');
`, n)
		tables++
	}
	return b.String(), tables
}

// TestLargeDump replays a generated 50 MB dump. It checks the result and
// reports the throughput; time is logged, never asserted, as machines vary.
func TestLargeDump(t *testing.T) {
	if testing.Short() {
		t.Skip("50 MB replay skipped in -short mode")
	}
	src, tables := bigDump(50 << 20)
	half, halfTables := bigDump(25 << 20)
	time1 := timeReplay(t, half, halfTables)
	time2 := timeReplay(t, src, tables)
	t.Logf("25 MB: %v (%.1f MB/s); 50 MB: %v (%.1f MB/s); ratio %.2f (2.0 is linear)",
		time1, 25/time1.Seconds(), time2, 50/time2.Seconds(), time2.Seconds()/time1.Seconds())
}

func timeReplay(t *testing.T, src string, tables int) time.Duration {
	t.Helper()
	start := time.Now()
	cat := schema.NewCatalog()
	ReplaySource(cat, "dump.sql", src, pg)
	elapsed := time.Since(start)
	if len(cat.Tables) != tables {
		t.Fatalf("%d tables, want %d", len(cat.Tables), tables)
	}
	last := cat.Table(fmt.Sprintf("t%d", tables-1))
	if got := strings.Join(keySet(cat, last.Name), " | "); got != fmt.Sprintf("t%[1]d_pkey(id) | index_t%[1]d_on_email(lower(email)) where deleted_at is null", tables-1) {
		t.Fatalf("last table keys = %s", got)
	}
	return elapsed
}

// TestCachedConcurrent: concurrent callers share one replay per directory
// and each gets an equal catalog.
func TestCachedConcurrent(t *testing.T) {
	root := writeTree(t, map[string]string{
		"a/1.sql": "CREATE TABLE a (id int PRIMARY KEY);",
		"b/1.sql": "CREATE TABLE b (id int PRIMARY KEY);",
	})
	dirs := []Dir{{Path: "a", Dialect: pg}, {Path: "b", Dialect: pg}}
	var wg sync.WaitGroup
	cats := make([]*schema.Catalog, 8)
	for i := range cats {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cat, err := Cached(root, dirs)
			if err != nil {
				t.Error(err)
			}
			cats[i] = cat
		}()
	}
	wg.Wait()
	for _, cat := range cats {
		if cat == nil || cat.Table("a") == nil || cat.Table("b") == nil {
			t.Fatalf("cached catalog incomplete")
		}
	}
	// The files are read once: changing them does not change the result.
	if err := os.WriteFile(filepath.Join(root, "a", "1.sql"), []byte("SELECT 1;"), 0o644); err != nil {
		t.Fatal(err)
	}
	cat, _ := Cached(root, dirs)
	if cat.Table("a") == nil {
		t.Errorf("Cached read the directory again")
	}
	if cat2, _ := Load(root, dirs); cat2.Table("a") != nil {
		t.Errorf("Load should read the directory afresh")
	}
	// Each caller owns its catalog's tables.
	cats[0].Tables["x"] = schema.NewTable("x")
	if cats[1].Table("x") != nil {
		t.Errorf("cached catalogs share their table map")
	}
}
