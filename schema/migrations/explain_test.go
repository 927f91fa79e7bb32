package migrations

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/getorcreatelint/getorcreatelint/schema"
)

func explainCatalog() *schema.Catalog {
	cat := schema.NewCatalog()
	ReplaySource(cat, "migrations/0001_init.up.sql", `CREATE TABLE users (
  id bigint PRIMARY KEY,
  email text NOT NULL UNIQUE,
  deleted_at timestamptz
);
CREATE UNIQUE INDEX users_lower_email ON users (lower(email)) NULLS NOT DISTINCT WHERE deleted_at IS NULL;
DO $$ BEGIN ALTER TABLE orgs ADD CONSTRAINT orgs_slug UNIQUE (slug); END $$;
`, pg)
	return cat
}

func TestWriteText(t *testing.T) {
	var b bytes.Buffer
	dirs := []Dir{{Path: "migrations", Dialect: pg, Found: "conventional"}}
	if err := WriteText(&b, explainCatalog(), dirs); err != nil {
		t.Fatal(err)
	}
	want := `orgs
  unique constraint orgs_slug (slug) [uncertain]  @ migrations/0001_init.up.sql:7
users  not null: email, id
  primary key       users_pkey (implied) (id)  @ migrations/0001_init.up.sql:2
  unique constraint users_email_key (implied) (email)  @ migrations/0001_init.up.sql:3
  unique index      users_lower_email (lower(email)) where deleted_at is null nulls not distinct  @ migrations/0001_init.up.sql:6
migration directories:
  migrations  postgres  (conventional)
warnings:
  migrations/0001_init.up.sql:7: DO block mentions CONSTRAINT: 1 DDL statement(s) in it applied as if they ran; keys of the tables they touch are marked uncertain
`
	if b.String() != want {
		t.Errorf("text:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestWriteJSON(t *testing.T) {
	var b bytes.Buffer
	if err := WriteJSON(&b, explainCatalog()); err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, b.String())
	}
	if len(got) != 2 || got[1]["table"] != "users" {
		t.Fatalf("tables = %v", got)
	}
	keys := got[1]["unique"].([]any)
	first := keys[1].(map[string]any)
	wantFirst := map[string]any{"name": "users_email_key", "implicit": true, "kind": "unique constraint",
		"columns": []any{"email"}, "where": "", "nullsNotDistinct": false, "uncertain": false,
		"source": "migrations/0001_init.up.sql:3",
		"parts":  []any{map[string]any{"column": "email"}}, "declared": map[string]any{"file": "migrations/0001_init.up.sql", "line": 3}}
	for k, v := range wantFirst {
		if !jsonEqual(first[k], v) {
			t.Errorf("%s = %v, want %v", k, first[k], v)
		}
	}
	if len(first) != len(wantFirst) {
		t.Errorf("key fields = %v, want exactly %d", first, len(wantFirst))
	}
	expr := keys[2].(map[string]any)
	if !jsonEqual(expr["columns"], []any{"lower(email)"}) || expr["where"] != "deleted_at is null" || expr["nullsNotDistinct"] != true {
		t.Errorf("expression key = %v", expr)
	}
	if !jsonEqual(got[1]["notNull"], []any{"email", "id"}) {
		t.Errorf("notNull = %v", got[1]["notNull"])
	}
	// An empty catalog is an empty array, not null.
	b.Reset()
	_ = WriteJSON(&b, schema.NewCatalog())
	if strings.TrimSpace(b.String()) != "[]" {
		t.Errorf("empty catalog = %s, want []", b.String())
	}
}

func jsonEqual(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}
