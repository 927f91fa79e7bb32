package migrations

import (
	"testing"

	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

func TestUnreadableUniqueIndexWarns(t *testing.T) {
	cat := schema.NewCatalog()
	ReplaySource(cat, "x.sql", "CREATE TABLE tags (id int, name text);\nCREATE UNIQUE INDEX tags_name ON tags USING magic WITH (name);\n", sqlscan.Postgres)
	if len(cat.Warnings) == 0 || cat.Warnings[0].Source.Line != 2 {
		t.Errorf("warnings = %v, want one on line 2 for the unreadable unique index", cat.Warnings)
	}
}
