package site

import (
	"testing"

	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

func TestCreateIndexDDL(t *testing.T) {
	email := []schema.Term{{Column: "email"}}
	pair := []schema.Term{{Column: "org_id", MayBeNull: true}, {Column: "name"}}
	lower := []schema.Term{{Expr: "lower(email)"}}
	active := []schema.Term{{Column: "email"}, {Column: "status", Value: "'active'"}}
	tests := []struct {
		d          sqlscan.Dialect
		terms      []schema.Term
		softDelete string
		want       string
	}{
		{sqlscan.Postgres, email, "", "CREATE UNIQUE INDEX CONCURRENTLY idx_users_email ON users (email)"},
		{sqlscan.Postgres, email, "deleted_at", "CREATE UNIQUE INDEX CONCURRENTLY idx_users_email ON users (email) WHERE deleted_at IS NULL"},
		{sqlscan.Postgres, pair, "", "CREATE UNIQUE INDEX CONCURRENTLY idx_users_org_id_name ON users (org_id, name) NULLS NOT DISTINCT"},
		{sqlscan.Postgres, lower, "", "CREATE UNIQUE INDEX CONCURRENTLY idx_users_lower_email ON users (lower(email))"},
		{sqlscan.MySQL, lower, "", "CREATE UNIQUE INDEX idx_users_lower_email ON users ((lower(email)))"},
		{sqlscan.MySQL, email, "deleted_at", "CREATE UNIQUE INDEX idx_users_email ON users (email) (MySQL has no partial indexes: with gorm.io/plugin/soft_delete live rows hold deleted_at = 0, so index (email, deleted_at) instead)"},
		{sqlscan.SQLite, email, "deleted_at", "CREATE UNIQUE INDEX idx_users_email ON users (email) WHERE deleted_at IS NULL"},
		{sqlscan.Postgres, active, "deleted_at", "CREATE UNIQUE INDEX CONCURRENTLY idx_users_email ON users (email) WHERE deleted_at IS NULL AND status = 'active'"},
		{sqlscan.MySQL, active, "", "CREATE UNIQUE INDEX idx_users_email_status ON users (email, status)"},
		{sqlscan.SQLite, pair, "", "CREATE UNIQUE INDEX idx_users_org_id_name ON users (org_id, name) (the lookup can compare org_id with NULL, and NULLs never conflict: make the column NOT NULL)"},
	}
	for _, tt := range tests {
		s := &Site{Table: "users", SoftDelete: tt.softDelete, Lookup: schema.Lookup{Terms: tt.terms}}
		if tt.softDelete != "" {
			s.Lookup.Terms = append(s.Lookup.Terms, schema.Term{Column: tt.softDelete, IsNull: true})
		}
		if got := IndexFor(s, tt.d).DDL(); got != tt.want {
			t.Errorf("%s %v:\n got %s\nwant %s", tt.d, tt.terms, got, tt.want)
		}
	}
}

func TestIndexNameLimit(t *testing.T) {
	name := IndexSpec{Table: "a_very_long_table_name_for_testing",
		Key: []schema.Term{{Column: "first_column_name"}, {Column: "second_column_name"}}}.Name()
	if len(name) > 63 {
		t.Errorf("index name %q is %d bytes, over PostgreSQL's 63", name, len(name))
	}
}
