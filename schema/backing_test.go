package schema

import (
	"strings"
	"testing"
)

func table(keys ...*Key) *Table {
	t := NewTable("users")
	for _, k := range keys {
		t.AddKey(k)
	}
	return t
}

func cols(kind KeyKind, names ...string) *Key {
	k := &Key{Kind: kind, Name: "k_" + strings.Join(names, "_")}
	for _, n := range names {
		k.Parts = append(k.Parts, KeyPart{Column: n})
	}
	return k
}

func eq(names ...string) []Term {
	var ts []Term
	for _, n := range names {
		ts = append(ts, Term{Column: n})
	}
	return ts
}

func TestCheck(t *testing.T) {
	softDeleted := Term{Column: "deleted_at", IsNull: true}
	lowerEmail := &Key{Kind: UniqueIndex, Name: "lower_email", Parts: []KeyPart{{Expr: "lower(email)"}}}
	partial := cols(UniqueIndex, "email")
	partial.Where = "deleted_at is null"
	nnd := cols(UniqueIndex, "email", "org_id")
	nnd.NullsNotDistinct = true
	activeOnly := cols(UniqueIndex, "nickname")
	activeOnly.Where = "active"

	tests := []struct {
		name   string
		table  *Table
		lookup Lookup
		backed bool
		miss   string // substring of the first miss's reason
	}{
		{"unique on the lookup column", table(cols(UniqueIndex, "email")), Lookup{Terms: eq("email")}, true, ""},
		{"subset key backs a larger lookup", table(cols(UniqueIndex, "tenant_id")), Lookup{Terms: eq("email", "tenant_id")}, true, ""},
		{"superset key does not back", table(cols(UniqueIndex, "tenant_id", "email")), Lookup{Terms: eq("email")}, false, "also needs tenant_id"},
		{"primary key backs", table(cols(PrimaryKey, "id")), Lookup{Terms: eq("id", "email")}, true, ""},
		{"no keys at all", table(), Lookup{Terms: eq("email")}, false, ""},
		{"empty lookup matches any row", table(cols(PrimaryKey, "id")), Lookup{}, false, "also needs id"},
		{"composite with soft-delete NULL column does not back",
			table(cols(UniqueIndex, "email", "deleted_at")),
			Lookup{Terms: append(eq("email"), softDeleted)}, false, "requires deleted_at IS NULL"},
		{"partial index implied by soft-delete filter", table(partial), Lookup{Terms: append(eq("email"), softDeleted)}, true, ""},
		{"partial index not implied when unscoped", table(partial), Lookup{Terms: eq("email")}, false, "is partial"},
		{"nullable value defeats a plain key",
			table(cols(UniqueIndex, "email", "org_id")),
			Lookup{Terms: []Term{{Column: "email"}, {Column: "org_id", MayBeNull: true}}}, false, "when org_id is NULL"},
		{"explicit NULL defeats a plain key",
			table(cols(UniqueIndex, "email", "org_id")),
			Lookup{Terms: []Term{{Column: "email"}, {Column: "org_id", IsNull: true}}}, false, "org_id IS NULL"},
		{"NULLS NOT DISTINCT accepts NULL", table(nnd), Lookup{Terms: []Term{{Column: "email"}, {Column: "org_id", IsNull: true}}}, true, ""},
		{"expression index backs a plain lookup", table(lowerEmail), Lookup{Terms: eq("email")}, true, ""},
		{"expression index backs the same expression", table(lowerEmail), Lookup{Terms: []Term{{Expr: "lower(email)"}}}, true, ""},
		{"plain key does not back an expression lookup", table(cols(UniqueIndex, "email")), Lookup{Terms: []Term{{Expr: "lower(email)"}}}, false, "also needs email"},
		{"partial boolean predicate implied by a literal",
			table(activeOnly), Lookup{Terms: []Term{{Column: "nickname"}, {Column: "active", Value: "true"}}}, true, ""},
		{"partial boolean predicate not implied", table(activeOnly), Lookup{Terms: eq("nickname")}, false, "does not imply active"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := Check(tt.table, tt.lookup)
			if v.Backed != tt.backed {
				t.Fatalf("Backed = %v, want %v (misses %v)", v.Backed, tt.backed, v.Misses)
			}
			if tt.miss != "" {
				if len(v.Misses) == 0 || !strings.Contains(v.Misses[0].Reason, tt.miss) {
					t.Errorf("first miss = %v, want reason containing %q", v.Misses, tt.miss)
				}
			}
		})
	}
}

func TestMerge(t *testing.T) {
	a := table(cols(PrimaryKey, "id"))
	b := table(cols(UniqueIndex, "email"), cols(PrimaryKey, "id"))
	m := Merge("users", a, nil, b)
	if len(m.Keys) != 2 {
		t.Errorf("merged keys = %d, want 2 (duplicates dropped)", len(m.Keys))
	}
	if !Check(m, Lookup{Terms: eq("email")}).Backed {
		t.Errorf("a key from either source must back the lookup")
	}
}
