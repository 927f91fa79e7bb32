package testdb

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestMain(m *testing.M) { os.Exit(Main(m)) }

// recorder stands in for a test to see whether require skips or fails.
type recorder struct {
	testing.TB
	skipped, failed string
}

func (r *recorder) Helper()                          {}
func (r *recorder) Skipf(format string, args ...any) { r.skipped = fmt.Sprintf(format, args...) }
func (r *recorder) Fatalf(format string, args ...any) {
	r.failed = fmt.Sprintf(format, args...)
}

func TestMissingBinariesSkipOrFail(t *testing.T) {
	missing := errMissing{"PostgreSQL server binaries"}
	t.Setenv("CI", "")
	r := &recorder{TB: t}
	require(r, missing)
	if r.skipped == "" || r.failed != "" || !strings.Contains(r.skipped, "PostgreSQL server binaries not found") {
		t.Errorf("outside CI: skipped %q, failed %q; want a skip naming what is missing", r.skipped, r.failed)
	}
	t.Setenv("CI", "true")
	r = &recorder{TB: t}
	require(r, missing)
	if r.failed == "" || r.skipped != "" {
		t.Errorf("CI=true: skipped %q, failed %q; want a failure", r.skipped, r.failed)
	}
}

// The servers must not run as root: PostgreSQL refuses to, and a test
// server has no business holding root's rights.
func TestServersRunUnprivileged(t *testing.T) {
	pg := Postgres(t)
	my := MariaDB(t)
	for name, d := range map[string]*daemon{"postgres": pg.server.d, "mariadbd": my.server.d} {
		status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", d.cmd.Process.Pid))
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(status), "\n") {
			if strings.HasPrefix(line, "Uid:") {
				uid := strings.Fields(line)[1]
				if uid == "0" {
					t.Errorf("%s runs as root", name)
				}
				t.Logf("%s runs as uid %s", name, uid)
			}
		}
	}
}
