package livedb

import (
	"strconv"
	"strings"
)

// looksKeyValue reports whether dsn is PostgreSQL's keyword/value form,
// "host=db user=app password='x y'", rather than a go-sql-driver DSN.
func looksKeyValue(dsn string) bool {
	if strings.Contains(dsn, "@tcp(") || strings.Contains(dsn, "@unix(") {
		return false
	}
	key, _, ok := strings.Cut(dsn, "=")
	key = strings.TrimSpace(key)
	return ok && key != "" && !strings.ContainsAny(key, "@/:?()")
}

// libpqConnKeys are keywords only a PostgreSQL keyword/value connection
// string has; one of them makes the DSN PostgreSQL's.
var libpqConnKeys = map[string]bool{
	"host": true, "hostaddr": true, "port": true, "dbname": true, "user": true,
	"password": true, "passfile": true, "sslmode": true, "service": true,
}

// isPostgresKeyValue reports whether dsn is libpq's keyword/value form.
func isPostgresKeyValue(dsn string) bool {
	if !looksKeyValue(dsn) {
		return false
	}
	for k := range parseKeyValue(dsn) {
		if libpqConnKeys[k] {
			return true
		}
	}
	return false
}

// parseKeyValue reads libpq keyword/value pairs: values are bare words or
// single-quoted with \' and \\ escapes. Malformed input yields what was read.
func parseKeyValue(s string) map[string]string {
	out := map[string]string{}
	for {
		s = strings.TrimLeft(s, " \t\n\r")
		eq := strings.IndexByte(s, '=')
		if eq < 0 {
			return out
		}
		key := strings.TrimSpace(s[:eq])
		s = strings.TrimLeft(s[eq+1:], " \t\n\r")
		var val strings.Builder
		if strings.HasPrefix(s, "'") {
			i := 1
			for ; i < len(s) && s[i] != '\''; i++ {
				if s[i] == '\\' && i+1 < len(s) {
					i++
				}
				val.WriteByte(s[i])
			}
			s = s[min(i+1, len(s)):]
		} else {
			end := strings.IndexAny(s, " \t\n\r")
			if end < 0 {
				end = len(s)
			}
			val.WriteString(s[:end])
			s = s[end:]
		}
		out[strings.ToLower(key)] = val.String()
	}
}

// redactKeyValue renders a keyword/value DSN as a password-free URL.
func redactKeyValue(dsn string) string {
	kv := parseKeyValue(dsn)
	host := kv["host"]
	if host == "" {
		host = kv["hostaddr"]
	}
	out := "postgres://"
	if kv["user"] != "" {
		out += kv["user"] + "@"
	}
	out += host
	if kv["port"] != "" {
		out += ":" + kv["port"]
	}
	if kv["dbname"] != "" {
		out += "/" + kv["dbname"]
	}
	return out
}

// quoteInner is s as %q would print it, without the quotes, so a secret is
// also found in messages that quote the string holding it.
func quoteInner(s string) string {
	q := strconv.Quote(s)
	return q[1 : len(q)-1]
}
