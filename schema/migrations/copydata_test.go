package migrations

import (
	"testing"

	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// A pg_dump data row holding an apostrophe must not hide the DDL after it.
func TestCopyDataIsNotSQL(t *testing.T) {
	src := "CREATE TABLE t (id int, name text);\n" +
		"COPY public.t (id, name) FROM stdin;\n" +
		"1\tit's\n" +
		"2\t\"quoted\n" +
		"\\.\n" +
		"CREATE UNIQUE INDEX t_name ON public.t USING btree (name);\n"
	cat := schema.NewCatalog()
	ReplaySource(cat, "dump.sql", src, sqlscan.Postgres)
	tb := cat.Table("t")
	if tb == nil || len(tb.Keys) != 1 || tb.Keys[0].Name != "t_name" {
		t.Fatalf("keys after a COPY block = %+v, want t_name", tb)
	}
	if tb.Keys[0].Source.Line != 6 {
		t.Errorf("t_name at line %d, want 6: line numbers must survive the blanking", tb.Keys[0].Source.Line)
	}
}

func TestBlankCopyDataKeepsOtherText(t *testing.T) {
	src := "SELECT 'stdin';\nCOPY x FROM stdin;\nrow\n\\.\nSELECT 1;\n"
	want := "SELECT 'stdin';\nCOPY x FROM stdin;\n\n\nSELECT 1;\n"
	if got := BlankCopyData(src); got != want {
		t.Errorf("BlankCopyData = %q, want %q", got, want)
	}
}
