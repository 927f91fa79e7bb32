package migrations

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// FuzzReplay runs the lexer, the statement splitter, the section filter and
// the recogniser on arbitrary input in every dialect: no panic (the
// per-statement recover would turn one into a warning, which fails here),
// and it terminates. The seed corpus is the real-world test set.
func FuzzReplay(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(corpusRoot, "*", "*.sql"))
	more, _ := filepath.Glob(filepath.Join(corpusRoot, "*", "replay", "*", "*.sql"))
	for _, p := range append(files, more...) {
		if b, err := os.ReadFile(p); err == nil && len(b) < 64<<10 {
			f.Add(string(b))
		}
	}
	for _, s := range []string{
		"DELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1; END$$\nDELIMITER ;\n",
		"CREATE TABLE t (a int UNIQUE); ALTER TABLE t RENAME TO u, DROP COLUMN a;",
		"DO $$ BEGIN ALTER TABLE t DROP CONSTRAINT x; END $$;",
		"-- +goose Up\n-- +goose StatementBegin\nCREATE TABLE t (a int)\n-- +goose StatementEnd\n",
		"CREATE UNIQUE INDEX i ON t ((((a", "ALTER TABLE t ADD CONSTRAINT c UNIQUE USING INDEX",
		"CREATE TABLE t LIKE", "RENAME TABLE a TO", "DROP INDEX i ON", "CREATE TABLE t (KEY (",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		for _, d := range []sqlscan.Dialect{sqlscan.Generic, sqlscan.Postgres, sqlscan.MySQL, sqlscan.SQLite} {
			cat := schema.NewCatalog()
			ReplaySource(cat, "f.sql", src, d)
			for _, w := range cat.Warnings {
				if len(w.Message) > 40 && w.Message[:40] == "statement skipped after an internal err" {
					t.Fatalf("%s: %s", d, w.Message)
				}
			}
			for name, tb := range cat.Tables {
				if tb == nil || tb.Name != name {
					t.Fatalf("%s: table %q stored under %q", d, tbName(tb), name)
				}
			}
		}
	})
}

func tbName(t *schema.Table) string {
	if t == nil {
		return "<nil>"
	}
	return t.Name
}

// FuzzLex checks the lexer's invariants: tokens in order, inside the input,
// each token's text at its offset, lines never decreasing, EOF last.
func FuzzLex(f *testing.F) {
	f.Add("SELECT 'a' || $$b$$ FROM \"t\" WHERE x::text = $1 -- c\n/* d */ `e` [f] {{ g }} ${H} ?2 :n @p")
	f.Add("DELIMITER //\nEND// 'x")
	f.Fuzz(func(t *testing.T, src string) {
		for _, d := range []sqlscan.Dialect{sqlscan.Generic, sqlscan.Postgres, sqlscan.MySQL, sqlscan.SQLite} {
			toks := sqlscan.Lex(src, d)
			if len(toks) == 0 || toks[len(toks)-1].Kind != sqlscan.EOF {
				t.Fatalf("%s: no EOF", d)
			}
			end, line := 0, 1
			for _, tk := range toks[:len(toks)-1] {
				if tk.Off < end || tk.Off+len(tk.Text) > len(src) || src[tk.Off:tk.Off+len(tk.Text)] != tk.Text || tk.Text == "" {
					t.Fatalf("%s: bad token %+v after offset %d", d, tk, end)
				}
				if tk.Line < line {
					t.Fatalf("%s: line went back at %+v", d, tk)
				}
				end, line = tk.Off+len(tk.Text), tk.Line
			}
			for _, st := range sqlscan.SplitStatements(src, d) {
				if len(st.Toks) == 0 || st.Line != st.Toks[0].Line {
					t.Fatalf("%s: bad statement %+v", d, st)
				}
			}
		}
	})
}
