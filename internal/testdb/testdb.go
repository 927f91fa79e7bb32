// Package testdb starts throwaway database servers for tests: a PostgreSQL
// cluster (initdb, then postgres on a temporary directory) and a MariaDB
// server (mariadb-install-db, then mariadbd), each listening on 127.0.0.1 on
// a free port. As root they run as the unprivileged user nobody, since
// PostgreSQL refuses to run as root.
//
// One server of each kind is shared by a test binary: it starts on first use
// and stops when the tests end, which needs
//
//	func TestMain(m *testing.M) { os.Exit(testdb.Main(m)) }
//
// Each call to Postgres or MariaDB hands out a fresh database owned by a
// fresh user. When a server's binaries are missing the test is skipped,
// unless CI=true, where that is a failure. The servers are the test
// binary's children and get a signal if it dies, so none outlives it.
package testdb

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

var (
	stopMu sync.Mutex
	stops  []func()
)

// Main runs the tests, then stops every server they started.
func Main(m *testing.M) int {
	code := m.Run()
	stopAll()
	return code
}

func stopAll() {
	stopMu.Lock()
	defer stopMu.Unlock()
	for i := len(stops) - 1; i >= 0; i-- {
		stops[i]()
	}
	stops = nil
}

func atExit(f func()) {
	stopMu.Lock()
	defer stopMu.Unlock()
	stops = append(stops, f)
}

// Unavailable ends t because a server cannot be had: a failure under CI,
// where the services are installed by .ci/install-services.sh, a skip
// elsewhere.
func Unavailable(t testing.TB, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s (CI=true: a missing server is a failure; run .ci/install-services.sh)", msg)
		return
	}
	t.Skipf("%s; skipping (run .ci/install-services.sh to install it)", msg)
}

// errMissing marks a start failure caused by absent binaries.
type errMissing struct{ what string }

func (e errMissing) Error() string { return e.what + " not found" }

// require turns a start error into a skip (binaries missing, outside CI)
// or a failure.
func require(t testing.TB, err error) {
	t.Helper()
	if err == nil {
		return
	}
	if m, ok := err.(errMissing); ok {
		Unavailable(t, "%v", m)
		return
	}
	t.Fatal(err)
}

// account is the user servers run as: nobody when we are root, else nil
// (ourselves).
func account() (*syscall.Credential, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	u, err := user.Lookup("nobody")
	if err != nil {
		return nil, fmt.Errorf("running as root and no unprivileged user to run the server as: %v", err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	return &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid), Groups: []uint32{}}, nil
}

// workDir makes a temporary directory the server's user owns. It is made
// under os.TempDir, not t.TempDir, whose parents are private to root.
func workDir(prefix string, cred *syscall.Credential) (string, error) {
	dir, err := os.MkdirTemp("", prefix)
	if err != nil {
		return "", err
	}
	if cred != nil {
		if err := os.Chown(dir, int(cred.Uid), int(cred.Gid)); err != nil {
			os.RemoveAll(dir)
			return "", err
		}
	}
	return dir, nil
}

// chownAll gives the files written as root under dir to the server's user.
func chownAll(dir string, cred *syscall.Credential) error {
	if cred == nil {
		return nil
	}
	return filepath.Walk(dir, func(p string, _ os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		return os.Lchown(p, int(cred.Uid), int(cred.Gid))
	})
}

// command prepares name to run as cred in dir, killed by sig if the test
// binary dies first.
func command(cred *syscall.Credential, dir string, sig syscall.Signal, name string, args ...string) *exec.Cmd {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "HOME="+dir, "LC_ALL=C", "LANG=C")
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred, Pdeathsig: sig, Setpgid: true}
	return cmd
}

// run runs a setup command to completion, returning its output on failure.
func run(cred *syscall.Credential, dir string, name string, args ...string) error {
	cmd := command(cred, dir, syscall.SIGKILL, name, args...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s %s: %v\n%s", filepath.Base(name), strings.Join(args, " "), err, out)
	}
	return nil
}

// daemon is a server process started by this package.
type daemon struct {
	cmd  *exec.Cmd
	done chan struct{}
	err  error
}

func startDaemon(cmd *exec.Cmd, logPath string) (*daemon, error) {
	logf, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		logf.Close()
		return nil, err
	}
	d := &daemon{cmd: cmd, done: make(chan struct{})}
	go func() {
		d.err = cmd.Wait()
		logf.Close()
		close(d.done)
	}()
	return d, nil
}

func (d *daemon) exited() bool {
	select {
	case <-d.done:
		return true
	default:
		return false
	}
}

// stop asks the server to shut down with sig and kills its process group
// if it has not exited after grace.
func (d *daemon) stop(sig syscall.Signal, grace time.Duration) {
	if d.exited() {
		return
	}
	_ = d.cmd.Process.Signal(sig)
	select {
	case <-d.done:
	case <-time.After(grace):
		_ = syscall.Kill(-d.cmd.Process.Pid, syscall.SIGKILL)
		<-d.done
	}
}

// freePort returns a TCP port on 127.0.0.1 that was free a moment ago.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// waitReady polls ready until it succeeds, the daemon exits, or timeout.
func waitReady(d *daemon, timeout time.Duration, logPath string, ready func() error) error {
	deadline := time.Now().Add(timeout)
	for {
		err := ready()
		if err == nil {
			return nil
		}
		if d.exited() || time.Now().After(deadline) {
			log, _ := os.ReadFile(logPath)
			if len(log) > 4000 {
				log = log[len(log)-4000:]
			}
			return fmt.Errorf("server not ready after %v (exited: %v): %v\n%s", timeout, d.exited(), err, log)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// lookFor returns the first existing executable among candidates (absolute
// paths or names looked up on PATH).
func lookFor(candidates ...string) string {
	for _, c := range candidates {
		if filepath.IsAbs(c) {
			if fi, err := os.Stat(c); err == nil && !fi.IsDir() && fi.Mode()&0o111 != 0 {
				return c
			}
			continue
		}
		if p, err := exec.LookPath(c); err == nil {
			return p
		}
	}
	return ""
}
