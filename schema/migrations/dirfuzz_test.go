package migrations

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// Ways a whole migration file can be written that the replay must
// survive, chosen by the bits of FuzzReplayDir's variant.
const (
	withBOM     = 1 << iota // a UTF-8 byte order mark first
	crOnly                  // "\n" written as "\r" (old Mac)
	latin1Bytes             // a Latin-1 byte in every "--" comment
	hugeToken               // a 256 KiB identifier and string literal appended
)

// writeVariant writes src as the one migration file of dir/m, transformed.
func writeVariant(t *testing.T, dir, src string, variant uint8) {
	t.Helper()
	if variant&crOnly != 0 {
		src = strings.ReplaceAll(src, "\n", "\r")
	}
	if variant&latin1Bytes != 0 {
		src = strings.ReplaceAll(src, "-- ", "-- caf\xe9 ")
	}
	if variant&hugeToken != 0 {
		src += "\nSELECT " + strings.Repeat("x", 256<<10) + " FROM t WHERE a = '" + strings.Repeat("y", 256<<10) + "';\n"
	}
	if variant&withBOM != 0 {
		src = "\ufeff" + src
	}
	m := filepath.Join(dir, "m")
	if err := os.MkdirAll(m, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(m, "0001_x.up.sql"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
}

// FuzzReplayDir feeds whole files through directory replay, as the linter
// reads them from disk: written with a byte order mark, CR-only line ends,
// Latin-1 bytes in comments or huge tokens. Loading never fails nor panics
// (an internal error would be a warning), and a byte order mark changes
// nothing. The seed corpus is the real-world test set.
func FuzzReplayDir(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(corpusRoot, "*", "*.sql"))
	for i, p := range files {
		if b, err := os.ReadFile(p); err == nil && len(b) < 64<<10 {
			f.Add(string(b), uint8(i%16))
		}
	}
	f.Add("-- init\nCREATE TABLE t (id int PRIMARY KEY, code text UNIQUE);\n", uint8(withBOM|crOnly|latin1Bytes))
	f.Add("CREATE TABLE t (a int); -- x\nCREATE UNIQUE INDEX t_a ON t (a);", uint8(hugeToken))
	f.Fuzz(func(t *testing.T, src string, variant uint8) {
		variant &= 0xf
		for _, d := range []sqlscan.Dialect{sqlscan.Generic, sqlscan.Postgres, sqlscan.MySQL} {
			dir := t.TempDir()
			writeVariant(t, dir, src, variant)
			cat, err := Load(dir, []Dir{{Path: "m", Dialect: d}})
			if err != nil {
				t.Fatalf("%s, variant %d: %v", d, variant, err)
			}
			for _, w := range cat.Warnings {
				if strings.HasPrefix(w.Message, "statement skipped after an internal error") {
					t.Fatalf("%s, variant %d: %s", d, variant, w.Message)
				}
			}
			if variant&withBOM == 0 || strings.HasPrefix(src, "\ufeff") {
				continue
			}
			plain := t.TempDir()
			writeVariant(t, plain, src, variant&^withBOM)
			without, err := Load(plain, []Dir{{Path: "m", Dialect: d}})
			if err != nil {
				t.Fatal(err)
			}
			if got, want := describeCatalog(cat), describeCatalog(without); got != want {
				t.Fatalf("%s: a byte order mark changed the catalog:\n%s\nwithout it:\n%s", d, got, want)
			}
		}
	})
}
