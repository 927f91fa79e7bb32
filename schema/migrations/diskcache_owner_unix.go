//go:build unix

package migrations

import (
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// trustedCacheDir accepts a cache directory only if it is a directory of
// the current user that no one else can write to: another local user who
// could replace an entry could make the linter believe in keys that do not
// exist and hide findings.
func trustedCacheDir(dir string) error {
	info, err := os.Stat(dir)
	if err != nil {
		return err
	}
	if !info.IsDir() {
		return fmt.Errorf("cache %s is not a directory", dir)
	}
	return trustedCacheFile(info)
}

// trustedCacheFile accepts a file (or directory) owned by the current user
// and not writable by group or others.
func trustedCacheFile(info fs.FileInfo) error {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return fmt.Errorf("cache %s: owner unknown", info.Name())
	}
	if int(st.Uid) != os.Geteuid() {
		return fmt.Errorf("cache %s belongs to another user (uid %d)", info.Name(), st.Uid)
	}
	if info.Mode().Perm()&0o022 != 0 {
		return fmt.Errorf("cache %s is writable by group or others (%v)", info.Name(), info.Mode().Perm())
	}
	return nil
}
