package migrations

import (
	"strings"
	"testing"

	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// replay runs src through one Replayer and returns the catalog.
func replay(d sqlscan.Dialect, src string) *schema.Catalog {
	cat := schema.NewCatalog()
	ReplaySource(cat, "m.sql", src, d)
	return cat
}

const (
	pg      = sqlscan.Postgres
	my      = sqlscan.MySQL
	lite    = sqlscan.SQLite
	generic = sqlscan.Generic
)

// TestServerRules checks each server rule on small migrations. want lists
// the table's keys as name(parts) [where ...] [nnd], in order; "-" means the
// table must not exist.
func TestServerRules(t *testing.T) {
	tests := []struct {
		name  string
		d     sqlscan.Dialect
		src   string
		table string
		want  string
	}{
		// implicit names
		{"pg implicit names", pg,
			`CREATE TABLE users (id int PRIMARY KEY, email text UNIQUE, org int, UNIQUE (org, email));`,
			"users", "users_pkey(id) | users_email_key(email) | users_org_email_key(org,email)"},
		{"pg unnamed unique index uses idx", pg,
			`CREATE TABLE t (a int); CREATE UNIQUE INDEX ON t (a); CREATE UNIQUE INDEX ON t (lower(b));`,
			"t", "t_a_idx(a) | t_lower_idx(lower(b))"},
		{"pg collision suffix", pg,
			`CREATE TABLE t (a int); CREATE INDEX t_a_key ON t (b); ALTER TABLE t ADD UNIQUE (a); ALTER TABLE t ADD UNIQUE (a);`,
			"t", "t_a_key1(a) | t_a_key2(a)"},
		{"pg collision with a table name", pg,
			`CREATE TABLE t_a_key (x int); CREATE TABLE t (a int UNIQUE);`,
			"t", "t_a_key1(a)"},
		{"pg 63-byte truncation", pg,
			`CREATE TABLE a_very_long_table_name_for_testing_truncation_rules (another_quite_long_column_name int UNIQUE);`,
			"a_very_long_table_name_for_testing_truncation_rules",
			"a_very_long_table_name_for_te_another_quite_long_column_nam_key(another_quite_long_column_name)"},
		{"pg pkey truncation", pg,
			`CREATE TABLE ` + strings.Repeat("x", 70) + ` (id int PRIMARY KEY);`,
			strings.Repeat("x", 70), strings.Repeat("x", 58) + "_pkey(id)"},
		{"mysql implicit names and suffixes", my,
			"CREATE TABLE t (id int PRIMARY KEY, a int UNIQUE, b int, UNIQUE (a, b), KEY (a), UNIQUE KEY (b));",
			"t", "PRIMARY(id) | a(a) | a_2(a,b) | b(b)"},
		{"mysql implicit name skips a non-unique index", my,
			"CREATE TABLE t (a int, KEY a (b)); ALTER TABLE t ADD UNIQUE (a);",
			"t", "a_2(a)"},
		{"sqlite keys are unnamed", lite,
			`CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, a TEXT UNIQUE ON CONFLICT REPLACE, CONSTRAINT c UNIQUE (a, id));`,
			"t", "(id) | (a) | c(a,id)"},

		// duplicate elimination inside CREATE TABLE
		{"pg drops a UNIQUE equal to the PK", pg,
			`CREATE TABLE flags (key VARCHAR(255) PRIMARY KEY UNIQUE NOT NULL);`,
			"flags", "flags_pkey(key)"},
		{"pg gives the PK the duplicate's name", pg,
			`CREATE TABLE t (id int PRIMARY KEY, CONSTRAINT t_id_uq UNIQUE (id));`,
			"t", "t_id_uq(id)"},
		{"pg drops identical UNIQUEs", pg,
			`CREATE TABLE t (a int UNIQUE, b int, UNIQUE (a), UNIQUE (b, a), UNIQUE (a, b));`,
			"t", "t_a_key(a) | t_b_a_key(b,a) | t_a_b_key(a,b)"},
		{"mysql keeps both", my,
			"CREATE TABLE flags (`key` VARCHAR(255) PRIMARY KEY UNIQUE NOT NULL);",
			"flags", "PRIMARY(key) | key(key)"},
		{"pg ALTER ADD does not deduplicate", pg,
			`CREATE TABLE t (id int PRIMARY KEY); ALTER TABLE t ADD UNIQUE (id);`,
			"t", "t_pkey(id) | t_id_key(id)"},

		// DROP COLUMN
		{"pg drop column drops every key using it", pg,
			`CREATE TABLE t (a int, b int, c int, d int, UNIQUE (a, b), UNIQUE (c));
			 CREATE UNIQUE INDEX p ON t (c) WHERE b IS NULL; CREATE UNIQUE INDEX e ON t (lower(b));
			 ALTER TABLE t DROP COLUMN b;`,
			"t", "t_c_key(c)"},
		{"mysql drop column shrinks keys", my,
			"CREATE TABLE t (a int, b int, c int, UNIQUE KEY ab (a, b), UNIQUE KEY b (b)); ALTER TABLE t DROP COLUMN b;",
			"t", "ab(a)"},
		{"sqlite refuses to drop an indexed column", lite,
			`CREATE TABLE t (a int, b int, UNIQUE (a, b)); ALTER TABLE t DROP COLUMN b;`,
			"t", "(a,b)"},
		{"generic drop column shrinks", generic,
			`CREATE TABLE t (a int, b int, UNIQUE (a, b)); ALTER TABLE t DROP COLUMN b;`,
			"t", "t_a_b_key(a)"},

		// SQLite create-copy-drop-rename rebuild
		{"sqlite rebuild", lite,
			`CREATE TABLE t (id INTEGER PRIMARY KEY, email TEXT UNIQUE);
			 CREATE TABLE t_new (id INTEGER PRIMARY KEY, email TEXT, org INT, UNIQUE (org, email));
			 INSERT INTO t_new SELECT id, email, 0 FROM t;
			 DROP TABLE t;
			 ALTER TABLE t_new RENAME TO t;
			 CREATE UNIQUE INDEX t_email ON t (email);`,
			"t", "(id) | (org,email) | t_email(email)"},
		{"sqlite rebuild leaves no temp table", lite,
			`CREATE TABLE t_new (id INTEGER PRIMARY KEY); ALTER TABLE t_new RENAME TO t;`,
			"t_new", "-"},

		// renames
		{"rename column rewrites parts, expressions and predicates", pg,
			`CREATE TABLE t (email text, deleted_at timestamptz, UNIQUE (email));
			 CREATE UNIQUE INDEX u ON t (lower(email)) WHERE deleted_at IS NULL;
			 ALTER TABLE t RENAME COLUMN email TO mail;
			 ALTER TABLE t RENAME deleted_at TO removed_at;`,
			"t", "t_email_key(mail) | u(lower(mail)) where removed_at is null"},
		{"rename table moves keys, names stay", pg,
			`CREATE TABLE a (x int UNIQUE); ALTER TABLE a RENAME TO b; ALTER TABLE b DROP CONSTRAINT a_x_key;`,
			"b", ""},
		{"alter index rename", pg,
			`CREATE TABLE t (x int); CREATE UNIQUE INDEX old ON t (x); ALTER INDEX old RENAME TO new; DROP INDEX IF EXISTS old;`,
			"t", "new(x)"},
		{"rename constraint", pg,
			`CREATE TABLE t (x int UNIQUE); ALTER TABLE t RENAME CONSTRAINT t_x_key TO t_x_uq;`,
			"t", "t_x_uq(x)"},
		{"mysql rename index and tables", my,
			"CREATE TABLE a (x int, UNIQUE KEY ux (x)); ALTER TABLE a RENAME INDEX ux TO ux2; RENAME TABLE a TO b, c TO d;",
			"b", "ux2(x)"},
		{"mysql change column", my,
			"CREATE TABLE t (a int, UNIQUE KEY ua (a)); ALTER TABLE t CHANGE COLUMN a b BIGINT NOT NULL;",
			"t", "ua(b)"},
		{"mysql modify adds an inline unique", my,
			"CREATE TABLE t (a int); ALTER TABLE t MODIFY a int NOT NULL UNIQUE;",
			"t", "a(a)"},

		// IF [NOT] EXISTS and redefinitions
		{"create index if not exists keeps the old one", pg,
			`CREATE TABLE t (a int, b int); CREATE UNIQUE INDEX u ON t (a); CREATE UNIQUE INDEX IF NOT EXISTS u ON t (b);`,
			"t", "u(a)"},
		{"redefinition replaces", pg,
			`CREATE TABLE t (a int, b int); CREATE UNIQUE INDEX u ON t (a); CREATE UNIQUE INDEX u ON t (b);`,
			"t", "u(b)"},
		{"create table if not exists is a no-op on an existing table", pg,
			`CREATE TABLE t (a int UNIQUE); CREATE TABLE IF NOT EXISTS t (b int UNIQUE);`,
			"t", "t_a_key(a)"},
		{"add column if not exists on an existing column", pg,
			`CREATE TABLE t (id int); ALTER TABLE t ADD COLUMN IF NOT EXISTS id uuid PRIMARY KEY;`,
			"t", ""},
		{"drop if exists of nothing", pg,
			`CREATE TABLE t (a int UNIQUE); DROP INDEX IF EXISTS nothing; ALTER TABLE t DROP CONSTRAINT IF EXISTS nothing;`,
			"t", "t_a_key(a)"},
		{"drop table list", pg,
			`CREATE TABLE a (x int UNIQUE); CREATE TABLE b (y int UNIQUE); DROP TABLE IF EXISTS a, b CASCADE;`,
			"b", "-"},

		// names: quoted, qualified, templated
		{"quoted and public-qualified", pg,
			`CREATE TABLE "public"."Users" ("Email" text UNIQUE);`,
			"users", "users_email_key(email)"},
		{"other schemas are kept", pg,
			`CREATE TABLE auth.users (id int PRIMARY KEY);`,
			"auth.users", "users_pkey(id)"},
		{"template schema is dropped", pg,
			`CREATE TABLE {{ index .Options "Namespace" }}.users (id uuid PRIMARY KEY);`,
			"users", "users_pkey(id)"},
		{"sqlite main schema and brackets", lite,
			`CREATE TABLE main.[Order Items] (id INTEGER PRIMARY KEY);`,
			"order items", "(id)"},
		{"pg drop index is schema-scoped", pg,
			`CREATE TABLE auth.t (a int); CREATE TABLE t (b int);
			 CREATE UNIQUE INDEX ix ON auth.t (a); CREATE UNIQUE INDEX ix ON t (b); DROP INDEX ix;`,
			"auth.t", "ix(a)"},
		{"mysql index names are per table", my,
			"CREATE TABLE a (x int, UNIQUE KEY u (x)); CREATE TABLE b (y int, UNIQUE KEY u (y)); DROP INDEX u ON a;",
			"b", "u(y)"},

		// generic: every server's implicit name resolves a drop
		{"generic drop by MySQL name", generic,
			`CREATE TABLE t (a int UNIQUE, b int UNIQUE); ALTER TABLE t DROP INDEX a;`,
			"t", "t_b_key(b)"},
		{"generic drop by PostgreSQL name", generic,
			`CREATE TABLE t (a int UNIQUE, b int UNIQUE); ALTER TABLE t DROP CONSTRAINT t_b_key;`,
			"t", "t_a_key(a)"},
		{"generic keeps PK and identical unique", generic,
			`CREATE TABLE t (a int PRIMARY KEY UNIQUE);`,
			"t", "t_pkey(a) | t_a_key(a)"},

		// ALTER TABLE actions
		{"mysql drop and add primary key", my,
			"CREATE TABLE t (a int PRIMARY KEY, b int); ALTER TABLE t DROP PRIMARY KEY, ADD PRIMARY KEY (a, b);",
			"t", "PRIMARY(a,b)"},
		{"mysql add unique index with prefix and options", my,
			"CREATE TABLE t (`key` VARCHAR(255)); ALTER TABLE t ADD UNIQUE INDEX `uk` (`key`(191)) USING BTREE, ALGORITHM=INPLACE;",
			"t", "uk(key)"},
		{"mysql key element versus a column named key", my,
			"CREATE TABLE t (key VARCHAR(255) NOT NULL, index INT, name VARCHAR(10), KEY idx_name (name), INDEX (index), UNIQUE KEY uk (key(191)) USING BTREE);",
			"t", "uk(key)"},
		{"pg add constraint using index", pg,
			`CREATE TABLE t (a int); CREATE UNIQUE INDEX CONCURRENTLY t_a_idx ON t (a);
			 ALTER TABLE t ADD CONSTRAINT t_a_uq UNIQUE USING INDEX t_a_idx;`,
			"t", "t_a_uq(a)"},
		{"pg several actions", pg,
			`CREATE TABLE i (provider_id text, provider text, CONSTRAINT i_pkey PRIMARY KEY (provider_id, provider));
			 ALTER TABLE IF EXISTS ONLY i DROP CONSTRAINT IF EXISTS i_pkey, ADD COLUMN IF NOT EXISTS id uuid DEFAULT gen_random_uuid() PRIMARY KEY;`,
			"i", "i_pkey(id)"},
		{"pg add column unique nulls not distinct", pg,
			`CREATE TABLE t (x int); ALTER TABLE t ADD COLUMN code text UNIQUE NULLS NOT DISTINCT;`,
			"t", "t_code_key(code) nnd"},

		// CREATE INDEX shapes
		{"pg index clauses", pg,
			`CREATE TABLE t (a text, b int, c int);
			 CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS u ON ONLY public.t USING btree (a COLLATE "C" text_pattern_ops DESC NULLS LAST, b) INCLUDE (c) NULLS NOT DISTINCT WITH (fillfactor = 70) TABLESPACE fast WHERE (c > 0);`,
			"t", "u(a,b) where c > 0 nnd"},
		{"pg expression normalised", pg,
			`CREATE TABLE users (name varchar); CREATE UNIQUE INDEX index_users_on_name ON public.users USING btree (lower((name)::text));`,
			"users", "index_users_on_name(lower(name))"},
		{"mysql functional key part", my,
			"CREATE TABLE t (email varchar(255), UNIQUE KEY ue ((lower(email))));",
			"t", "ue(lower(email))"},
		{"unique table constraint nulls not distinct", pg,
			`CREATE TABLE t (a int, b int, CONSTRAINT ab UNIQUE NULLS NOT DISTINCT (a, b));`,
			"t", "ab(a,b) nnd"},
		{"mysql create unique index using before on", my,
			"CREATE TABLE t (a int); CREATE UNIQUE INDEX u USING BTREE ON t (a) COMMENT 'x' ALGORITHM=DEFAULT;",
			"t", "u(a)"},

		// statements that make no keys
		{"create table as and partition of", pg,
			`CREATE TABLE t AS SELECT 1 AS id; CREATE TABLE p PARTITION OF parent FOR VALUES IN (1);`,
			"p", "-"},
		{"non-unique index and drop of it", pg,
			`CREATE TABLE t (a int UNIQUE); CREATE INDEX ix ON t (a); DROP INDEX ix;`,
			"t", "t_a_key(a)"},
		{"mysql DELIMITER routine is not applied", my,
			"CREATE TABLE t (a int, b int);\nDELIMITER $$\nCREATE PROCEDURE p() BEGIN ALTER TABLE t ADD UNIQUE (a); END$$\nDELIMITER ;\nALTER TABLE t ADD UNIQUE KEY ub (b);",
			"t", "ub(b)"},
		{"sqlite trigger body is not applied", lite,
			"CREATE TABLE t (a int, b int);\nCREATE TRIGGER tr AFTER INSERT ON t BEGIN DROP INDEX ub; END;\nCREATE UNIQUE INDEX ub ON t (b);",
			"t", "ub(b)"},
		{"goose down section ignored", pg,
			"-- +goose Up\nCREATE TABLE t (a int UNIQUE);\n-- +goose Down\nDROP TABLE t;\n",
			"t", "t_a_key(a)"},
		{"dbmate down section ignored", pg,
			"-- migrate:up\nCREATE TABLE t (a int UNIQUE);\n-- migrate:down\nALTER TABLE t DROP CONSTRAINT t_a_key;\n",
			"t", "t_a_key(a)"},
		{"sql-migrate down section ignored", pg,
			"-- +migrate Up\nCREATE TABLE t (a int UNIQUE);\n-- +migrate Down\nDROP TABLE t;\n",
			"t", "t_a_key(a)"},
		{"goose StatementEnd ends a body without semicolon", pg,
			"-- +goose Up\n-- +goose StatementBegin\nCREATE FUNCTION f() RETURNS trigger AS $$ BEGIN RETURN NEW; END; $$ LANGUAGE plpgsql\n-- +goose StatementEnd\nCREATE TABLE t (a int UNIQUE);\n",
			"t", "t_a_key(a)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cat := replay(tt.d, tt.src)
			got := strings.Join(keySet(cat, tt.table), " | ")
			if cat.Table(tt.table) == nil {
				got = "-"
			}
			if got != tt.want {
				t.Errorf("%s keys:\n got %s\nwant %s", tt.table, got, tt.want)
			}
		})
	}
}

func TestColumnsNotNull(t *testing.T) {
	cat := replay(pg, `CREATE TABLE t (id int, a int NOT NULL, b int DEFAULT NULL, c int REFERENCES o ON DELETE SET NULL, d int NULL, PRIMARY KEY (id));
		ALTER TABLE t ALTER COLUMN d SET NOT NULL; ALTER TABLE t ALTER COLUMN a DROP NOT NULL;`)
	tb := cat.Table("t")
	want := map[string]bool{"id": true, "a": false, "b": false, "c": false, "d": true}
	for col, nn := range want {
		if tb.ColumnNotNull(col) != nn {
			t.Errorf("column %s NOT NULL = %v, want %v", col, !nn, nn)
		}
	}
	cat = replay(my, "CREATE TABLE t (a int NOT NULL, b int); ALTER TABLE t MODIFY a int NULL, MODIFY COLUMN b int NOT NULL;")
	if tb := cat.Table("t"); tb.ColumnNotNull("a") || !tb.ColumnNotNull("b") {
		t.Errorf("MODIFY: a NOT NULL = %v, b NOT NULL = %v; want false, true", tb.ColumnNotNull("a"), tb.ColumnNotNull("b"))
	}
}

func TestKeySources(t *testing.T) {
	cat := replay(pg, "-- header\nCREATE TABLE t (\n  id int PRIMARY KEY,\n  email text\n);\n\nCREATE UNIQUE INDEX u ON t (email);\n")
	var got []string
	for _, k := range cat.Table("t").Keys {
		got = append(got, k.Source.String())
	}
	if strings.Join(got, " ") != "m.sql:3 m.sql:7" {
		t.Errorf("sources = %v, want m.sql:3 m.sql:7", got)
	}
}

func TestWarnings(t *testing.T) {
	tests := []struct {
		name, src string
		want      string // substring of the single warning; "" for none
	}{
		{"function body with DDL", `CREATE FUNCTION f() RETURNS void AS $$ BEGIN EXECUTE 'DROP INDEX x'; END $$ LANGUAGE plpgsql;`, "function body mentions DROP"},
		{"DO block with dynamic DDL", `DO $$ BEGIN EXECUTE format('ALTER TABLE %I ADD UNIQUE (a)', 't'); END $$;`, "not analysed"},
		{"unknown DDL mentioning keys", `CREATE UNIQUE CONSTRAINT TRIGGER x;`, "statement not analysed"},
		{"comment on index is silent", `COMMENT ON INDEX u IS 'unique';`, ""},
		{"grant and data are silent", `GRANT ALL ON t TO x; INSERT INTO t VALUES ('drop index');`, ""},
		{"DO block without keys is silent", `DO $$ BEGIN RAISE NOTICE 'hi'; END $$;`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cat := replay(pg, tt.src)
			switch {
			case tt.want == "" && len(cat.Warnings) > 0:
				t.Errorf("unexpected warnings %v", cat.Warnings)
			case tt.want != "" && (len(cat.Warnings) != 1 || !strings.Contains(cat.Warnings[0].Message, tt.want)):
				t.Errorf("warnings %v, want one containing %q", cat.Warnings, tt.want)
			}
		})
	}
}

func TestDoBlockMarksUncertain(t *testing.T) {
	cat := replay(pg, `CREATE TABLE t (a int UNIQUE, b int);
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 't_b_key') THEN
    ALTER TABLE t ADD CONSTRAINT t_b_key UNIQUE (b);
  END IF;
END $$;
CREATE TABLE u (c int UNIQUE);`)
	got := keySet(cat, "t")
	if strings.Join(got, " | ") != "t_a_key(a) | t_b_key(b)" {
		t.Fatalf("t keys = %v", got)
	}
	for _, k := range cat.Table("t").Keys {
		if !k.Uncertain {
			t.Errorf("%s should be uncertain", k.Name)
		}
	}
	if k := cat.Table("u").Keys[0]; k.Uncertain {
		t.Errorf("u's key was not touched by the DO block")
	}
	if k := cat.Table("t").Keys[1]; k.Source.Line != 5 {
		t.Errorf("key added in the DO block at line %d, want 5", k.Source.Line)
	}
}
