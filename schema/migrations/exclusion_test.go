package migrations

import (
	"slices"
	"testing"
)

// TestExclusionConstraints checks that the names of EXCLUDE constraints
// follow the replay (added, renamed, dropped), so that ON CONFLICT ON
// CONSTRAINT can be checked against them.
func TestExclusionConstraints(t *testing.T) {
	tests := []struct {
		src  string
		want []string
	}{
		{`CREATE TABLE b (r tsrange, CONSTRAINT b_no_overlap EXCLUDE USING gist (r WITH &&))`, []string{"b_no_overlap"}},
		{`CREATE TABLE b (r tsrange, EXCLUDE USING gist (r WITH &&))`, []string{""}},
		{`CREATE TABLE b (r tsrange); ALTER TABLE b ADD CONSTRAINT B_Excl EXCLUDE USING gist (r WITH &&)`, []string{"b_excl"}},
		{`CREATE TABLE b (r tsrange, CONSTRAINT x EXCLUDE USING gist (r WITH &&)); ALTER TABLE b RENAME CONSTRAINT x TO y`, []string{"y"}},
		{`CREATE TABLE b (r tsrange, CONSTRAINT x EXCLUDE USING gist (r WITH &&)); ALTER TABLE b DROP CONSTRAINT x`, nil},
		{`CREATE TABLE b (r tsrange, CONSTRAINT x EXCLUDE USING gist (r WITH &&)); ALTER TABLE b DROP CONSTRAINT IF EXISTS x`, nil},
		{`CREATE TABLE b (r tsrange, CONSTRAINT x CHECK (true))`, nil},
	}
	for _, tt := range tests {
		tb := replay(pg, tt.src).Table("b")
		if tb == nil {
			t.Fatalf("%s: no table b", tt.src)
		}
		if !slices.Equal(tb.Exclusions, tt.want) {
			t.Errorf("%s: exclusions %q, want %q", tt.src, tb.Exclusions, tt.want)
		}
		if !tb.ConstraintNames {
			t.Errorf("%s: ConstraintNames not set for PostgreSQL migrations", tt.src)
		}
	}
	if tb := replay(generic, `CREATE TABLE b (a int UNIQUE)`).Table("b"); tb.ConstraintNames {
		t.Errorf("ConstraintNames set for migrations of an unknown dialect, whose implicit names may differ")
	}
	if tb := replay(pg, `ALTER TABLE b ADD CONSTRAINT b_a_key UNIQUE (a)`).Table("b"); tb.ConstraintNames {
		t.Errorf("ConstraintNames set for a table the migrations alter but do not create")
	}
}
