package livedb

import (
	"errors"
	"net/url"
	"strings"
)

// sqlitePath extracts the file path from sqlite:///abs.db, sqlite://rel.db,
// file:rel.db, file:///abs.db or a bare path; query parameters are dropped.
func sqlitePath(dsn string) (string, error) {
	rest := dsn
	if scheme, r, ok := splitScheme(dsn); ok {
		if scheme != "sqlite" && scheme != "sqlite3" && scheme != "file" {
			return "", errors.New("not an SQLite connection string")
		}
		rest = r
		if strings.HasPrefix(rest, "localhost/") {
			rest = strings.TrimPrefix(rest, "localhost")
		}
	} else if len(dsn) >= 5 && strings.EqualFold(dsn[:5], "file:") {
		rest = dsn[5:]
		// file:/abs, file:rel; file://host/abs is covered above.
	} else {
		return dsn, nil // a bare path is taken literally
	}
	rest, _, _ = strings.Cut(rest, "?")
	rest, _, _ = strings.Cut(rest, "#")
	path, err := url.PathUnescape(rest)
	if err != nil {
		return "", err
	}
	if path == "" {
		return "", errors.New("no file named")
	}
	return path, nil
}
