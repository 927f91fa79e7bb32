package livedb

import (
	"context"
	"database/sql"
	"testing"
)

// Counting from the file groups and filters as SQLite's own GROUP BY and =
// do: the column's collation, integral reals equal to integers, numeric
// text compared with a numeric column as a number, and text with a text
// column as text. Each answer is checked against SQLite running the
// listing query on the same file.
func TestDuplicatesSQLiteSemantics(t *testing.T) {
	path := newSQLite(t,
		`CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT COLLATE NOCASE, code TEXT, n INT, score REAL, flag INT)`,
		`INSERT INTO t (name, code, n, score, flag) VALUES
			('Go', '5', 5, 1.0, 1), ('go', '5', 5, 1, 1), ('GO', 'x', 6, 2.5, 0),
			('rust', '05', 7, 2.5, 1), ('Rust ', '5.0', 7, 3, 1), (NULL, NULL, NULL, NULL, 1), (NULL, NULL, NULL, NULL, 1)`)
	lookups := []DuplicateLookup{
		{Table: "t", Columns: []string{"name"}},
		{Table: "t", Columns: []string{"score"}},
		{Table: "t", Columns: []string{"code"}, Where: []Condition{Equals("n", String("5"))}},
		{Table: "t", Columns: []string{"name"}, Where: []Condition{Equals("code", Int(5))}},
		{Table: "t", Columns: []string{"n"}, Where: []Condition{Equals("flag", Bool(true))}},
		{Table: "T", Columns: []string{"NAME"}, Where: []Condition{IsNull("n")}},
		{Table: "t", Columns: []string{"no_such_column"}},
	}
	got, err := FindDuplicates(context.Background(), path, lookups, DuplicateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for i, r := range got[:len(got)-1] {
		if r.State != Counted {
			t.Errorf("lookup %d: %s (%v)", i, r.State, r.Err)
			continue
		}
		if want := countRowsSQL(t, db, r.Query); r.Groups != want {
			t.Errorf("lookup %d: %d groups, SQLite's %s gives %d", i, r.Groups, r.Query, want)
		}
	}
	for i, w := range []int{1, 2, 1, 1, 2, 0} {
		if got[i].Groups != w {
			t.Errorf("lookup %d: %d groups, want %d: %s", i, got[i].Groups, w, got[i].Message())
		}
	}
	if r := got[0]; r.Example.Rows != 3 || r.Example.Values[0] != "'Go'" {
		t.Errorf("example %+v, want 'Go' with 3 rows (NOCASE)", r.Example)
	}
	if r := got[len(got)-1]; r.State != CountFailed {
		t.Errorf("unknown column: %s", r.State)
	}
}
