package livedb

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/schema/sqlitefile"
)

// maxSQLiteGroups bounds the distinct keys an SQLite count keeps in memory;
// a table with more is not counted, as one that runs out of time.
const maxSQLiteGroups = 1 << 20

// errTooManyGroups stops an SQLite count that would hold too many keys.
var errTooManyGroups = errors.New("too many distinct values to count")

// liteCounter counts an SQLite database's duplicates by reading the table's
// rows from the file (package sqlitefile) and grouping them here, with
// SQLite's comparison rules: no SQL engine is linked, nothing can be
// written, and the count stops at its timeout.
func liteCounter(_ context.Context, dsn string, _ DuplicateOptions) (counter, func(), error) {
	path, err := sqlitePath(dsn)
	if err != nil {
		return counter{}, nil, failure(dsn, ErrBadDSN, err)
	}
	if _, err := sqlitefile.ReadSchema(path); err != nil {
		return counter{}, nil, failure(dsn, classifySQLite(err), err)
	}
	return counter{
		lookup: func(ctx context.Context, l DuplicateLookup, limit int) ([][]any, error) {
			return countSQLite(ctx, path, l, limit)
		},
		timeout: func(err error) bool { return errors.Is(err, errTooManyGroups) },
		failure: func(err error) *Error {
			kind := ErrQuery
			if errors.Is(err, sqlitefile.ErrNotDatabase) {
				kind = classifySQLite(err)
			}
			return failure(dsn, kind, err)
		},
	}, func() {}, nil
}

// sqliteGroup is one group of rows sharing the lookup's values.
type sqliteGroup struct {
	values []any // as first seen
	rows   int64
	order  int
}

// countSQLite returns the groups of rows of l's table that share l's
// columns within its conditions, largest first (ties in the order first
// seen), at most limit of them: each as its values then its row count.
func countSQLite(ctx context.Context, path string, l DuplicateLookup, limit int) ([][]any, error) {
	t, err := sqlitefile.OpenTable(path, l.Table)
	if err != nil {
		return nil, err
	}
	defer t.Close()
	index := map[string]int{}
	for i, c := range t.Columns {
		index[c.Name] = i
	}
	col := func(name string) (int, error) {
		if i, ok := index[strings.ToLower(name)]; ok {
			return i, nil
		}
		return 0, fmt.Errorf("no such column: %s", name)
	}
	keyCols := make([]int, len(l.Columns))
	for i, c := range l.Columns {
		if keyCols[i], err = col(c); err != nil {
			return nil, err
		}
	}
	type cond struct {
		col    int
		isNull bool
		want   any
	}
	conds := make([]cond, len(l.Where))
	for i, c := range l.Where {
		j, err := col(c.Column)
		if err != nil {
			return nil, err
		}
		conds[i] = cond{col: j, isNull: c.IsNull}
		if !c.IsNull {
			conds[i].want = withAffinity(c.Equals.arg(), t.Columns[j].Affinity)
		}
	}
	groups := map[string]*sqliteGroup{}
	var key strings.Builder
	n := 0
	err = t.Rows(func(vals []any) error {
		if n++; n%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		for _, c := range conds {
			v := vals[c.col]
			if c.isNull != (v == nil) || !c.isNull && !sqliteEqual(v, c.want, t.Columns[c.col]) {
				return nil
			}
		}
		key.Reset()
		for _, i := range keyCols {
			v := vals[i]
			if v == nil && !l.NullsNotDistinct {
				return nil // NULLs never collide in a unique index
			}
			writeSQLiteKey(&key, v, t.Columns[i])
		}
		g := groups[key.String()]
		if g == nil {
			if len(groups) >= maxSQLiteGroups {
				return errTooManyGroups
			}
			g = &sqliteGroup{order: len(groups)}
			for _, i := range keyCols {
				g.values = append(g.values, vals[i])
			}
			groups[key.String()] = g
		}
		g.rows++
		return nil
	})
	if err != nil {
		return nil, err
	}
	var dups []*sqliteGroup
	for _, g := range groups {
		if g.rows > 1 {
			dups = append(dups, g)
		}
	}
	slices.SortFunc(dups, func(a, b *sqliteGroup) int {
		if a.rows != b.rows {
			return int(b.rows - a.rows)
		}
		return a.order - b.order
	})
	out := make([][]any, 0, min(len(dups), limit))
	for _, g := range dups[:min(len(dups), limit)] {
		out = append(out, append(slices.Clone(g.values), g.rows))
	}
	return out, nil
}

// withAffinity converts a constant compared with a column the way SQLite
// does: a numeric column turns well-formed numeric text into a number, a
// text column turns a number into text. Booleans are the integers 1 and 0.
func withAffinity(v any, a sqlitefile.Affinity) any {
	if b, ok := v.(bool); ok {
		v = int64(0)
		if b {
			v = int64(1)
		}
	}
	switch x := v.(type) {
	case string:
		if a == sqlitefile.Integer || a == sqlitefile.Real || a == sqlitefile.Numeric {
			if i, err := strconv.ParseInt(strings.TrimSpace(x), 10, 64); err == nil {
				return i
			}
			if f, err := strconv.ParseFloat(strings.TrimSpace(x), 64); err == nil {
				return f
			}
		}
	case int64:
		if a == sqlitefile.Text {
			return strconv.FormatInt(x, 10)
		}
	}
	return v
}

// sqliteEqual compares a stored value with a constant as SQLite's = does:
// numbers by value, text under the column's collation, blobs by bytes,
// values of different storage classes never equal.
func sqliteEqual(stored, want any, c sqlitefile.Column) bool {
	var a, b strings.Builder
	writeSQLiteKey(&a, stored, c)
	writeSQLiteKey(&b, want, c)
	return a.String() == b.String()
}

// writeSQLiteKey writes a value's identity under SQLite's comparison: an
// integral real equals the integer, text folds as the column's collation
// says.
func writeSQLiteKey(b *strings.Builder, v any, c sqlitefile.Column) {
	switch x := v.(type) {
	case nil:
		b.WriteString("N;")
	case int64:
		fmt.Fprintf(b, "I%d;", x)
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1<<62 {
			fmt.Fprintf(b, "I%d;", int64(x))
		} else {
			fmt.Fprintf(b, "F%x;", math.Float64bits(x))
		}
	case string:
		if c.RTrim {
			x = strings.TrimRight(x, " ")
		}
		if c.NoCase {
			x = asciiLower(x)
		}
		fmt.Fprintf(b, "T%d:%s", len(x), x)
	case []byte:
		fmt.Fprintf(b, "B%d:%s", len(x), x)
	}
}

// asciiLower folds ASCII letters only, as SQLite's NOCASE does.
func asciiLower(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'A' && r <= 'Z' {
			return r + ('a' - 'A')
		}
		return r
	}, s)
}
