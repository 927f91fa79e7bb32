package livedb

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/getorcreatelint/getorcreatelint/internal/testdb"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// secret is the password every failing connection below uses. It holds
// characters that URLs escape, so both spellings are checked.
const secret = "Sup3r-s3cret/p@ss:w0rd?x"

// failCase is one connection that must fail with cause want.
type failCase struct {
	name string
	dsn  string
	opts Options
	want error
}

// checkFailures runs each case and asserts a classified *Error whose text
// names the redacted target and holds the password in no spelling, nor
// does anything logged meanwhile.
func checkFailures(t *testing.T, cases []failCase) {
	t.Helper()
	var logged bytes.Buffer
	log.SetOutput(&logged)
	defer log.SetOutput(os.Stderr)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			start := time.Now()
			cat, err := Introspect(ctx, tc.dsn, tc.opts)
			if err == nil {
				t.Fatalf("no error; read %d tables", len(cat.Tables))
			}
			t.Logf("%v (after %v)", err, time.Since(start).Round(time.Millisecond))
			if !errors.Is(err, tc.want) {
				t.Errorf("error %q is not %v", err, tc.want)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Errorf("error %T is not a *livedb.Error", err)
			}
			text := err.Error() + fmt.Sprintf(" %+v %#v", err, err)
			if leak := leaked(text); leak != "" {
				t.Errorf("error leaks the password (%q): %s", leak, text)
			}
			if !strings.Contains(err.Error(), Redact(tc.dsn)) {
				t.Errorf("error %q does not name %q", err, Redact(tc.dsn))
			}
		})
	}
	if leak := leaked(logged.String()); leak != "" {
		t.Errorf("log leaks the password (%q): %s", leak, logged.String())
	}
}

// leaked returns the part of secret that text holds, if any: the whole in
// any spelling, a piece between delimiters, or any 6-character stretch.
func leaked(text string) string {
	var parts []string
	for _, s := range []string{secret, url.QueryEscape(secret), url.PathEscape(secret), quoteInner(secret)} {
		parts = append(parts, s)
		for i := 0; i+6 <= len(s); i++ {
			parts = append(parts, s[i:i+6])
		}
	}
	parts = append(parts, strings.FieldsFunc(secret, isDSNDelimiter)...)
	for _, p := range parts {
		if len(p) >= minSecretPiece && strings.Contains(text, p) {
			return p
		}
	}
	return ""
}

// minSecretPiece is the shortest piece of the password leaked looks for
// between delimiters.
const minSecretPiece = 4

func isDSNDelimiter(r rune) bool { return strings.ContainsRune("/@:?#()&=,;% '\"", r) }

// closedPort returns a port nothing listens on.
func closedPort(t *testing.T) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	return port
}

// silentServer accepts connections and never answers, as a server that
// hangs would; it returns its port.
func silentServer(t *testing.T) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var conns []net.Conn
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			conns = append(conns, c)
		}
	}()
	t.Cleanup(func() {
		l.Close()
		<-done
		for _, c := range conns {
			c.Close()
		}
	})
	return l.Addr().(*net.TCPAddr).Port
}

func pgURL(user, password string, port int, db string) string {
	u := url.URL{Scheme: "postgres", User: url.UserPassword(user, password),
		Host: fmt.Sprintf("127.0.0.1:%d", port), Path: "/" + db, RawQuery: "sslmode=disable"}
	return u.String()
}

func TestPostgresErrors(t *testing.T) {
	db := testdb.Postgres(t)
	db.Exec(t,
		fmt.Sprintf(`CREATE ROLE insider LOGIN PASSWORD '%s'`, secret),
		fmt.Sprintf(`CREATE ROLE outsider LOGIN PASSWORD '%s'`, secret),
		fmt.Sprintf(`REVOKE CONNECT ON DATABASE %s FROM PUBLIC`, db.Name),
		fmt.Sprintf(`GRANT CONNECT ON DATABASE %s TO insider`, db.Name),
	)
	quick := Options{ConnectTimeout: 500 * time.Millisecond}
	checkFailures(t, []failCase{
		{"refused", pgURL("insider", secret, closedPort(t), db.Name), Options{}, ErrConnect},
		{"wrong password", pgURL(db.User, secret, db.Port, db.Name), Options{}, ErrAuth},
		{"unknown user", pgURL("nobody_here", secret, db.Port, db.Name), Options{}, ErrAuth},
		{"unknown database", pgURL("insider", secret, db.Port, "no_such_db"), Options{}, ErrUnknownDatabase},
		{"no CONNECT privilege", pgURL("outsider", secret, db.Port, db.Name), Options{}, ErrPermission},
		{"bad port", "postgres://insider:" + url.QueryEscape(secret) + "@127.0.0.1:notaport/db", Options{}, ErrBadDSN},
		{"bad escape", "postgres://insider:" + secret + "%zz@127.0.0.1/db", Options{}, ErrBadDSN},
		{"bad keyword/value", "host=127.0.0.1 password=" + secret + " sslmode=sideways", Options{Dialect: sqlscan.Postgres}, ErrBadDSN},
		{"server never answers", pgURL("insider", secret, silentServer(t), db.Name), quick, ErrTimeout},
	})
	// The grant works: the same role reads the schema.
	if _, err := Introspect(context.Background(), pgURL("insider", secret, db.Port, db.Name), Options{}); err != nil {
		t.Errorf("insider: %v", err)
	}
}

func myURL(user, password string, port int, db string) string {
	u := url.URL{Scheme: "mysql", User: url.UserPassword(user, password),
		Host: fmt.Sprintf("127.0.0.1:%d", port), Path: "/" + db}
	return u.String()
}

func TestMariaDBErrors(t *testing.T) {
	db := testdb.MariaDB(t)
	db.Exec(t,
		fmt.Sprintf(`CREATE USER 'outsider'@'%%' IDENTIFIED BY '%s'`, secret),
		fmt.Sprintf(`CREATE USER 'seer'@'%%' IDENTIFIED BY '%s'`, secret),
		`GRANT SELECT ON *.* TO 'seer'@'%'`,
	)
	quick := Options{ConnectTimeout: 500 * time.Millisecond}
	checkFailures(t, []failCase{
		{"refused", myURL("seer", secret, closedPort(t), db.Name), Options{}, ErrConnect},
		{"refused native", "seer:" + secret + fmt.Sprintf("@tcp(127.0.0.1:%d)/", closedPort(t)) + db.Name, Options{Dialect: sqlscan.MySQL}, ErrConnect},
		{"wrong password", myURL(db.User, secret, db.Port, db.Name), Options{}, ErrAuth},
		{"unknown database", myURL("seer", secret, db.Port, "no_such_db"), Options{}, ErrUnknownDatabase},
		{"no privilege on the database", myURL("outsider", secret, db.Port, db.Name), Options{}, ErrPermission},
		{"no database named", myURL("seer", secret, db.Port, ""), Options{}, ErrBadDSN},
		{"bad parameter", myURL("seer", secret, db.Port, db.Name) + "?tls=sideways", Options{}, ErrBadDSN},
		{"bad native", "seer:" + secret + "@tcp(127.0.0.1:3306", Options{Dialect: sqlscan.MySQL}, ErrBadDSN},
		{"server never answers", myURL("seer", secret, silentServer(t), db.Name), quick, ErrTimeout},
	})
	if _, err := Introspect(context.Background(), myURL("seer", secret, db.Port, db.Name), Options{}); err != nil {
		t.Errorf("seer: %v", err)
	}
}

func TestSQLiteErrors(t *testing.T) {
	dir := t.TempDir()
	garbage := filepath.Join(dir, "garbage.db")
	if err := os.WriteFile(garbage, bytes.Repeat([]byte("not a database "), 100), 0o644); err != nil {
		t.Fatal(err)
	}
	checkFailures(t, []failCase{
		{"missing file", filepath.Join(dir, "missing.db"), Options{}, ErrConnect},
		{"not a database", "sqlite://" + garbage, Options{}, ErrConnect},
		{"unknown scheme", "redis://app:" + secret + "@127.0.0.1/0", Options{}, ErrBadDSN},
		{"ambiguous native form", "app:" + secret + "@tcp(127.0.0.1:3306)/db", Options{}, ErrBadDSN},
	})
	// Opening read-only never creates the file.
	if _, err := os.Stat(filepath.Join(dir, "missing.db")); err == nil {
		t.Error("Introspect created the missing database file")
	}
}

// The leak check itself must catch a partial echo like the one
// go-sql-driver's DSN parser produces.
func TestLeakedCatchesPieces(t *testing.T) {
	for _, text := range []string{
		"default addr for network 'seer:Sup3r-s3cret' unknown",
		"bad value w0rd?x",
		"Sup3r-s3cret%2Fp%40ss",
	} {
		if leaked(text) == "" {
			t.Errorf("leaked(%q) found nothing", text)
		}
	}
	if l := leaked("password authentication failed for user \"seer\""); l != "" {
		t.Errorf("false alarm %q", l)
	}
}
