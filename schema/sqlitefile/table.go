package sqlitefile

import (
	"errors"
	"fmt"
	"math"
	"os"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// Affinity is a column's type affinity, which decides how SQLite converts
// a value compared with the column (https://www.sqlite.org/datatype3.html).
type Affinity uint8

const (
	Blob    Affinity = iota // no conversion
	Text                    // numbers compared with the column become text
	Numeric                 // well-formed numeric text becomes a number
	Integer
	Real
)

// Column is one column of a table as its CREATE TABLE declares it.
type Column struct {
	Name       string // normalised as the schema package does
	Affinity   Affinity
	NoCase     bool // COLLATE NOCASE: text compares case-insensitively (ASCII)
	RTrim      bool // COLLATE RTRIM: trailing spaces are ignored
	HasDefault bool
}

// ErrWithoutRowid reports a WITHOUT ROWID table, whose rows live in an
// index b-tree that Table does not read.
var ErrWithoutRowid = errors.New("WITHOUT ROWID tables are not read")

// ErrNoTable reports a table the database does not have.
var ErrNoTable = errors.New("no such table")

// ErrAddedDefault reports a row stored before ALTER TABLE ADD COLUMN gave
// the table a column with a default: the value the row has there is the
// default, which Table does not evaluate.
var ErrAddedDefault = errors.New("a row predates a column added with a default")

// Table reads the rows of one rowid table of a database file.
type Table struct {
	Columns []Column
	osf     *os.File
	db      *file
	root    uint32
	alias   int // index of the INTEGER PRIMARY KEY column (the rowid), or -1
}

// OpenTable opens the table named name (case-insensitively) of the database
// file at path, read-only and under the same rules as ReadSchema. Reading
// its rows may visit every page of the file once.
func OpenTable(path, name string) (*Table, error) {
	osf, db, err := openPath(path, maxSchemaPages)
	if err != nil {
		return nil, err
	}
	objs, err := db.schema()
	if err != nil {
		osf.Close()
		return nil, err
	}
	for _, o := range objs {
		if o.Type != "table" || schema.TableKey(o.Name) != schema.TableKey(name) {
			continue
		}
		cols, alias, withoutRowid := tableColumns(o.SQL)
		if withoutRowid {
			osf.Close()
			return nil, fmt.Errorf("%s: %w", o.Name, ErrWithoutRowid)
		}
		if o.RootPage <= 0 || o.RootPage > math.MaxUint32 || len(cols) == 0 {
			osf.Close()
			return nil, fmt.Errorf("%w: table %s", ErrNotDatabase, o.Name)
		}
		// Every page at most once, plus overflow pages: bounded by the file.
		db.visited, db.maxPages = 0, int(db.size/int64(db.pageSize))+1
		return &Table{Columns: cols, osf: osf, db: db, root: uint32(o.RootPage), alias: alias}, nil
	}
	osf.Close()
	return nil, fmt.Errorf("%w: %s", ErrNoTable, name)
}

// Close closes the file.
func (t *Table) Close() error { return t.osf.Close() }

// Rows calls each with every row's values in column order: int64, float64,
// string, []byte or nil; the INTEGER PRIMARY KEY column holds the rowid. It
// stops at the first error each returns and returns it. vals is reused
// between calls.
func (t *Table) Rows(each func(vals []any) error) error {
	vals := make([]any, len(t.Columns))
	return t.db.walk(t.root, func(rowid int64, payload []byte) error {
		rec, err := t.db.record(payload)
		if err != nil {
			return err
		}
		for i := range vals {
			switch {
			case i < len(rec):
				vals[i] = rec[i]
			case t.Columns[i].HasDefault:
				return ErrAddedDefault
			default:
				vals[i] = nil
			}
		}
		if t.alias >= 0 {
			vals[t.alias] = rowid
		}
		return each(vals)
	})
}

// tableColumns reads the columns of a CREATE TABLE statement, the index of
// its rowid alias column (-1 if none), and whether it is WITHOUT ROWID.
func tableColumns(create string) (cols []Column, alias int, withoutRowid bool) {
	toks := trimEOF(sqlscan.Lex(create, sqlscan.SQLite))
	alias = -1
	if n := len(toks); n >= 2 && toks[n-2].Is("without") && toks[n-1].Is("rowid") {
		withoutRowid = true
	}
	items := tableItems(toks)
	declared := map[string]string{} // column -> declared type, upper case
	var pk []string
	for _, item := range items {
		if len(item) == 0 {
			continue
		}
		if isTableConstraint(item[0]) {
			if i := wordPair(item, "primary", "key"); i >= 0 {
				pk = keyColumns(item[i+2:])
			}
			continue
		}
		if !item[0].IsName() {
			continue
		}
		c := Column{Name: item[0].Name()}
		var typ []string
		for _, t := range item[1:] {
			if !t.IsName() || isConstraintWord(t) {
				break
			}
			typ = append(typ, strings.ToUpper(t.Text))
		}
		declared[c.Name] = strings.Join(typ, " ")
		c.Affinity = affinity(declared[c.Name])
		for i, t := range item {
			switch {
			case t.Is("default"):
				c.HasDefault = true
			case t.Is("collate") && i+1 < len(item):
				c.NoCase = item[i+1].Is("nocase")
				c.RTrim = item[i+1].Is("rtrim")
			}
		}
		if wordPair(item, "primary", "key") >= 0 {
			pk = []string{c.Name}
		}
		cols = append(cols, c)
	}
	// A single-column primary key declared exactly INTEGER is the rowid.
	if !withoutRowid && len(pk) == 1 && declared[pk[0]] == "INTEGER" {
		for i, c := range cols {
			if c.Name == pk[0] {
				alias = i
			}
		}
	}
	return cols, alias, withoutRowid
}

// tableItems splits the parenthesised list of a CREATE TABLE at its
// top-level commas.
func tableItems(toks []sqlscan.Token) [][]sqlscan.Token {
	open := -1
	for i, t := range toks {
		if t.IsPunct("(") {
			open = i
			break
		}
	}
	if open < 0 {
		return nil
	}
	depth, end := 0, len(toks)
	for i := open; i < len(toks); i++ {
		switch {
		case toks[i].IsPunct("("):
			depth++
		case toks[i].IsPunct(")"):
			depth--
		}
		if depth == 0 {
			end = i
			break
		}
	}
	return sqlscan.SplitTopLevelPunct(toks[open+1:end], ",")
}

func isTableConstraint(t sqlscan.Token) bool {
	for _, w := range []string{"constraint", "primary", "unique", "check", "foreign"} {
		if t.Is(w) {
			return true
		}
	}
	return false
}

// wordPair returns the index of a then b in item, or -1.
func wordPair(item []sqlscan.Token, a, b string) int {
	for i := 0; i+1 < len(item); i++ {
		if item[i].Is(a) && item[i+1].Is(b) {
			return i
		}
	}
	return -1
}

// keyColumns reads the column names of "(a, b DESC, ...)".
func keyColumns(toks []sqlscan.Token) []string {
	var out []string
	for _, part := range tableItems(toks) {
		if len(part) > 0 && part[0].IsName() {
			out = append(out, part[0].Name())
		}
	}
	return out
}

// affinity applies SQLite's rules for a declared type, in their order.
func affinity(declared string) Affinity {
	switch {
	case strings.Contains(declared, "INT"):
		return Integer
	case strings.Contains(declared, "CHAR"), strings.Contains(declared, "CLOB"), strings.Contains(declared, "TEXT"):
		return Text
	case declared == "", strings.Contains(declared, "BLOB"):
		return Blob
	case strings.Contains(declared, "REAL"), strings.Contains(declared, "FLOA"), strings.Contains(declared, "DOUB"):
		return Real
	}
	return Numeric
}
