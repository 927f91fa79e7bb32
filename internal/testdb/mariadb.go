package testdb

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/go-sql-driver/mysql"
)

// MySQLDB is a fresh database on the shared MariaDB server, with a user
// granted everything on it.
type MySQLDB struct {
	Host     string
	Port     int
	Name     string // the database
	User     string
	Password string
	server   *myServer
}

// URL returns a mysql:// DSN for user on this database.
func (d *MySQLDB) URL(user, password string) string {
	u := url.URL{Scheme: "mysql", User: url.UserPassword(user, password),
		Host: fmt.Sprintf("%s:%d", d.Host, d.Port), Path: "/" + d.Name}
	return u.String()
}

// DSN connects as the database's user.
func (d *MySQLDB) DSN() string { return d.URL(d.User, d.Password) }

// Exec runs statements as root on this database.
func (d *MySQLDB) Exec(t testing.TB, stmts ...string) {
	t.Helper()
	if err := d.server.exec(d.Name, stmts...); err != nil {
		t.Fatal(err)
	}
}

// MariaDB returns a new database on the shared server, starting the
// server on first use.
func MariaDB(t testing.TB) *MySQLDB {
	t.Helper()
	myOnce.Do(func() { myShared, myErr = startMariaDB() })
	require(t, myErr)
	n := mySeq.Add(1)
	db := &MySQLDB{Host: "127.0.0.1", Port: myShared.port, server: myShared,
		Name: fmt.Sprintf("db%d", n), User: fmt.Sprintf("user%d", n), Password: randomPassword()}
	err := myShared.exec("",
		"CREATE DATABASE "+db.Name,
		fmt.Sprintf("CREATE USER '%s'@'%%' IDENTIFIED BY '%s'", db.User, db.Password),
		fmt.Sprintf("GRANT ALL ON %s.* TO '%s'@'%%'", db.Name, db.User))
	if err != nil {
		t.Fatal(err)
	}
	return db
}

var (
	myOnce   sync.Once
	myShared *myServer
	myErr    error
	mySeq    atomic.Int64
)

type myServer struct {
	port int
	dir  string
	d    *daemon
}

// mariadbBin finds the server and its datadir initialiser; /usr/sbin is
// searched explicitly because it is not on a normal user's PATH.
func mariadbBin() (server, install string, err error) {
	server = lookFor("mariadbd", "/usr/sbin/mariadbd", "mysqld", "/usr/sbin/mysqld")
	install = lookFor("mariadb-install-db", "/usr/bin/mariadb-install-db", "mysql_install_db")
	if server == "" || install == "" {
		return "", "", errMissing{"MariaDB server binaries (mariadbd and mariadb-install-db, Debian package mariadb-server)"}
	}
	return server, install, nil
}

// startMariaDB initialises a datadir in a temporary directory and runs the
// server on it. root has no password and is used over the unix socket only
// for setup; tests connect over TCP with password users, grants enforced.
func startMariaDB() (*myServer, error) {
	start := time.Now()
	server, install, err := mariadbBin()
	if err != nil {
		return nil, err
	}
	cred, err := account()
	if err != nil {
		return nil, err
	}
	sweepStale("testdb-mariadb-", "mariadbd.pid")
	dir, err := workDir("testdb-mariadb-", cred)
	if err != nil {
		return nil, err
	}
	s := &myServer{dir: dir}
	fail := func(err error) (*myServer, error) {
		s.stop()
		return nil, err
	}
	data := filepath.Join(dir, "data")
	if err := run(cred, dir, install, "--no-defaults", "--datadir="+data,
		"--auth-root-authentication-method=normal", "--skip-test-db"); err != nil {
		return fail(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "tmp"), 0o700); err != nil {
		return fail(err)
	}
	if err := chownAll(dir, cred); err != nil {
		return fail(err)
	}
	if s.port, err = freePort(); err != nil {
		return fail(err)
	}
	logPath := filepath.Join(dir, "mariadb.log")
	cmd := command(cred, dir, syscall.SIGKILL, server, "--no-defaults", "--datadir="+data,
		"--port="+strconv.Itoa(s.port), "--bind-address=127.0.0.1", "--socket="+s.socket(),
		"--pid-file="+filepath.Join(dir, "mariadbd.pid"), "--tmpdir="+filepath.Join(dir, "tmp"),
		"--log-error="+logPath, "--skip-log-bin", "--skip-name-resolve",
		"--innodb-buffer-pool-size=32M", "--innodb-flush-log-at-trx-commit=0", "--max-connections=300")
	if s.d, err = startDaemon(cmd, filepath.Join(dir, "stdout.log")); err != nil {
		return fail(err)
	}
	atExit(s.stop)
	if err := waitReady(s.d, 60*time.Second, logPath, func() error { return s.exec("") }); err != nil {
		return fail(err)
	}
	if os.Getenv("TESTDB_VERBOSE") != "" {
		fmt.Fprintf(os.Stderr, "testdb: MariaDB (%s) ready on 127.0.0.1:%d in %v\n", server, s.port, time.Since(start).Round(time.Millisecond))
	}
	return s, nil
}

func (s *myServer) socket() string { return filepath.Join(s.dir, "mariadbd.sock") }

// exec runs statements as root over the unix socket, on database db if
// not empty.
func (s *myServer) exec(db string, stmts ...string) error {
	cfg := mysql.NewConfig()
	cfg.User, cfg.Net, cfg.Addr, cfg.DBName = "root", "unix", s.socket(), db
	cfg.Timeout = 5 * time.Second
	cfg.Logger = quietLogger{}
	connector, err := mysql.NewConnector(cfg)
	if err != nil {
		return err
	}
	conn := sql.OpenDB(connector)
	defer conn.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := conn.PingContext(ctx); err != nil {
		return err
	}
	for _, stmt := range stmts {
		if _, err := conn.ExecContext(ctx, stmt); err != nil {
			return fmt.Errorf("%s: %w", strings.TrimSpace(stmt), err)
		}
	}
	return nil
}

// stop shuts the server down (SIGTERM: clean shutdown) and removes its
// files.
func (s *myServer) stop() {
	if s.d != nil {
		s.d.stop(syscall.SIGTERM, 30*time.Second)
	}
	os.RemoveAll(s.dir)
}

type quietLogger struct{}

func (quietLogger) Print(...any) {}
