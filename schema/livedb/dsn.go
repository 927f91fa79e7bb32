package livedb

import (
	"net/url"
	"path/filepath"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// DialectOf tells the database kind from the DSN's scheme (postgres://,
// postgresql://, mysql://, mariadb://, sqlite://, file:), for SQLite a path
// ending in .db, .sqlite or .sqlite3, and for PostgreSQL libpq's
// keyword/value form ("host=db port=5432 dbname=app user=app"). The
// go-sql-driver form without a scheme is ambiguous: the caller names the
// dialect (Options.Dialect).
func DialectOf(dsn string) (sqlscan.Dialect, error) {
	dsn = strings.TrimSpace(dsn)
	if scheme, _, ok := splitScheme(dsn); ok {
		switch scheme {
		case "postgres", "postgresql":
			return sqlscan.Postgres, nil
		case "mysql", "mariadb":
			return sqlscan.MySQL, nil
		case "sqlite", "sqlite3", "file":
			return sqlscan.SQLite, nil
		}
		return sqlscan.Generic, &Error{Target: Redact(dsn), Kind: ErrBadDSN,
			Detail: "unknown scheme " + scheme + "://; use postgres://, mysql:// or sqlite://"}
	}
	if strings.HasPrefix(strings.ToLower(dsn), "file:") || hasSQLiteSuffix(dsn) {
		return sqlscan.SQLite, nil
	}
	if isPostgresKeyValue(dsn) {
		return sqlscan.Postgres, nil
	}
	return sqlscan.Generic, &Error{Target: Redact(dsn), Kind: ErrBadDSN,
		Detail: "cannot tell the database from the connection string; use a postgres://, mysql:// or sqlite:// URL, or name the dialect"}
}

// splitScheme splits "scheme://rest"; the scheme is lower-cased.
func splitScheme(dsn string) (scheme, rest string, ok bool) {
	i := strings.Index(dsn, "://")
	if i <= 0 {
		return "", "", false
	}
	scheme = dsn[:i]
	for _, c := range scheme {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
			return "", "", false
		}
	}
	return strings.ToLower(scheme), dsn[i+3:], true
}

func hasSQLiteSuffix(dsn string) bool {
	path, _, _ := strings.Cut(dsn, "?")
	switch strings.ToLower(filepath.Ext(path)) {
	case ".db", ".sqlite", ".sqlite3":
		return true
	}
	return false
}

// Redact describes the database a DSN points at without its password or
// query parameters: "postgres://app@127.0.0.1:5432/appdb",
// "mysql://app@127.0.0.1:3306/appdb", "sqlite:/path/app.db". A DSN it cannot
// parse is described by its kind only, never echoed.
func Redact(dsn string) string {
	dsn = strings.TrimSpace(dsn)
	switch {
	case dsn == "":
		return "(empty connection string)"
	case isURL(dsn):
		return redactURL(dsn)
	case strings.HasPrefix(strings.ToLower(dsn), "file:") || hasSQLiteSuffix(dsn):
		path, err := sqlitePath(dsn)
		if err != nil {
			return "sqlite:(unparsable path)"
		}
		return "sqlite:" + path
	case looksKeyValue(dsn):
		return redactKeyValue(dsn)
	}
	return redactMySQLNative(dsn)
}

func isURL(dsn string) bool {
	_, _, ok := splitScheme(dsn)
	return ok
}

// redactURL keeps scheme, user, host and path. Passwords with characters
// that url.Parse rejects fall back to cutting at the last '@'.
func redactURL(dsn string) string {
	scheme, rest, _ := splitScheme(dsn)
	if scheme == "sqlite" || scheme == "sqlite3" || scheme == "file" {
		path, err := sqlitePath(dsn)
		if err != nil {
			return scheme + ":(unparsable path)"
		}
		return "sqlite:" + path
	}
	if u, err := url.Parse(dsn); err == nil && u.Opaque == "" && plainAuthority(rest) {
		out := scheme + "://"
		if u.User != nil {
			out += url.User(u.User.Username()).String() + "@"
		}
		return out + u.Host + u.EscapedPath()
	}
	user, hostpart := cutUserinfo(rest)
	hostpart, _, _ = strings.Cut(hostpart, "?")
	hostpart, _, _ = strings.Cut(hostpart, "#")
	if user != "" {
		return scheme + "://" + user + "@" + hostpart
	}
	return scheme + "://" + hostpart
}

// plainAuthority reports whether url.Parse can be trusted to find the
// userinfo of "user:pass@host/path?query": at most one '@', and it comes
// before any '/', '?' or '#'. Otherwise a password holding one of those
// could be read as host or path and printed.
func plainAuthority(rest string) bool {
	at := strings.Index(rest, "@")
	if at < 0 {
		return !strings.ContainsAny(rest, "#")
	}
	return strings.Count(rest, "@") == 1 && !strings.ContainsAny(rest[:at], "/?#")
}

// cutUserinfo splits "user:password@rest" at the last '@' (a password may
// contain '@') and returns the user and rest; the password is dropped.
func cutUserinfo(s string) (user, rest string) {
	at := strings.LastIndex(s, "@")
	if at < 0 {
		return "", s
	}
	user, _, _ = strings.Cut(s[:at], ":")
	return user, s[at+1:]
}
