package main

import (
	"testing"

	"github.com/getorcreatelint/getorcreatelint/analyzer"
	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/livedb"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

func TestDuplicateLookupFollowsTheIndex(t *testing.T) {
	f := analyzer.Finding{Table: "tags", Dialect: sqlscan.Postgres, SoftDelete: "deleted_at",
		Key:       []schema.Term{{Column: "name"}, {Column: "org_id", MayBeNull: true}},
		Where:     []string{"deleted_at IS NULL", "kind = 'topic'"},
		Constants: []schema.Term{{Column: "kind", Value: "'topic'"}}}
	l, ok := duplicateLookup(f)
	want := livedb.DuplicateLookup{Table: "tags", Columns: []string{"name", "org_id"}, NullsNotDistinct: true,
		Where: []livedb.Condition{livedb.IsNull("deleted_at"), livedb.Equals("kind", livedb.String("topic"))}}
	if !ok || lookupKey(l) != lookupKey(want) {
		t.Errorf("lookup %+v, want %+v", l, want)
	}
	f.Key = []schema.Term{{Expr: "lower(name)"}}
	if _, ok := duplicateLookup(f); ok {
		t.Error("an expression key was counted")
	}
}
