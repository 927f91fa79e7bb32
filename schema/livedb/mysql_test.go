package livedb

import (
	"context"
	"strings"
	"testing"

	"github.com/getorcreatelint/getorcreatelint/internal/testdb"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

func TestMariaDBKeys(t *testing.T) {
	db := testdb.MariaDB(t)
	db.Exec(t, `
CREATE TABLE users (
	id BIGINT AUTO_INCREMENT PRIMARY KEY,
	email VARCHAR(255) NOT NULL,
	name VARCHAR(100),
	tenant_id INT NOT NULL,
	bio VARCHAR(1000),
	notes TEXT,
	UNIQUE KEY uq_email (email),
	UNIQUE KEY uq_tenant_name (tenant_id, name),
	UNIQUE KEY uq_bio (bio(191)),
	UNIQUE KEY uq_notes (notes),
	KEY idx_name (name)
)`,
		`CREATE TABLE pairs (a INT NOT NULL, b INT NOT NULL, c INT, PRIMARY KEY (a, b))`,
		`CREATE TABLE Plain (x INT)`,
		`CREATE VIEW user_emails AS SELECT email FROM users`,
	)
	cat, err := Introspect(context.Background(), db.DSN(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkTable(t, cat, "users", `
primary key  (id)
unique index uq_bio (bio[191])
unique index uq_email (email)
unique index uq_notes (notes)
unique index uq_tenant_name (tenant_id, name)
not null: email, id, tenant_id`)
	checkTable(t, cat, "pairs", `
primary key  (a, b)
not null: a, b`)
	checkTable(t, cat, "plain", `not null:`)
	if got := strings.Join(cat.Names(), " "); got != "pairs plain users" {
		t.Errorf("tables: %s (views must not be listed)", got)
	}
	checkSources(t, cat, db.DSN())
	if got, want := Redact(db.DSN()), "mysql://"+db.User+"@127.0.0.1:"+itoa(db.Port)+"/"+db.Name; got != want {
		t.Errorf("Redact = %q, want %q", got, want)
	}
}

// The driver's own DSN form works when the dialect is named.
func TestMariaDBNativeDSN(t *testing.T) {
	db := testdb.MariaDB(t)
	db.Exec(t, `CREATE TABLE t (id INT PRIMARY KEY)`)
	dsn := db.User + ":" + db.Password + "@tcp(127.0.0.1:" + itoa(db.Port) + ")/" + db.Name
	cat, err := Introspect(context.Background(), dsn, Options{Dialect: sqlscan.MySQL})
	if err != nil {
		t.Fatal(err)
	}
	checkTable(t, cat, "t", "primary key  (id)\nnot null: id")
	if got, want := Redact(dsn), "mysql://"+db.User+"@127.0.0.1:"+itoa(db.Port)+"/"+db.Name; got != want {
		t.Errorf("Redact = %q, want %q", got, want)
	}
}
