package testdb

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// PostgresDB is a fresh database on the shared PostgreSQL server, owned by
// a fresh login role.
type PostgresDB struct {
	Host     string
	Port     int
	Name     string // the database
	User     string // its owner
	Password string
	server   *pgServer
}

// URL returns a postgres:// DSN for user on this database.
func (d *PostgresDB) URL(user, password string) string {
	u := url.URL{Scheme: "postgres", User: url.UserPassword(user, password),
		Host: fmt.Sprintf("%s:%d", d.Host, d.Port), Path: "/" + d.Name, RawQuery: "sslmode=disable"}
	return u.String()
}

// DSN connects as the database's owner.
func (d *PostgresDB) DSN() string { return d.URL(d.User, d.Password) }

// Exec runs statements as the superuser on this database.
func (d *PostgresDB) Exec(t testing.TB, stmts ...string) {
	t.Helper()
	if err := d.server.exec(d.Name, stmts...); err != nil {
		t.Fatal(err)
	}
}

// Postgres returns a new database on the shared server, starting the
// server on first use.
func Postgres(t testing.TB) *PostgresDB {
	t.Helper()
	pgOnce.Do(func() { pgShared, pgErr = startPostgres() })
	require(t, pgErr)
	n := pgSeq.Add(1)
	db := &PostgresDB{Host: "127.0.0.1", Port: pgShared.port, server: pgShared,
		Name: fmt.Sprintf("db%d", n), User: fmt.Sprintf("owner%d", n), Password: randomPassword()}
	err := pgShared.exec("postgres",
		fmt.Sprintf("CREATE ROLE %s LOGIN PASSWORD '%s'", db.User, db.Password),
		fmt.Sprintf("CREATE DATABASE %s OWNER %s", db.Name, db.User))
	if err != nil {
		t.Fatal(err)
	}
	return db
}

var (
	pgOnce   sync.Once
	pgShared *pgServer
	pgErr    error
	pgSeq    atomic.Int64
)

type pgServer struct {
	port     int
	password string // the superuser's
	dir      string
	d        *daemon
}

// postgresBin finds the directory of initdb and postgres: Debian's
// /usr/lib/postgresql/<version>/bin, the newest version first, then PATH.
func postgresBin() (string, error) {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return pgVersion(dirs[i]) > pgVersion(dirs[j]) })
	for _, d := range dirs {
		if lookFor(filepath.Join(d, "initdb")) != "" && lookFor(filepath.Join(d, "postgres")) != "" {
			return d, nil
		}
	}
	if p := lookFor("initdb"); p != "" && lookFor(filepath.Join(filepath.Dir(p), "postgres")) != "" {
		return filepath.Dir(p), nil
	}
	return "", errMissing{"PostgreSQL server binaries (initdb, postgres under /usr/lib/postgresql/*/bin or on PATH)"}
}

func pgVersion(binDir string) float64 {
	v, _ := strconv.ParseFloat(filepath.Base(filepath.Dir(binDir)), 64)
	return v
}

// startPostgres creates a cluster in a temporary directory and runs
// postgres on it, reachable on 127.0.0.1 with password authentication.
func startPostgres() (*pgServer, error) {
	start := time.Now()
	bin, err := postgresBin()
	if err != nil {
		return nil, err
	}
	cred, err := account()
	if err != nil {
		return nil, err
	}
	sweepStale("testdb-postgres-", "data/postmaster.pid")
	dir, err := workDir("testdb-postgres-", cred)
	if err != nil {
		return nil, err
	}
	s := &pgServer{dir: dir, password: randomPassword()}
	fail := func(err error) (*pgServer, error) {
		s.stop()
		return nil, err
	}
	pwfile := filepath.Join(dir, "pwfile")
	if err := os.WriteFile(pwfile, []byte(s.password+"\n"), 0o600); err != nil {
		return fail(err)
	}
	if err := chownAll(dir, cred); err != nil {
		return fail(err)
	}
	data := filepath.Join(dir, "data")
	err = run(cred, dir, filepath.Join(bin, "initdb"), "-D", data, "-U", "postgres", "--pwfile", pwfile,
		"--auth-host=scram-sha-256", "--auth-local=trust", "--encoding=UTF8", "--locale=C", "--no-sync")
	if err != nil {
		return fail(err)
	}
	if s.port, err = freePort(); err != nil {
		return fail(err)
	}
	logPath := filepath.Join(dir, "postgres.log")
	// SIGQUIT on the test binary's death: immediate shutdown.
	cmd := command(cred, dir, syscall.SIGQUIT, filepath.Join(bin, "postgres"), "-D", data,
		"-p", strconv.Itoa(s.port), "-k", dir, "-c", "listen_addresses=127.0.0.1",
		"-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
		"-c", "max_connections=200", "-c", "shared_buffers=32MB")
	if s.d, err = startDaemon(cmd, logPath); err != nil {
		return fail(err)
	}
	atExit(s.stop)
	if err := waitReady(s.d, 60*time.Second, logPath, func() error { return s.exec("postgres") }); err != nil {
		return fail(err)
	}
	if os.Getenv("TESTDB_VERBOSE") != "" {
		fmt.Fprintf(os.Stderr, "testdb: PostgreSQL (%s) ready on 127.0.0.1:%d in %v\n", bin, s.port, time.Since(start).Round(time.Millisecond))
	}
	return s, nil
}

// exec runs statements as the superuser on database db.
func (s *pgServer) exec(db string, stmts ...string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	u := url.URL{Scheme: "postgres", User: url.UserPassword("postgres", s.password),
		Host: fmt.Sprintf("127.0.0.1:%d", s.port), Path: "/" + db, RawQuery: "sslmode=disable"}
	conn, err := pgx.Connect(ctx, u.String())
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	for _, stmt := range stmts {
		if _, err := conn.Exec(ctx, stmt); err != nil {
			return fmt.Errorf("%s: %w", strings.TrimSpace(stmt), err)
		}
	}
	return nil
}

// stop shuts the server down (SIGINT: fast shutdown) and removes its files.
func (s *pgServer) stop() {
	if s.d != nil {
		s.d.stop(syscall.SIGINT, 20*time.Second)
	}
	os.RemoveAll(s.dir)
}

func randomPassword() string {
	b := make([]byte, 9)
	_, _ = rand.Read(b)
	return "pw-" + hex.EncodeToString(b)
}
