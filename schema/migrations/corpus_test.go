package migrations

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// corpusRoot holds verbatim copies of real migrations (see its SOURCES.md).
const corpusRoot = "testdata/corpus"

// sharedCorpus is the same test set beside the checkout, when present.
const sharedCorpus = "../../../shared/testdata/migrations"

// corpusEntries lists the single files and replay directories of a corpus,
// relative to it: "postgres/x.sql", "postgres/replay/owner__repo".
func corpusEntries(t *testing.T, root string) []string {
	t.Helper()
	var out []string
	for _, d := range []string{"postgres", "mysql", "sqlite"} {
		files, err := filepath.Glob(filepath.Join(root, d, "*.sql"))
		if err != nil {
			t.Fatal(err)
		}
		dirs, _ := filepath.Glob(filepath.Join(root, d, "replay", "*"))
		for _, f := range append(files, dirs...) {
			rel, _ := filepath.Rel(root, f)
			out = append(out, filepath.ToSlash(rel))
		}
	}
	sort.Strings(out)
	return out
}

func loadEntry(t *testing.T, root, rel string) *schema.Catalog {
	t.Helper()
	cat, err := Load(root, []Dir{{Path: rel}})
	if err != nil {
		t.Fatalf("Load(%s): %v", rel, err)
	}
	return cat
}

func goldenName(rel string) string {
	return filepath.Join("testdata", "golden", strings.ReplaceAll(strings.TrimSuffix(rel, ".sql"), "/", "__")+".keys")
}

// TestGolden compares the final unique keys of every corpus file and replay
// directory with testdata/golden (checked by hand against the SQL; run with
// -update to rewrite them after a deliberate change, then review the diff).
func TestGolden(t *testing.T) {
	entries := corpusEntries(t, corpusRoot)
	if len(entries) != 58 {
		t.Fatalf("corpus has %d entries, want 52 files and 6 replay directories", len(entries))
	}
	for _, rel := range entries {
		t.Run(rel, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteText(&buf, loadEntry(t, corpusRoot, rel), nil); err != nil {
				t.Fatal(err)
			}
			golden := goldenName(rel)
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got := buf.String(); got != string(want) {
				t.Errorf("keys differ from %s\n--- got\n%s\n--- want\n%s", golden, got, want)
			}
		})
	}
}

// TestSharedCorpus processes the test set beside the checkout, when there,
// and checks it matches the copies the golden files were made from.
func TestSharedCorpus(t *testing.T) {
	if _, err := os.Stat(sharedCorpus); err != nil {
		t.Skipf("shared test set not present: %v", err)
	}
	entries := corpusEntries(t, sharedCorpus)
	if len(entries) < 58 {
		t.Fatalf("shared corpus has %d entries, want at least 58", len(entries))
	}
	for _, rel := range entries {
		shared := loadEntry(t, sharedCorpus, rel)
		var a, b bytes.Buffer
		_ = WriteText(&a, shared, nil)
		if _, err := os.Stat(filepath.Join(corpusRoot, rel)); err != nil {
			continue // a file added to the shared set later: processed without error is enough
		}
		_ = WriteText(&b, loadEntry(t, corpusRoot, rel), nil)
		if a.String() != b.String() {
			t.Errorf("%s: shared copy replays differently from testdata/corpus", rel)
		}
	}
}

func countKeys(cat *schema.Catalog) (keys, exprs, partial int) {
	for _, tb := range cat.Tables {
		for _, k := range tb.Keys {
			keys++
			if k.Where != "" {
				partial++
			}
			for _, p := range k.Parts {
				if p.Expr != "" {
					exprs++
					break
				}
			}
		}
	}
	return
}

// TestCorpusCounts pins the per-dialect totals and the hand-counted files.
func TestCorpusCounts(t *testing.T) {
	totals := map[string]int{}
	for _, rel := range corpusEntries(t, corpusRoot) {
		if strings.Contains(rel, "/replay/") {
			continue
		}
		n, _, _ := countKeys(loadEntry(t, corpusRoot, rel))
		totals[strings.Split(rel, "/")[0]] += n
	}
	// PostgreSQL drops a UNIQUE equal to the primary key and SQLite skips an
	// identical automatic index; MySQL keeps both.
	want := map[string]int{"postgres": 205, "mysql": 200, "sqlite": 100}
	for d, n := range want {
		if totals[d] != n {
			t.Errorf("%s: %d keys in the single files, want %d", d, totals[d], n)
		}
	}
	tests := []struct {
		rel                   string
		keys, exprs, partials int
	}{
		// 65 PRIMARY KEY/UNIQUE constraints and 27 unique indexes, of which
		// lower((name)::text) and lower((address)::text) are expressions and 4
		// have a WHERE clause.
		{"postgres/danbooru__danbooru__structure.sql", 92, 2, 4},
		{"mysql/sharetribe__sharetribe__structure.sql", 105, 0, 0},
		{"sqlite/usememos__memos__LATEST.sql", 19, 0, 0},
		{"postgres/usememos__memos__LATEST.sql", 19, 0, 0},
		{"mysql/usememos__memos__LATEST.sql", 19, 0, 0},
		{"postgres/supabase__auth__20220429102000_add_unique_idx.up.sql", 5, 0, 5},
		{"postgres/supabase__auth__20221021082433_add_saml.up.sql", 8, 2, 0},
	}
	for _, tt := range tests {
		k, e, p := countKeys(loadEntry(t, corpusRoot, tt.rel))
		if k != tt.keys || e != tt.exprs || p != tt.partials {
			t.Errorf("%s: %d keys, %d expression, %d partial; want %d, %d, %d", tt.rel, k, e, p, tt.keys, tt.exprs, tt.partials)
		}
	}
}

// keySet renders a table's keys as "name(parts)[where]" for assertions.
func keySet(cat *schema.Catalog, table string) []string {
	tb := cat.Table(table)
	if tb == nil {
		return nil
	}
	var out []string
	for _, k := range tb.Keys {
		s := k.Name + "(" + strings.Join(k.Columns(), ",") + ")"
		if k.Where != "" {
			s += " where " + k.Where
		}
		if k.NullsNotDistinct {
			s += " nnd"
		}
		out = append(out, s)
	}
	return out
}

// TestReplayFinalStates states the hand-checked final state of the tables
// the replay directories change after creating them.
func TestReplayFinalStates(t *testing.T) {
	tests := []struct {
		dir, table string
		want       []string
	}{
		// 00003 declares UNIQUE(name, address) = locations_name_address_key;
		// 00004 drops it and adds an expression index, NULLS NOT DISTINCT.
		{"postgres/replay/Eeritvan__calendar", "locations", []string{
			"locations_pkey(id)", "locations_name_address_unique(name,address,cast(point as text)) nnd"}},
		// 1 replaces variants_key_key by UNIQUE(flag_key, key); 7 drops that
		// implicit variants_flag_key_key_key and the PK, then re-adds both.
		{"postgres/replay/flipt-io__flipt", "variants", []string{
			"variants_pkey(id)", "variants_namespace_flag_key(namespace_key,flag_key,key)"}},
		// key PRIMARY KEY UNIQUE: PostgreSQL keeps only flags_pkey, so no
		// phantom flags_key_key (key) survives the composite primary key.
		{"postgres/replay/flipt-io__flipt", "flags", []string{"flags_pkey(namespace_key,key)"}},
		{"postgres/replay/flipt-io__flipt", "rollout_segment_references", []string{
			"rollout_segment_references_rollout_segment_id_namespace_key_key(rollout_segment_id,namespace_key,segment_key)"}},
		// MySQL: DROP INDEX `key` is the implicit name of the UNIQUE on key.
		{"mysql/replay/flipt-io__flipt", "flags", []string{"PRIMARY(namespace_key,key)"}},
		{"mysql/replay/flipt-io__flipt", "variants", []string{
			"id(id)", "PRIMARY(id)", "variants_namespace_flag_key(namespace_key,flag_key,key)"}},
		// SQLite rebuilds tables through *_temp copies.
		{"sqlite/replay/flipt-io__flipt", "variants", []string{"(id)", "(namespace_key,flag_key,key)"}},
		{"sqlite/replay/flipt-io__flipt", "flags", []string{"(namespace_key,key)"}},
		{"postgres/replay/getpolygon__polygon", "users", []string{
			"users_pkey(id)", "users_email_key(email)", "users_username_key(username)", "users_id_pkey(id)"}},
		{"postgres/replay/KasumiMercury__primind-central-backend", "auth_oidc_identities", []string{
			"auth_oidc_identities_pkey(provider,subject)"}},
	}
	for _, tt := range tests {
		got := keySet(loadEntry(t, corpusRoot, tt.dir), tt.table)
		if strings.Join(got, " | ") != strings.Join(tt.want, " | ") {
			t.Errorf("%s %s:\n got %v\nwant %v", tt.dir, tt.table, got, tt.want)
		}
	}
}

// TestSupabaseDoBlock: DDL inside DO $$ is applied (the drop of the
// implicit users_email_key really happens there), with a warning and the
// table's keys marked uncertain.
func TestSupabaseDoBlock(t *testing.T) {
	cat := schema.NewCatalog()
	r := NewReplayer(cat, sqlscan.Postgres)
	for _, f := range []string{"00_init_auth_schema.up.sql", "20221215195500_modify_users_email_unique_index.up.sql"} {
		src, err := os.ReadFile(filepath.Join(corpusRoot, "postgres", "supabase__auth__"+f))
		if err != nil {
			t.Fatal(err)
		}
		r.Replay(f, string(src))
	}
	got := keySet(cat, "users")
	want := []string{"users_pkey(id)", "users_email_partial_key(email) where is_sso_user = false"}
	if strings.Join(got, " | ") != strings.Join(want, " | ") {
		t.Errorf("users keys = %v, want %v", got, want)
	}
	if k := cat.Table("users").Keys[0]; !k.Uncertain {
		t.Errorf("users_pkey should be uncertain after the DO block")
	}
	if len(cat.Warnings) != 1 || !strings.Contains(cat.Warnings[0].Message, "DO block") {
		t.Errorf("warnings = %v, want one about the DO block", cat.Warnings)
	}
}
