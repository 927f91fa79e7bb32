package livedb

import (
	"errors"
	"strings"
	"testing"

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

func TestScrub(t *testing.T) {
	for _, tc := range []struct{ dsn, secret string }{
		{"postgres://app:S3cr%2Ft%40x@127.0.0.1/db", "S3cr/t@x"},
		{"postgres://app:S3cr%2Ft%40x@127.0.0.1/db", "S3cr%2Ft%40x"},
		{"mysql://app:pa%22ss@127.0.0.1/db", `pa\"ss`}, // as %q prints it
		{"app:hunter2@tcp(127.0.0.1:3306)/db", "hunter2"},
		{"host=x password='two words' user=app", "two words"},
		{"postgres://h/db?sslpassword=keypass", "keypass"},
		{"postgres://app:p@ss/w#rd@127.0.0.1/db", "p@ss/w#rd"},
	} {
		msg := "driver said: " + tc.secret + " and " + tc.dsn
		got := scrub(msg, tc.dsn)
		if strings.Contains(got, tc.secret) {
			t.Errorf("scrub(%q) = %q still holds %q", msg, got, tc.secret)
		}
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
