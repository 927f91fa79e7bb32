package sqlscan

import (
	"fmt"
	"strings"
	"testing"
)

// describeQuery renders the parts of a Query a test pins down.
func describeQuery(q Query) string {
	var parts []string
	switch q.Kind {
	case SelectQuery:
		parts = append(parts, "select")
	case InsertQuery:
		parts = append(parts, "insert")
	default:
		parts = append(parts, "other")
	}
	if q.Table != "" {
		parts = append(parts, q.Table)
	}
	if q.Alias != "" {
		parts = append(parts, "as "+q.Alias)
	}
	if q.Count {
		parts = append(parts, "count")
	}
	if q.Exists {
		parts = append(parts, "exists")
	}
	if q.Constant {
		parts = append(parts, "constant")
	}
	if q.HasWhere {
		parts = append(parts, "where["+describe(q.Where)+"]")
	}
	if q.Columns != nil {
		parts = append(parts, "("+strings.Join(q.Columns, ",")+")")
	}
	if q.Upsert != NoUpsert {
		parts = append(parts, q.Upsert.String())
	}
	for _, c := range q.Conflicts {
		s := "conflict(" + strings.Join(c.Target, ",") + ")"
		if c.Where != "" {
			s += " where " + c.Where
		}
		if c.Constraint != "" {
			s += " constraint " + c.Constraint
		}
		if c.DoNothing {
			s += " nothing"
		} else {
			s += " update"
		}
		parts = append(parts, s)
	}
	if q.Returning {
		parts = append(parts, "returning")
	}
	if q.Guard != nil {
		parts = append(parts, "guard{"+describeQuery(*q.Guard)+"}")
	}
	if q.Unknown != "" {
		parts = append(parts, "?"+q.Unknown)
	}
	return strings.Join(parts, " ")
}

func TestParseQuery(t *testing.T) {
	tests := []struct {
		in   string
		d    Dialect
		want string
	}{
		// Lookups.
		{`SELECT id FROM users WHERE email = $1`, Postgres, `select users where[email=?0]`},
		{`select id, name from "Users" u where u.email = ? and u.tenant_id = ? limit 1`, Generic, `select users as u where[u.email=?0 u.tenant_id=?1]`},
		{"SELECT `id` FROM `users` AS u WHERE `u`.`email` = ? FOR UPDATE", MySQL, `select users as u where[u.email=?0]`},
		{`SELECT id FROM public.users WHERE users.email = :email`, Generic, `select public.users where[users.email=?@email]`},
		{`SELECT id FROM users WHERE email = @email;`, Generic, `select users where[email=?@email]`},
		{`SELECT id FROM users WHERE lower(email) = lower($1)`, Postgres, `select users where[lower(email)=lower(?)0]`},
		{`SELECT id FROM users WHERE email = $1 AND deleted_at IS NULL ORDER BY id`, Postgres, `select users where[email=?0 deleted_at is null]`},
		{`SELECT id FROM users WHERE status = 'active' AND email = $1`, Postgres, `select users where[status='active' email=?0]`},
		{`SELECT COUNT(*) FROM users WHERE email = $1`, Postgres, `select users count where[email=?0]`},
		{`SELECT count(1) AS n FROM users WHERE email = ?`, Generic, `select users count where[email=?0]`},
		{`SELECT EXISTS (SELECT 1 FROM users WHERE email = $1)`, Postgres, `select users exists where[email=?0]`},
		{`SELECT EXISTS(SELECT 1 FROM users u WHERE u.email = ?) AS found`, Generic, `select users as u exists where[u.email=?0]`},
		{`SELECT true FROM feeds WHERE user_id=$1 AND feed_url=$2 LIMIT 1`, Postgres, `select feeds constant where[user_id=?0 feed_url=?1]`},
		{`SELECT 1 AS found FROM users WHERE email = ?`, Generic, `select users constant where[email=?0]`},
		{`SELECT 0 FROM users WHERE email = ?`, Generic, `select users where[email=?0]`},
		{`SELECT false FROM users WHERE email = ?`, Generic, `select users where[email=?0]`},
		{`SELECT 1, id FROM users WHERE email = ?`, Generic, `select users where[email=?0]`},
		{`SELECT id FROM users`, Generic, `select users`},
		{`SELECT ?, id FROM users WHERE email = ?`, Generic, `select users where[email=?1]`},
		// Shapes that are not read.
		{`SELECT id FROM users WHERE email = $1 OR phone = $2`, Postgres, `select users where[!OR]`},
		{`SELECT u.id FROM users u JOIN orgs o ON o.id = u.org_id WHERE u.email = $1`, Postgres, `select users as u ?a JOIN`},
		{`SELECT u.id FROM users u, orgs o WHERE u.email = $1`, Postgres, `select users as u ?a JOIN`},
		{`SELECT id FROM users LEFT JOIN orgs USING (org_id) WHERE email = $1`, Postgres, `select users ?a JOIN`},
		{`SELECT id FROM (SELECT * FROM users) x WHERE email = $1`, Postgres, `select ?a subquery in FROM`},
		{`WITH x AS (SELECT 1) SELECT id FROM users WHERE email = $1`, Postgres, `select ?a CTE (WITH)`},
		{`SELECT id FROM users WHERE email = $1 UNION SELECT id FROM admins WHERE email = $1`, Postgres, `select users ?UNION`},
		{`SELECT email, count(*) FROM users WHERE email = $1 GROUP BY email`, Postgres, `select users ?GROUP BY`},
		{`SELECT id FROM users WHERE o.email = $1`, Postgres, `select users where[o.email=?0] ?a condition names another table (o)`},
		{`SELECT NOT EXISTS (SELECT 1 FROM users WHERE email = $1)`, Postgres, `select ?no FROM`},
		{`SELECT id FROM users WHERE email = $1; DELETE FROM x`, Postgres, `select ?several statements`},
		{`UPDATE users SET name = $1 WHERE email = $2`, Postgres, `other`},
		{``, Postgres, `other ?empty query`},
		// Inserts.
		{`INSERT INTO users (email, name) VALUES ($1, $2)`, Postgres, `insert users (email,name)`},
		{`INSERT INTO users(email) VALUES($1) RETURNING id`, Postgres, `insert users (email) returning`},
		{`insert into "public"."users" values ($1, $2)`, Postgres, `insert public.users`},
		// Check-then-insert in one statement: the NOT EXISTS subquery is the lookup.
		{`INSERT INTO users (email) SELECT $1 WHERE NOT EXISTS (SELECT 1 FROM users WHERE email = $1)`, Postgres, `insert users (email) guard{select users constant where[email=?0]}`},
		{`INSERT INTO tags (name, slug) SELECT ?, ? FROM dual WHERE NOT EXISTS (SELECT id FROM tags t WHERE t.name = ?) AND ? <> ''`, MySQL, `insert tags (name,slug) guard{select tags as t where[t.name=?2]}`},
		{`INSERT INTO users (email) SELECT $1 WHERE NOT EXISTS (SELECT 1 FROM users WHERE email = $1) RETURNING id`, Postgres, `insert users (email) returning guard{select users constant where[email=?0]}`},
		{`INSERT INTO users (email) SELECT $1 WHERE NOT EXISTS (SELECT 1 FROM users WHERE email = $1) ON CONFLICT DO NOTHING`, Postgres, `insert users (email) ON CONFLICT conflict() nothing guard{select users constant where[email=?0]}`},
		{`INSERT INTO users (email) SELECT email FROM staging WHERE active`, Postgres, `insert users (email)`},
		{`INSERT INTO users (email) SELECT $1 WHERE NOT EXISTS (SELECT 1 FROM users WHERE email = $1) OR $2`, Postgres, `insert users (email)`},
		{`INSERT INTO users (email) SELECT $1 WHERE NOT EXISTS (SELECT 1 FROM users WHERE email = $1) AND NOT EXISTS (SELECT 1 FROM bans WHERE email = $1)`, Postgres, `insert users (email)`},
		{`INSERT INTO users SET email = ?, name = ?`, MySQL, `insert users (email,name)`},
		{`INSERT INTO users (email) VALUES ($1) ON CONFLICT DO NOTHING`, Postgres, `insert users (email) ON CONFLICT conflict() nothing`},
		{`INSERT INTO users (email) VALUES ($1) ON CONFLICT (email) DO NOTHING RETURNING id`, Postgres, `insert users (email) ON CONFLICT conflict(email) nothing returning`},
		{`INSERT INTO users AS u (email, name) VALUES ($1, $2) ON CONFLICT ("Email", tenant_id) DO UPDATE SET name = EXCLUDED.name`, Postgres, `insert users (email,name) ON CONFLICT conflict(email,tenant_id) update`},
		{`INSERT INTO users (email) VALUES ($1) ON CONFLICT ((lower(email))) DO NOTHING`, Postgres, `insert users (email) ON CONFLICT conflict(lower(email)) nothing`},
		{`INSERT INTO users (email) VALUES ($1) ON CONFLICT (lower(email) COLLATE "C") DO NOTHING`, Postgres, `insert users (email) ON CONFLICT conflict(lower(email)) nothing`},
		{`INSERT INTO users (nick) VALUES ($1) ON CONFLICT (nick) WHERE deleted_at IS NULL DO NOTHING`, Postgres, `insert users (nick) ON CONFLICT conflict(nick) where deleted_at is null nothing`},
		{`INSERT INTO users (email) VALUES ($1) ON CONFLICT ON CONSTRAINT users_email_key DO NOTHING`, Postgres, `insert users (email) ON CONFLICT conflict() constraint users_email_key nothing`},
		{`INSERT INTO t (a, b) VALUES (?, ?) ON CONFLICT (a) DO NOTHING ON CONFLICT (b) DO UPDATE SET a = excluded.a`, SQLite, `insert t (a,b) ON CONFLICT conflict(a) nothing conflict(b) update`},
		{`INSERT IGNORE INTO users (email) VALUES (?)`, MySQL, `insert users (email) INSERT IGNORE`},
		{`INSERT LOW_PRIORITY IGNORE INTO users (email) VALUES (?)`, MySQL, `insert users (email) INSERT IGNORE`},
		{`INSERT INTO users (email) VALUES (?) ON DUPLICATE KEY UPDATE id = id`, MySQL, `insert users (email) ON DUPLICATE KEY UPDATE`},
		{`INSERT OR IGNORE INTO users (email) VALUES (?)`, SQLite, `insert users (email) INSERT OR IGNORE`},
		{`INSERT OR REPLACE INTO users (email) VALUES (?)`, SQLite, `insert users (email) REPLACE`},
		{`INSERT OR ABORT INTO users (email) VALUES (?)`, SQLite, `insert users (email)`},
		{`REPLACE INTO users (email) VALUES (?)`, MySQL, `insert users (email) REPLACE`},
		{`WITH x AS (SELECT 1) INSERT INTO users (email) VALUES ($1)`, Postgres, `insert ?a CTE (WITH)`},
	}
	for _, tt := range tests {
		if got := describeQuery(ParseQuery(tt.in, tt.d)); got != tt.want {
			t.Errorf("ParseQuery(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseQueryNeverPanics(t *testing.T) {
	for _, in := range []string{
		"SELECT", "SELECT EXISTS (", "SELECT EXISTS (SELECT", "INSERT", "INSERT INTO", "INSERT INTO t (",
		"INSERT INTO t (a) VALUES (1) ON CONFLICT (", "INSERT INTO t ON CONFLICT (a) WHERE (",
		"INSERT INTO t ON CONFLICT ON", "SELECT a FROM", "SELECT a FROM t WHERE", "SELECT count(",
		"REPLACE", "INSERT OR", "SELECT a FROM t AS", ";;;", "WITH",
	} {
		_ = fmt.Sprint(ParseQuery(in, Generic))
	}
}

func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{
		`SELECT id FROM users WHERE email = $1`,
		`SELECT EXISTS (SELECT 1 FROM users u WHERE u.email = ?)`,
		`INSERT INTO users (email) VALUES ($1) ON CONFLICT ((lower(email))) WHERE deleted_at IS NULL DO NOTHING`,
		`INSERT OR IGNORE INTO t SET a = ?`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, d := range []Dialect{Generic, Postgres, MySQL, SQLite} {
			ParseQuery(s, d)
		}
	})
}
