package migrations

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// checkSideIndexes compares each table's key indexes with what a scan of
// its keys gives: every change to a key must have gone through them.
func checkSideIndexes(r *Replayer) error {
	for tk, side := range r.side {
		t := r.cat.Tables[tk]
		if t == nil {
			continue
		}
		fresh := &tableSide{aliases: side.aliases, byName: map[string][]*schema.Key{},
			byColumn: map[string][]*schema.Key{}, exprKeys: map[*schema.Key]bool{}}
		for _, k := range t.Keys {
			fresh.indexKey(k)
		}
		if err := sameKeyLists("name", side.byName, fresh.byName); err != nil {
			return fmt.Errorf("table %s: %w", tk, err)
		}
		if err := sameKeyLists("column", side.byColumn, fresh.byColumn); err != nil {
			return fmt.Errorf("table %s: %w", tk, err)
		}
		if len(side.exprKeys) != len(fresh.exprKeys) {
			return fmt.Errorf("table %s: %d expression keys indexed, %d held", tk, len(side.exprKeys), len(fresh.exprKeys))
		}
		for k := range fresh.exprKeys {
			if !side.exprKeys[k] {
				return fmt.Errorf("table %s: expression key %s not indexed", tk, k.Name)
			}
		}
	}
	return nil
}

func sameKeyLists(what string, got, want map[string][]*schema.Key) error {
	if len(got) != len(want) {
		return fmt.Errorf("%d %ss indexed, %d held", len(got), what, len(want))
	}
	for n, keys := range want {
		g := got[n]
		if len(g) != len(keys) {
			return fmt.Errorf("%s %q: %d keys indexed, %d held", what, n, len(g), len(keys))
		}
		for _, k := range keys {
			if !slices.Contains(g, k) {
				return fmt.Errorf("%s %q: key %s not indexed", what, n, k.Name)
			}
		}
	}
	return nil
}

// FuzzReplayIndexes replays arbitrary input and checks that the per-table
// key indexes of the replay match its keys, in every dialect.
func FuzzReplayIndexes(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(corpusRoot, "*", "*.sql"))
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil && len(b) < 64<<10 {
			f.Add(string(b))
		}
	}
	f.Add(manyKeysOnOneTable(20))
	f.Add("CREATE TABLE t (a int, b int, UNIQUE (a), UNIQUE (lower(b)) , CONSTRAINT k UNIQUE (a, b));\n" +
		"CREATE UNIQUE INDEX t_b ON t (b) WHERE a > 0;\nALTER TABLE t RENAME COLUMN a TO c;\n" +
		"ALTER TABLE t DROP COLUMN b;\nALTER INDEX t_b RENAME TO t_c;\nCREATE TABLE u (LIKE t);\n" +
		"ALTER TABLE t RENAME TO v;\nDROP INDEX t_c;\nALTER TABLE v DROP CONSTRAINT k;\n")
	f.Fuzz(func(t *testing.T, src string) {
		for _, d := range []sqlscan.Dialect{sqlscan.Generic, sqlscan.Postgres, sqlscan.MySQL, sqlscan.SQLite} {
			r := NewReplayer(schema.NewCatalog(), d)
			r.Replay("f.sql", src)
			if err := checkSideIndexes(r); err != nil {
				t.Fatalf("%s: %v\n%s", d, err, strings.TrimSpace(src))
			}
		}
	})
}
