//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A configuration file that is a FIFO or a link to a device is an error
// naming it, at once: it never blocks the run or fills memory.
func TestRobustConfigNotARegularFile(t *testing.T) {
	for name, create := range map[string]func(path string) error{
		"fifo":      func(p string) error { return syscall.Mkfifo(p, 0o644) },
		"dev zero":  func(p string) error { return os.Symlink("/dev/zero", p) },
		"too large": func(p string) error { return os.WriteFile(p, []byte("# "+strings.Repeat("x", 2<<20)+"\n"), 0o644) },
	} {
		dir := module(t, "")
		path := filepath.Join(filepath.Dir(filepath.Dir(dir)), ".getorcreatelint.yml")
		if err := create(path); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() {
			fs, _ := flags()
			done <- loadConfig(dir, fs)
		}()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), path) {
				t.Errorf("%s: loadConfig = %v, want an error naming %s", name, err, path)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: loadConfig still blocked after 10s", name)
		}
	}
}
