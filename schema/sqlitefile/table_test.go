package sqlitefile

import (
	"database/sql"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// readAll returns every row OpenTable reads, each formatted with %v.
func readAll(t *testing.T, path, table string) ([]Column, []string, error) {
	t.Helper()
	tb, err := OpenTable(path, table)
	if err != nil {
		return nil, nil, err
	}
	defer tb.Close()
	var rows []string
	err = tb.Rows(func(vals []any) error {
		rows = append(rows, fmt.Sprintf("%v", vals))
		return nil
	})
	return tb.Columns, rows, err
}

// The rows read from the file are those SQLite itself returns, in rowid
// order, across interior and overflow pages; the INTEGER PRIMARY KEY
// column holds the rowid.
func TestTableRowsMatchSQLite(t *testing.T) {
	long := strings.Repeat("x", 5000)
	stmts := []string{`CREATE TABLE tags (id INTEGER PRIMARY KEY, name VARCHAR(50) COLLATE NOCASE, n INT, w REAL, b BLOB)`}
	stmts = append(stmts, `INSERT INTO tags (name, n, w, b) WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM s WHERE i < 3000)
		SELECT 't' || (i % 7), i, i + 0.5, x'0102' FROM s`)
	stmts = append(stmts, `INSERT INTO tags (name) VALUES ('`+long+`')`)
	path, _ := newDB(t, nil, stmts...)
	cols, rows, err := readAll(t, path, "TAGS")
	if err != nil {
		t.Fatal(err)
	}
	wantCols := []Column{{Name: "id", Affinity: Integer}, {Name: "name", Affinity: Text, NoCase: true},
		{Name: "n", Affinity: Integer}, {Name: "w", Affinity: Real}, {Name: "b", Affinity: Blob}}
	if !reflect.DeepEqual(cols, wantCols) {
		t.Errorf("columns %+v, want %+v", cols, wantCols)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	q, err := db.Query(`SELECT id, name, n, w, b FROM tags ORDER BY rowid`)
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	var want []string
	for q.Next() {
		vals := make([]any, 5)
		ptrs := []any{&vals[0], &vals[1], &vals[2], &vals[3], &vals[4]}
		if err := q.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		want = append(want, fmt.Sprintf("%v", vals))
	}
	if len(rows) != 3001 || !reflect.DeepEqual(rows, want) {
		t.Errorf("read %d rows; first differs: %v", len(rows), firstDiff(rows, want))
	}
}

func firstDiff(a, b []string) string {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return fmt.Sprintf("row %d: %.80s vs %.80s", i, a[i], b[i])
		}
	}
	return fmt.Sprintf("lengths %d vs %d", len(a), len(b))
}

// A column added later reads as NULL in older rows, unless it was added
// with a default, which the reader does not evaluate: it says so.
func TestTableAddedColumns(t *testing.T) {
	path, _ := newDB(t, nil, `CREATE TABLE a (x TEXT)`, `INSERT INTO a VALUES ('old')`, `ALTER TABLE a ADD COLUMN y TEXT`,
		`INSERT INTO a VALUES ('new', 'y')`)
	if _, rows, err := readAll(t, path, "a"); err != nil || !reflect.DeepEqual(rows, []string{"[old <nil>]", "[new y]"}) {
		t.Errorf("rows %v, err %v", rows, err)
	}
	path, _ = newDB(t, nil, `CREATE TABLE a (x TEXT)`, `INSERT INTO a VALUES ('old')`, `ALTER TABLE a ADD COLUMN y TEXT DEFAULT 'd'`)
	if _, _, err := readAll(t, path, "a"); !errors.Is(err, ErrAddedDefault) {
		t.Errorf("err = %v, want ErrAddedDefault", err)
	}
}

func TestTableRefusals(t *testing.T) {
	path, _ := newDB(t, nil, `CREATE TABLE w (k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID`,
		`CREATE TABLE p (k INT PRIMARY KEY, v TEXT)`, `INSERT INTO p VALUES (7, 'seven')`)
	if _, _, err := readAll(t, path, "w"); !errors.Is(err, ErrWithoutRowid) {
		t.Errorf("WITHOUT ROWID: err = %v", err)
	}
	if _, _, err := readAll(t, path, "missing"); !errors.Is(err, ErrNoTable) {
		t.Errorf("missing table: err = %v", err)
	}
	// INT PRIMARY KEY is not the rowid: the stored value is read.
	if _, rows, err := readAll(t, path, "p"); err != nil || !reflect.DeepEqual(rows, []string{"[7 seven]"}) {
		t.Errorf("rows %v, err %v", rows, err)
	}
}
