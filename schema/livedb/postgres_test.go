package livedb

import (
	"context"
	"strings"
	"testing"

	"github.com/getorcreatelint/getorcreatelint/internal/testdb"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

func TestPostgresKeys(t *testing.T) {
	db := testdb.Postgres(t)
	db.Exec(t, `
CREATE TABLE users (
	id bigserial PRIMARY KEY,
	email text NOT NULL,
	name text,
	tenant_id int,
	deleted_at timestamptz,
	CONSTRAINT users_name_key UNIQUE (name)
)`,
		`CREATE UNIQUE INDEX users_tenant_email ON users (tenant_id, email)`,
		`CREATE UNIQUE INDEX users_email_live ON users (email) WHERE deleted_at IS NULL`,
		`CREATE UNIQUE INDEX users_lower_email ON users (lower(email))`,
		`CREATE UNIQUE INDEX users_id_again ON users (id)`, // same as the primary key: folded into it
		// ignored: not unique, or not btree
		`CREATE INDEX users_name_idx ON users (name)`,
		`CREATE INDEX users_name_hash ON users USING hash (name)`,
		`CREATE INDEX users_email_brin ON users USING brin (id)`,
		`CREATE TABLE members (
	id int GENERATED ALWAYS AS IDENTITY,
	email varchar(255),
	status text NOT NULL,
	code text NOT NULL
)`,
		`CREATE UNIQUE INDEX members_lower_email ON members (lower(email)) WHERE status = 'active'`,
		`CREATE UNIQUE INDEX members_code ON members (code) INCLUDE (email)`,
		// operator class, collation and ordering are not part of the item
		`CREATE UNIQUE INDEX members_upper_code ON members (upper(code) COLLATE "C" text_pattern_ops DESC NULLS LAST, status varchar_ops)`,
		`CREATE TABLE tags (
	id int PRIMARY KEY,
	parent_id int,
	name text NOT NULL,
	UNIQUE NULLS NOT DISTINCT (parent_id, name)
)`,
		`CREATE TABLE plain (id int, note text)`,
		`CREATE SCHEMA billing`,
		`CREATE TABLE billing.invoices (tenant int NOT NULL, number text NOT NULL, PRIMARY KEY (tenant, number))`,
		`CREATE UNIQUE INDEX invoices_number ON billing.invoices (number)`,
		`CREATE TABLE "Accounts" ("Login" text UNIQUE)`,
	)
	cat, err := Introspect(context.Background(), db.DSN(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkTable(t, cat, "users", `
primary key users_pkey (id)
unique constraint users_name_key (name)
unique index users_email_live (email) where deleted_at is null
unique index users_lower_email (lower(email))
unique index users_tenant_email (tenant_id, email)
not null: email, id`)
	checkTable(t, cat, "members", `
unique index members_code (code)
unique index members_lower_email (lower(email)) where status = 'active'
unique index members_upper_code (upper(code), status)
not null: code, id, status`)
	checkTable(t, cat, "tags", `
primary key tags_pkey (id)
unique constraint tags_parent_id_name_key (parent_id, name) nulls not distinct
not null: id, name`)
	checkTable(t, cat, "plain", `not null:`)
	checkTable(t, cat, "billing.invoices", `
primary key invoices_pkey (tenant, number)
unique index invoices_number (number)
not null: number, tenant`)
	checkTable(t, cat, "accounts", `
unique constraint accounts_login_key (login)
not null:`)
	if got := strings.Join(cat.Names(), " "); got != "accounts billing.invoices members plain tags users" {
		t.Errorf("tables: %s", got)
	}
	checkSources(t, cat, db.DSN())

	// Expressions and predicates compare equal to the migrations' spelling.
	byName := map[string]string{}
	for _, k := range cat.Table("members").Keys {
		byName[k.Name] = k.Where + "|" + k.Parts[0].String()
	}
	want := sqlscan.Normalize("status = 'active'", sqlscan.Postgres) + "|" + sqlscan.Normalize("LOWER(email)", sqlscan.Postgres)
	if byName["members_lower_email"] != want {
		t.Errorf("members_lower_email = %q, want %q", byName["members_lower_email"], want)
	}
}

func TestPostgresKeywordValueDSN(t *testing.T) {
	db := testdb.Postgres(t)
	db.Exec(t, `CREATE TABLE t (id int PRIMARY KEY)`)
	dsn := "host=127.0.0.1 port=" + itoa(db.Port) + " dbname=" + db.Name + " user=" + db.User + " password='" + db.Password + "' sslmode=disable"
	// libpq's form is PostgreSQL's: no dialect needs naming.
	if d, err := DialectOf(dsn); d != sqlscan.Postgres || err != nil {
		t.Errorf("DialectOf(keyword/value DSN) = %v, %v; want postgres", d, err)
	}
	cat, err := Introspect(context.Background(), dsn, Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkTable(t, cat, "t", "primary key t_pkey (id)\nnot null: id")
	if got, want := cat.Table("t").Source.File, "postgres://"+db.User+"@127.0.0.1:"+itoa(db.Port)+"/"+db.Name; got != want {
		t.Errorf("source %q, want %q", got, want)
	}
}
