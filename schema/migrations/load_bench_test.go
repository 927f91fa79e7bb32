package migrations

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// These benchmarks complement bench_test.go: the scanner and a directory
// load at two sizes each, so that linear growth shows as a constant MB/s.

// BenchmarkScanSize lexes and splits a generated pg_dump-like schema (the
// one TestLargeDump replays) of 1 MB and of 8 MB.
func BenchmarkScanSize(b *testing.B) {
	for _, mb := range []int{1, 8} {
		src, _ := bigDump(mb << 20)
		b.Run(fmt.Sprintf("MB=%d", mb), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for i := 0; i < b.N; i++ {
				_ = sqlscan.SplitStatements(src, sqlscan.Postgres)
			}
		})
	}
}

// BenchmarkLoadDir is what the analyzer does once per process for a
// module: discover the migrations directory and replay every file, here
// golang-migrate files of about 600 bytes, 1,000 and 2,000 of them. Under
// go vet each package with a get-or-create call pays this once.
func BenchmarkLoadDir(b *testing.B) {
	for _, n := range []int{1000, 2000} {
		root := b.TempDir()
		dir := filepath.Join(root, "db", "migrations")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			b.Fatal(err)
		}
		var size int64
		for i := 0; i < n; i++ {
			src := benchStep(i)
			size += int64(len(src))
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%05d_step.up.sql", i+1)), []byte(src), 0o644); err != nil {
				b.Fatal(err)
			}
		}
		b.Run(fmt.Sprintf("files=%d", n), func(b *testing.B) {
			b.SetBytes(size)
			for i := 0; i < b.N; i++ {
				dirs, err := Discover(root, Hints{})
				if err != nil || len(dirs) != 1 {
					b.Fatalf("Discover: %v %v", dirs, err)
				}
				cat, err := Load(root, dirs)
				if err != nil || cat.Table("t0") == nil {
					b.Fatalf("Load: %v", err)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "files/s")
		})
	}
}

// benchStep is one step of a history over 200 tables: a create with
// keys, or a later change, with comments and a function body in between.
func benchStep(i int) string {
	t := i % 200
	switch {
	case i < 200:
		return fmt.Sprintf(`-- t%[1]d holds accounts.
CREATE TABLE t%[1]d (
    id bigserial PRIMARY KEY,
    email varchar(255) NOT NULL,
    code text,
    org_id bigint,
    deleted_at timestamptz
);
CREATE UNIQUE INDEX t%[1]d_email ON t%[1]d (email) WHERE deleted_at IS NULL;
ALTER TABLE t%[1]d ADD CONSTRAINT t%[1]d_code_key UNIQUE (code);
`, t)
	case i%4 == 0:
		return fmt.Sprintf("ALTER TABLE t%[1]d ADD COLUMN c%[2]d text;\nCREATE UNIQUE INDEX t%[1]d_c%[2]d ON t%[1]d (org_id, c%[2]d);\n", t, i)
	case i%4 == 1:
		return fmt.Sprintf(`CREATE OR REPLACE FUNCTION f%[2]d() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- UNIQUE here is not a key
    NEW.code := lower(NEW.code);
    RETURN NEW;
END;
$$;
CREATE TRIGGER tr%[2]d BEFORE INSERT ON t%[1]d FOR EACH ROW EXECUTE FUNCTION f%[2]d();
`, t, i)
	case i%4 == 2:
		return fmt.Sprintf("INSERT INTO t%[1]d (email, code) VALUES ('a%[2]d@example.com', 'c%[2]d'), ('b%[2]d@example.com', 'd%[2]d');\nCOMMENT ON TABLE t%[1]d IS 'step %[2]d; still accounts';\n", t, i)
	default:
		return fmt.Sprintf("CREATE INDEX CONCURRENTLY t%[1]d_org_%[2]d ON t%[1]d (org_id);\nDROP INDEX IF EXISTS t%[1]d_org_%[2]d;\n", t, i)
	}
}
