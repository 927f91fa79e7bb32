package migrations

import (
	"fmt"
	"strings"
	"testing"

	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// manyKeysOnOneTable is the adversarial shape of a long-lived table: n
// columns each with a unique constraint, then half the constraints
// dropped, their columns renamed, and the other columns dropped.
func manyKeysOnOneTable(n int) string {
	var b strings.Builder
	b.WriteString("CREATE TABLE wide (id bigserial PRIMARY KEY);\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "ALTER TABLE wide ADD COLUMN c%d int;\nALTER TABLE wide ADD CONSTRAINT wide_u%d UNIQUE (c%d);\n", i, i, i)
	}
	for i := 0; i < n; i += 2 {
		fmt.Fprintf(&b, "ALTER TABLE wide DROP CONSTRAINT wide_u%d;\nALTER TABLE wide RENAME COLUMN c%d TO d%d;\n", i, i, i)
		fmt.Fprintf(&b, "ALTER TABLE wide DROP COLUMN c%d;\n", i+1)
	}
	return b.String()
}

func BenchmarkReplayManyKeysOnOneTable(b *testing.B) {
	for _, n := range []int{2000, 4000, 8000} {
		src := manyKeysOnOneTable(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ReplaySource(schema.NewCatalog(), "wide.sql", src, sqlscan.Postgres)
			}
		})
	}
}
