package migrations

import (
	"strings"
	"testing"
)

// How a file is written never loses its statements: a byte order mark, old
// Mac line ends (a "--" comment ends at "\r"), Windows ones, or Latin-1
// bytes in a comment or a string.
func TestLoadReadsEveryEncodingOfAFile(t *testing.T) {
	for name, src := range map[string]string{
		"bom":       "\ufeffCREATE TABLE coupons (id bigserial PRIMARY KEY, code text NOT NULL UNIQUE);\n",
		"bom index": "CREATE TABLE coupons (id bigserial PRIMARY KEY, code text NOT NULL);\n\ufeffCREATE UNIQUE INDEX coupons_code ON coupons (code);\n",
		"cr only":   "CREATE TABLE coupons (\r id bigserial PRIMARY KEY,\r code text NOT NULL -- c\r);\rCREATE UNIQUE INDEX coupons_code\r ON coupons (code);\r",
		"crlf":      "-- init\r\nCREATE TABLE coupons (\r\n id bigserial PRIMARY KEY, -- key\r\n code text NOT NULL UNIQUE\r\n);\r\n",
		"latin1":    "-- cr\xe9\xe9 par Ren\xe9\nCREATE TABLE coupons (id bigserial PRIMARY KEY, code text NOT NULL DEFAULT 'caf\xe9' UNIQUE);\n",
	} {
		files := map[string]string{"m/0001_init.up.sql": src}
		if name == "bom index" {
			// The BOM starts the second file.
			first, second, _ := strings.Cut(src, "\n")
			files = map[string]string{"m/0001_init.up.sql": first, "m/0099_code.up.sql": second}
		}
		root := writeTree(t, files)
		cat, err := Load(root, []Dir{{Path: "m", Dialect: pg}})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got := strings.Join(keySet(cat, "coupons"), " | "); !strings.Contains(got, "(code)") || !strings.Contains(got, "(id)") {
			t.Errorf("%s: keys of coupons = %s, want the primary key and the unique code", name, got)
		}
	}
}

// Line numbers count every kind of line end, so warnings and key sources
// point at the right line.
func TestLineNumbersWithCROnlyLineEnds(t *testing.T) {
	root := writeTree(t, map[string]string{"m/1.sql": "-- one\rCREATE TABLE t (id int);\r\rCREATE UNIQUE INDEX t_id ON t (id);\r"})
	cat, err := Load(root, []Dir{{Path: "m", Dialect: pg}})
	if err != nil {
		t.Fatal(err)
	}
	tab := cat.Table("t")
	if tab == nil || len(tab.Keys) != 1 || tab.Keys[0].Source.Line != 4 {
		t.Fatalf("table t = %+v, want the unique index on line 4", tab)
	}
}
