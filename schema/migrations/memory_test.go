package migrations

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// mysqlDump is a mysqldump with data: one table, then extended INSERTs up
// to about size bytes.
func mysqlDump(size int) string {
	var b strings.Builder
	b.WriteString("CREATE TABLE `coupons` (`id` bigint NOT NULL AUTO_INCREMENT, `code` varchar(64) NOT NULL,\n" +
		" PRIMARY KEY (`id`), UNIQUE KEY `coupons_code` (`code`)) ENGINE=InnoDB;\n")
	for i := 0; b.Len() < size; i += 500 {
		b.WriteString("INSERT INTO `coupons` VALUES ")
		for j := i; j < i+500; j++ {
			if j > i {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, "(%d,'c%d; it''s')", j, j)
		}
		b.WriteString(";\n")
	}
	b.WriteString("SELECT " + strings.Repeat("(", 1<<20) + ";\n")
	b.WriteString("CREATE UNIQUE INDEX coupons_id_code ON coupons (id, code);\n")
	return b.String()
}

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// Memory follows the statements that can change keys, not the file: the
// data of a dump is lexed but never kept. Materialising its tokens took
// about ten times the input.
func TestReplayOfADumpAllocatesLittleBeyondTheInput(t *testing.T) {
	src := mysqlDump(16 << 20)
	var cat *schema.Catalog
	n := allocated(func() {
		cat = schema.NewCatalog()
		ReplaySource(cat, "dump.sql", src, sqlscan.MySQL)
	})
	if got := strings.Join(keySet(cat, "coupons"), " | "); got != "PRIMARY(id) | coupons_code(code) | coupons_id_code(id,code)" {
		t.Fatalf("keys of coupons = %s", got)
	}
	if limit := uint64(len(src)) / 4; n > limit {
		t.Errorf("replaying a %d-byte dump allocated %d bytes, want at most %d", len(src), n, limit)
	}

	// Read from disk, the file is held once, as a string.
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "schema.sql"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	n = allocated(func() {
		var err error
		if cat, err = Load(root, []Dir{{Path: "schema.sql"}}); err != nil {
			t.Fatal(err)
		}
	})
	if cat.Table("coupons") == nil {
		t.Fatal("table coupons lost")
	}
	if limit := uint64(len(src)) * 3 / 2; n > limit {
		t.Errorf("loading a %d-byte dump allocated %d bytes, want at most %d", len(src), n, limit)
	}
}

// BenchmarkReplayMySQLDump measures the replay of a dump with data.
func BenchmarkReplayMySQLDump(b *testing.B) {
	src := mysqlDump(8 << 20)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		ReplaySource(schema.NewCatalog(), "dump.sql", src, sqlscan.MySQL)
	}
}

// A pg_dump with COPY data is blanked line by line: loading it costs the
// file and its blanked copy, not a string header per line.
func TestLoadOfAPgDumpWithCopyDataAllocatesTwiceTheInput(t *testing.T) {
	var b strings.Builder
	b.WriteString("CREATE TABLE public.coupons (id bigint NOT NULL, code text NOT NULL);\n")
	b.WriteString("COPY public.coupons (id, code) FROM stdin;\n")
	for i := 0; b.Len() < 16<<20; i++ {
		fmt.Fprintf(&b, "%d\tc%d it's\n", i, i)
	}
	b.WriteString("\\.\n\nALTER TABLE ONLY public.coupons ADD CONSTRAINT coupons_code_key UNIQUE (code);\n")
	src := b.String()
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "dump.sql"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	var cat *schema.Catalog
	n := allocated(func() {
		var err error
		if cat, err = Load(root, []Dir{{Path: "dump.sql", Dialect: sqlscan.Postgres}}); err != nil {
			t.Fatal(err)
		}
	})
	if got := strings.Join(keySet(cat, "coupons"), " | "); got != "coupons_code_key(code)" {
		t.Fatalf("keys of coupons = %s", got)
	}
	if limit := uint64(len(src)) * 5 / 2; n > limit {
		t.Errorf("loading a %d-byte dump allocated %d bytes, want at most %d", len(src), n, limit)
	}
}
