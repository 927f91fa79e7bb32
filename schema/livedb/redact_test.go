package livedb

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

func TestRedact(t *testing.T) {
	for _, tc := range []struct{ dsn, want string }{
		{"postgres://app:secret@127.0.0.1:5432/appdb?sslmode=disable", "postgres://app@127.0.0.1:5432/appdb"},
		{"postgresql://app@db.internal/appdb", "postgresql://app@db.internal/appdb"},
		{"postgres://127.0.0.1/appdb?password=secret", "postgres://127.0.0.1/appdb"},
		{"postgres://app:se%zzcret@127.0.0.1/appdb", "postgres://app@127.0.0.1/appdb"},     // invalid escape
		{"postgres://app:p@ss/w#rd@127.0.0.1:5432/db", "postgres://app@127.0.0.1:5432/db"}, // unescaped @ / #
		{"mysql://app:secret@127.0.0.1:3306/appdb?parseTime=true", "mysql://app@127.0.0.1:3306/appdb"},
		{"app:secret@tcp(127.0.0.1:3306)/appdb?parseTime=true", "mysql://app@127.0.0.1:3306/appdb"},
		{"app:secret@unix(/run/mysqld/mysqld.sock)/appdb", "mysql://app@unix(/run/mysqld/mysqld.sock)/appdb"},
		{"host=127.0.0.1 port=5432 user=app password='se cr\\'et' dbname=appdb", "postgres://app@127.0.0.1:5432/appdb"},
		{"sqlite:///var/lib/app.db", "sqlite:/var/lib/app.db"},
		{"file:app.db?mode=ro", "sqlite:app.db"},
		{"./data/app.sqlite3", "sqlite:./data/app.sqlite3"},
		{"", "(empty connection string)"},
	} {
		if got := Redact(tc.dsn); got != tc.want {
			t.Errorf("Redact(%q) = %q, want %q", tc.dsn, got, tc.want)
		}
		if strings.Contains(Redact(tc.dsn), "secret") || strings.Contains(Redact(tc.dsn), "cret") {
			t.Errorf("Redact(%q) leaks the password", tc.dsn)
		}
	}
}

// Driver messages lose what is shaped like a connection string's
// password, wherever the driver echoed it.
func TestScrub(t *testing.T) {
	for _, tc := range []struct{ dsn, msg, secret string }{
		{"postgres://app:S3cr%2Ft%40x@127.0.0.1/db", "cannot parse `postgres://app:S3cr%2Ft%40x@127.0.0.1/db`: failed to parse as URL", "S3cr"},
		{"postgres://app:S3cr%2Ft@h:bad/db", `parse "postgres://app:S3cr%2Ft@h:bad/db": invalid port ":bad" after host`, "S3cr"},
		{"mysql://app:pa%22ss@127.0.0.1/db", `dial mysql://app:pa%22ss@127.0.0.1/db failed`, "pa%22ss"},
		{"x", "invalid DSN app:hunter2@tcp(127.0.0.1:3306)/db", "hunter2"},
		{"x", "conn host=x password='two words' user=app failed", "two words"},
		{"x", "conn host=x password=hunter2 user=app failed", "hunter2"},
		{"x", "bad url postgres://h/db?sslpassword=keypass&x=1", "keypass"},
		{"x", "bad url postgres://app:p@ss/w#rd@127.0.0.1/db here", "p@ss/w#rd"},
	} {
		if got := scrub(tc.msg, tc.dsn); strings.Contains(got, tc.secret) {
			t.Errorf("scrub(%q) = %q still holds %q", tc.msg, got, tc.secret)
		}
	}
}

// A password that is short, a common word, or the user name never garbles
// a message, which would show where it occurs.
func TestScrubKeepsMessagesWhole(t *testing.T) {
	const msg = "failed to connect to `user=app2 database=appdb`: 127.0.0.1:5432 (127.0.0.1): failed SASL auth: FATAL: password authentication failed for user \"app2\" (SQLSTATE 28P01)"
	for _, password := range []string{"e", "failed", "app2", "a", "SASL"} {
		dsn := "postgres://app2:" + password + "@127.0.0.1:5432/appdb?sslmode=disable"
		if got := scrub(msg, dsn); got != msg {
			t.Errorf("password %q: scrub changed the message to %q", password, got)
		}
	}
}

// The error names the host the driver contacted: with a raw '@' and '#' in
// the password, pgx reads part of it as the host.
func TestErrorNamesTheHostContacted(t *testing.T) {
	port := closedPort(t)
	dsn := fmt.Sprintf("postgres://app2:Wr0ng@localhost#word?x@127.0.0.1:%d/bigdb?sslmode=disable", port)
	_, err := Introspect(context.Background(), dsn, Options{ConnectTimeout: 2 * time.Second})
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("err = %v", err)
	}
	cfg, perr := pgx.ParseConfig(dsn)
	if perr != nil {
		t.Fatal(perr)
	}
	want := "postgres://app2@" + net.JoinHostPort(cfg.Host, fmt.Sprint(cfg.Port)) + "/" + url.PathEscape(cfg.Database)
	if e.Target != want {
		t.Errorf("target = %q, want the host pgx parsed: %q", e.Target, want)
	}
	if strings.Contains(e.Error(), "127.0.0.1") {
		t.Errorf("error %q names a host that was not contacted", e)
	}
}

func TestDialectOf(t *testing.T) {
	for _, tc := range []struct {
		dsn  string
		want sqlscan.Dialect
		ok   bool
	}{
		{"postgres://h/db", sqlscan.Postgres, true},
		{"PostgreSQL://h/db", sqlscan.Postgres, true},
		{"mysql://h/db", sqlscan.MySQL, true},
		{"mariadb://h/db", sqlscan.MySQL, true},
		{"sqlite:///tmp/x.db", sqlscan.SQLite, true},
		{"file:x.db", sqlscan.SQLite, true},
		{"/tmp/app.sqlite", sqlscan.SQLite, true},
		{"app.DB", sqlscan.SQLite, true},
		{"redis://u:secret@h", sqlscan.Generic, false},
		{"app:secret@tcp(h:3306)/db", sqlscan.Generic, false},
		{"host=h password=secret", sqlscan.Postgres, true},
		{"host=db port=5432 dbname=app user=app sslmode=disable", sqlscan.Postgres, true},
		{"color=blue secret=x", sqlscan.Generic, false},
	} {
		got, err := DialectOf(tc.dsn)
		if got != tc.want || (err == nil) != tc.ok {
			t.Errorf("DialectOf(%q) = %v, %v; want %v, ok=%v", tc.dsn, got, err, tc.want, tc.ok)
		}
		if err != nil {
			if !errors.Is(err, ErrBadDSN) || strings.Contains(err.Error(), "secret") {
				t.Errorf("DialectOf(%q) error %q: want ErrBadDSN without the password", tc.dsn, err)
			}
		}
	}
}
