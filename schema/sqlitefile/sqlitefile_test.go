package sqlitefile

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"

	_ "modernc.org/sqlite"
)

// newDB creates a database file with SQLite itself (pragmas first, then
// stmts) and returns its path and what SQLite reports as sqlite_schema.
func newDB(t *testing.T, pragmas []string, stmts ...string) (string, []Object) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "app.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for _, s := range append(pragmas, stmts...) {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%.80s: %v", s, err)
		}
	}
	rows, err := db.Query(`SELECT type, name, tbl_name, rootpage, sql FROM sqlite_schema ORDER BY rowid`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var want []Object
	for rows.Next() {
		var o Object
		var sqlText sql.NullString
		if err := rows.Scan(&o.Type, &o.Name, &o.Table, &o.RootPage, &sqlText); err != nil {
			t.Fatal(err)
		}
		o.SQL = sqlText.String
		want = append(want, o)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return path, want
}

func checkSame(t *testing.T, path string, want []Object) {
	t.Helper()
	got, err := ReadSchema(path)
	if err != nil {
		t.Fatalf("ReadSchema: %v", err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("ReadSchema returned %d objects, SQLite %d\ngot:  %.2000v\nwant: %.2000v", len(got), len(want), got, want)
	}
}

func TestSmallSchema(t *testing.T) {
	path, want := newDB(t, nil,
		`CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT)`,
		`CREATE UNIQUE INDEX users_name ON users (name) WHERE name IS NOT NULL`,
		`CREATE TABLE kv (k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID`,
		`CREATE VIEW names AS SELECT name FROM users`,
		`CREATE TRIGGER t AFTER INSERT ON users BEGIN SELECT 1; END`,
	)
	if len(want) < 6 {
		t.Fatalf("SQLite reported only %d objects", len(want))
	}
	checkSame(t, path, want)
}

// A CREATE statement longer than a page continues on overflow pages.
func TestOverflowPages(t *testing.T) {
	var cols []string
	for i := range 800 {
		cols = append(cols, fmt.Sprintf("column_with_a_long_name_%04d TEXT NOT NULL DEFAULT 'x'", i))
	}
	long := "CREATE TABLE wide (" + strings.Join(cols, ", ") + ")"
	for _, pageSize := range []int{512, 4096, 65536} {
		t.Run(fmt.Sprint(pageSize), func(t *testing.T) {
			path, want := newDB(t, []string{fmt.Sprintf("PRAGMA page_size = %d", pageSize)},
				long, `CREATE UNIQUE INDEX wide_0 ON wide (column_with_a_long_name_0000)`)
			if len(want[0].SQL) < 4*pageSize && pageSize < 65536 {
				t.Fatalf("statement of %d bytes does not overflow a %d-byte page", len(want[0].SQL), pageSize)
			}
			checkSame(t, path, want)
		})
	}
}

// Many tables make sqlite_schema an interior page with leaf children.
func TestManyTables(t *testing.T) {
	var stmts []string
	for i := range 600 {
		stmts = append(stmts, fmt.Sprintf("CREATE TABLE t%03d (id INTEGER PRIMARY KEY, code TEXT UNIQUE, note TEXT)", i),
			fmt.Sprintf("CREATE UNIQUE INDEX t%03d_note ON t%03d (note)", i, i))
	}
	path, want := newDB(t, []string{"PRAGMA page_size = 1024"}, stmts...)
	checkSame(t, path, want)
	f, _ := os.Open(path)
	defer f.Close()
	var b [1]byte
	f.ReadAt(b[:], 100)
	if b[0] != 0x05 {
		t.Fatalf("page 1 has type %#x, want an interior page (0x05)", b[0])
	}
}

func TestUTF16Database(t *testing.T) {
	for _, enc := range []string{"UTF-16le", "UTF-16be"} {
		t.Run(enc, func(t *testing.T) {
			path, want := newDB(t, []string{"PRAGMA encoding = '" + enc + "'"},
				`CREATE TABLE "straße" ("größe" TEXT UNIQUE, "😀" INT)`)
			checkSame(t, path, want)
		})
	}
}

func TestEmptyDatabase(t *testing.T) {
	path, want := newDB(t, nil, `CREATE TABLE t (x)`, `DROP TABLE t`)
	if len(want) != 0 {
		t.Fatalf("want no objects, SQLite has %v", want)
	}
	checkSame(t, path, want)
}

func TestReadingDoesNotChangeTheFile(t *testing.T) {
	path, _ := newDB(t, nil, `CREATE TABLE t (id INTEGER PRIMARY KEY)`)
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	os.Chtimes(path, old, old)
	before, _ := os.ReadFile(path)
	if _, err := ReadSchema(path); err != nil {
		t.Fatal(err)
	}
	after, _ := os.ReadFile(path)
	info, _ := os.Stat(path)
	if string(before) != string(after) || !info.ModTime().Equal(old) {
		t.Fatal("ReadSchema changed the database file")
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Fatalf("ReadSchema left files beside the database: %v", entries)
	}
}

func TestNotRegularFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.db")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{fifo, dir, "/dev/zero"} {
		done := make(chan error, 1)
		go func() { _, err := ReadSchema(path); done <- err }()
		select {
		case err := <-done:
			if !errors.Is(err, ErrNotRegular) {
				t.Errorf("%s: err = %v, want ErrNotRegular", path, err)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: ReadSchema blocked", path)
		}
	}
}

func TestDamagedFiles(t *testing.T) {
	path, _ := newDB(t, []string{"PRAGMA page_size = 512"},
		`CREATE TABLE t (id INTEGER PRIMARY KEY, x TEXT)`)
	good, _ := os.ReadFile(path)
	dir := t.TempDir()
	cases := map[string][]byte{
		"empty":          nil,
		"text":           []byte(strings.Repeat("not a database ", 100)),
		"header only":    good[:100],
		"truncated":      good[:300],
		"bad page size":  append(append(append([]byte{}, good[:16]...), 0x03, 0x00), good[18:]...),
		"page 1 garbage": append(append([]byte{}, good[:100]...), make([]byte, len(good)-100)...),
	}
	for name, data := range cases {
		p := filepath.Join(dir, strings.ReplaceAll(name, " ", "_"))
		os.WriteFile(p, data, 0o644)
		if _, err := ReadSchema(p); !errors.Is(err, ErrNotDatabase) {
			t.Errorf("%s: err = %v, want ErrNotDatabase", name, err)
		}
	}
	// Every single-byte corruption of the schema page fails cleanly or
	// reads something: never a panic or a hang.
	for i := 100; i < 512; i++ {
		bad := append([]byte{}, good...)
		bad[i] ^= 0xff
		f := &file{r: readerAt(bad), size: int64(len(bad))}
		if db, err := open(f.r, f.size); err == nil {
			db.schema()
		}
	}
}

func TestUncheckpointedWAL(t *testing.T) {
	path := filepath.Join(t.TempDir(), "wal.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for _, s := range []string{"PRAGMA journal_mode = WAL", "PRAGMA wal_autocheckpoint = 0", "CREATE TABLE t (x)"} {
		if _, err := db.Exec(s); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := ReadSchema(path); !errors.Is(err, ErrUncheckpointedWAL) {
		t.Fatalf("err = %v, want ErrUncheckpointedWAL", err)
	}
	if _, err := db.Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		t.Fatal(err)
	}
	got, err := ReadSchema(path)
	if err != nil || len(got) != 1 || got[0].Name != "t" {
		t.Fatalf("after the checkpoint: %v, %v", got, err)
	}
}

type readerAt []byte

func (r readerAt) ReadAt(p []byte, off int64) (int, error) {
	if off >= int64(len(r)) {
		return 0, fmt.Errorf("EOF")
	}
	n := copy(p, r[off:])
	if n < len(p) {
		return n, fmt.Errorf("EOF")
	}
	return n, nil
}
