package testdb

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// sweepStale removes the directories of servers whose test binary was
// killed before it could clean up: the server died with it (it got a
// signal), but its files stayed. A directory is stale when the process in
// its pid file is gone, or it has none and is over a minute old (a server
// starting right now has not written it yet).
func sweepStale(prefix, pidFile string) {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), prefix+"*"))
	for _, dir := range dirs {
		fi, err := os.Stat(dir)
		if err != nil || time.Since(fi.ModTime()) < time.Minute {
			continue
		}
		if pid := readPid(filepath.Join(dir, pidFile)); pid > 0 && alive(pid) {
			continue
		}
		os.RemoveAll(dir)
	}
}

// readPid reads the first line of a pid file (PostgreSQL's has more).
func readPid(path string) int {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	first, _, _ := strings.Cut(string(b), "\n")
	pid, _ := strconv.Atoi(strings.TrimSpace(first))
	return pid
}

func alive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
