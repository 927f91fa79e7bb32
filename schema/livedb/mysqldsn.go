package livedb

import (
	"net"
	"net/url"
	"strings"
	"time"

	"github.com/go-sql-driver/mysql"
)

// mysqlConfig turns a mysql:// URL or a go-sql-driver DSN into the driver's
// Config, with the timeouts of opts and the driver's logging silenced.
func mysqlConfig(dsn string, opts Options) (*mysql.Config, error) {
	var cfg *mysql.Config
	var err error
	if isURL(dsn) {
		cfg, err = mysqlConfigFromURL(dsn)
	} else {
		cfg, err = mysql.ParseDSN(dsn)
	}
	if err != nil {
		return nil, failure(dsn, ErrBadDSN, err)
	}
	if cfg.DBName == "" {
		return nil, &Error{Target: Redact(dsn), Kind: ErrBadDSN, Detail: "no database named in the connection string"}
	}
	cfg.Timeout = opts.ConnectTimeout
	// Backstops for a server that ignores the statement timeout.
	cfg.ReadTimeout = opts.QueryTimeout + 5*time.Second
	cfg.WriteTimeout = opts.QueryTimeout + 5*time.Second
	cfg.Logger = discardLogger{}
	cfg.MultiStatements = false
	// Whatever the DSN says: a server answering a query with a LOAD DATA
	// LOCAL INFILE request gets no file, and no password in clear text or
	// under the broken pre-4.1 hash unless the caller allowed it.
	cfg.AllowAllFiles = false
	cfg.AllowCleartextPasswords = opts.AllowCleartextPassword
	cfg.AllowOldPasswords = false
	return cfg, nil
}

// mysqlConfigFromURL translates mysql://user:pass@host:port/db?params;
// ?socket=/path selects a unix socket. Other parameters are the driver's.
func mysqlConfigFromURL(dsn string) (*mysql.Config, error) {
	u, err := url.Parse(dsn)
	if err != nil {
		return nil, err
	}
	q := u.Query()
	addr := "tcp(" + hostPort(u) + ")"
	if sock := q.Get("socket"); sock != "" {
		addr = "unix(" + sock + ")"
		q.Del("socket")
	}
	native := addr + "/" + strings.TrimPrefix(u.Path, "/")
	if len(q) > 0 {
		native += "?" + q.Encode()
	}
	cfg, err := mysql.ParseDSN(native)
	if err != nil {
		return nil, err
	}
	if u.User != nil {
		cfg.User = u.User.Username()
		cfg.Passwd, _ = u.User.Password()
	}
	return cfg, nil
}

func hostPort(u *url.URL) string {
	host, port := u.Hostname(), u.Port()
	if host == "" {
		host = "127.0.0.1"
	}
	if port == "" {
		port = "3306"
	}
	return net.JoinHostPort(host, port)
}

// mysqlTarget names the database the driver's parsed configuration
// connects to, without the password.
func mysqlTarget(cfg *mysql.Config) string {
	addr := cfg.Addr
	if cfg.Net != "tcp" {
		addr = cfg.Net + "(" + cfg.Addr + ")"
	}
	user := ""
	if cfg.User != "" {
		user = cfg.User + "@"
	}
	return "mysql://" + user + addr + "/" + cfg.DBName
}

// redactMySQLNative renders user:pass@tcp(host:port)/db as
// mysql://user@host:port/db.
func redactMySQLNative(dsn string) string {
	if cfg, err := mysql.ParseDSN(dsn); err == nil {
		return mysqlTarget(cfg)
	}
	user, rest := cutUserinfo(dsn)
	rest, _, _ = strings.Cut(rest, "?")
	if user != "" {
		return "mysql://" + user + "@" + rest
	}
	return "(unrecognised connection string)"
}

// discardLogger keeps the driver from printing connection errors itself.
type discardLogger struct{}

func (discardLogger) Print(...any) {}
