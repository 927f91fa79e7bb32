package migrations

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// BenchmarkScan measures the lexer and statement splitter in MB/s over the
// real-world corpus.
func BenchmarkScan(b *testing.B) {
	var srcs []string
	var size int64
	for _, d := range []string{"postgres", "mysql", "sqlite"} {
		files, _ := filepath.Glob(filepath.Join(corpusRoot, d, "*.sql"))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			srcs = append(srcs, string(data))
			size += int64(len(data))
		}
	}
	b.SetBytes(size)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range srcs {
			_ = sqlscan.SplitStatements(s, sqlscan.Generic)
		}
	}
}

// BenchmarkReplayCorpus replays the 52 real files (lex, split, recognise,
// apply).
func BenchmarkReplayCorpus(b *testing.B) {
	type file struct {
		src string
		d   sqlscan.Dialect
	}
	var files []file
	var size int64
	for _, d := range []sqlscan.Dialect{sqlscan.Postgres, sqlscan.MySQL, sqlscan.SQLite} {
		paths, _ := filepath.Glob(filepath.Join(corpusRoot, d.String(), "*.sql"))
		for _, p := range paths {
			data, _ := os.ReadFile(p)
			files = append(files, file{string(data), d})
			size += int64(len(data))
		}
	}
	b.SetBytes(size)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, f := range files {
			ReplaySource(schema.NewCatalog(), "f.sql", f.src, f.d)
		}
	}
}

// migrationOf10k generates 10,000 statements: tables with keys, indexes,
// renames, drops and data, over tables tables (so that the per-table state
// grows with the size).
func migrationOf10k(tables int) string {
	var b strings.Builder
	for i := 0; b.Len() >= 0; i++ {
		t := (i / 10) % tables
		switch i % 10 {
		case 0:
			fmt.Fprintf(&b, "CREATE TABLE IF NOT EXISTS t%d (id bigint PRIMARY KEY, email text NOT NULL UNIQUE, org int);\n", t)
		case 1:
			fmt.Fprintf(&b, "CREATE UNIQUE INDEX IF NOT EXISTS t%d_org_email ON t%d (org, lower(email)) WHERE org IS NOT NULL;\n", t, t)
		case 2:
			fmt.Fprintf(&b, "CREATE INDEX t%d_org_%d ON t%d (org);\n", t, i, t)
		case 3:
			fmt.Fprintf(&b, "ALTER TABLE t%d ADD COLUMN c%d text UNIQUE, ADD CONSTRAINT t%d_u%d UNIQUE (org, c%d);\n", t, i, t, i, i)
		case 4:
			fmt.Fprintf(&b, "INSERT INTO t%d (id, email) VALUES (%d, 'x%d@example.com');\n", t, i, i)
		case 5:
			fmt.Fprintf(&b, "ALTER TABLE t%d DROP CONSTRAINT IF EXISTS t%d_u%d;\n", t, t, i-2)
		case 6:
			fmt.Fprintf(&b, "ALTER TABLE t%d RENAME COLUMN c%d TO d%d;\n", t, i-3, i)
		case 7:
			fmt.Fprintf(&b, "DROP INDEX IF EXISTS t%d_org_%d;\n", t, i-5)
		case 8:
			fmt.Fprintf(&b, "COMMENT ON TABLE t%d IS 'table %d; with a semicolon';\n", t, i)
		case 9:
			fmt.Fprintf(&b, "ALTER TABLE t%d DROP COLUMN d%d;\n", t, i-3)
		}
		if i == 9999 {
			break
		}
	}
	return b.String()
}

// BenchmarkReplay10k replays 10,000 statements over 100 and over 1,000
// tables; statements per second should not depend on the table count, and
// ns/op per statement is ns/op / 10,000.
func BenchmarkReplay10k(b *testing.B) {
	for _, tables := range []int{100, 1000} {
		src := migrationOf10k(tables)
		b.Run(fmt.Sprintf("tables=%d", tables), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for i := 0; i < b.N; i++ {
				ReplaySource(schema.NewCatalog(), "m.sql", src, sqlscan.Postgres)
			}
		})
	}
}

// BenchmarkReplaySize replays 10,000 and 20,000 statements: ns/op should
// double.
func BenchmarkReplaySize(b *testing.B) {
	one := migrationOf10k(1000)
	two := one + strings.ReplaceAll(one, " t", " u")
	for _, c := range []struct {
		name string
		src  string
	}{{"statements=10000", one}, {"statements=20000", two}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.src)))
			for i := 0; i < b.N; i++ {
				ReplaySource(schema.NewCatalog(), "m.sql", c.src, sqlscan.Postgres)
			}
		})
	}
}

// TestBenchmarkInput checks the generated migration does what the
// benchmark claims, so that it measures real work.
func TestBenchmarkInput(t *testing.T) {
	src := migrationOf10k(100)
	if n := len(sqlscan.SplitStatements(src, sqlscan.Postgres)); n != 10000 {
		t.Fatalf("%d statements, want 10000", n)
	}
	cat := replay(pg, src)
	if len(cat.Tables) != 100 {
		t.Fatalf("%d tables, want 100", len(cat.Tables))
	}
	got := strings.Join(keySet(cat, "t7"), " | ")
	if !strings.HasPrefix(got, "t7_pkey(id) | t7_email_key(email) | t7_org_email(org,lower(email)) where org is not null") {
		t.Errorf("t7 keys = %s", got)
	}
	if len(cat.Warnings) != 0 {
		t.Errorf("warnings: %v", cat.Warnings[:1])
	}
}
