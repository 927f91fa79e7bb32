package migrations

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"sync"
)

// The results of reading a migration directory are kept on disk between
// processes. go vet runs one process per package, and without this each
// package with a get-or-create call would read and replay the same
// migrations again.
//
// An entry is keyed by what the result depends on: the format below, the
// executable (path, size, modification time), the directory's path and
// dialect, and the name, size and modification time of every file under
// it. Changing a migration, or installing another build, makes a new key.
// GETORCREATELINT_CACHE names another directory, or "off" disables it.
const diskCacheFormat = "migrations-v1"

var (
	cacheDirOnce sync.Once
	cacheDirPath string // "" when there is no usable cache directory
	exeIdentity  string
)

func diskCacheDir() string {
	cacheDirOnce.Do(func() {
		dir := os.Getenv("GETORCREATELINT_CACHE")
		switch dir {
		case "off":
			return
		case "":
			base, err := os.UserCacheDir()
			if err != nil {
				return
			}
			dir = filepath.Join(base, "getorcreatelint")
		}
		exe, err := os.Executable()
		if err != nil {
			return
		}
		info, err := os.Stat(exe)
		if err != nil {
			return
		}
		if os.MkdirAll(dir, 0o755) != nil {
			return
		}
		cacheDirPath = dir
		exeIdentity = fmt.Sprintf("%s\x00%d\x00%d", exe, info.Size(), info.ModTime().UnixNano())
	})
	return cacheDirPath
}

var fingerprints sync.Map // path -> fingerprintEntry, once per process

type fingerprintEntry struct {
	sum string
	ok  bool
}

// fingerprint summarises the files under path (or the file itself) by
// name, size and modification time, without reading them. It reports
// false when path cannot be listed; the caller then does not cache. A
// process computes it once per path: the files do not change during a run.
func fingerprint(path string) (string, bool) {
	if v, ok := fingerprints.Load(path); ok {
		e := v.(fingerprintEntry)
		return e.sum, e.ok
	}
	sum, ok := computeFingerprint(path)
	fingerprints.Store(path, fingerprintEntry{sum, ok})
	return sum, ok
}

func computeFingerprint(path string) (string, bool) {
	h := sha256.New()
	var entries []string
	const maxEntries = 50000
	err := filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if len(entries) > maxEntries {
			return fs.SkipAll
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if !d.IsDir() {
			entries = append(entries, fmt.Sprintf("%s\x00%d\x00%d", p, info.Size(), info.ModTime().UnixNano()))
		}
		return nil
	})
	if err != nil || len(entries) > maxEntries {
		return "", false
	}
	sort.Strings(entries)
	for _, e := range entries {
		fmt.Fprintln(h, e)
	}
	return hex.EncodeToString(h.Sum(nil)), true
}

// diskMemo returns the value cached for the key parts, or computes,
// stores and returns it. Values must be gob-encodable; errors are not
// cached. Any failure to read or write the cache only means recomputing.
func diskMemo[T any](compute func() (T, error), path string, parts ...string) (T, error) {
	dir := diskCacheDir()
	fp, ok := fingerprint(path)
	if dir == "" || !ok {
		return compute()
	}
	h := sha256.New()
	for _, p := range append([]string{diskCacheFormat, exeIdentity, path, fp}, parts...) {
		fmt.Fprintf(h, "%s\x00", p)
	}
	file := filepath.Join(dir, hex.EncodeToString(h.Sum(nil))+".gob")
	if data, err := os.ReadFile(file); err == nil {
		var v T
		if gob.NewDecoder(bytes.NewReader(data)).Decode(&v) == nil {
			return v, nil
		}
	}
	v, err := compute()
	if err != nil {
		return v, err
	}
	var buf bytes.Buffer
	if gob.NewEncoder(&buf).Encode(v) == nil {
		// Write then rename, so that a concurrent reader never sees half a file.
		if tmp, err := os.CreateTemp(dir, "tmp-*"); err == nil {
			_, werr := tmp.Write(buf.Bytes())
			cerr := tmp.Close()
			if werr == nil && cerr == nil {
				os.Rename(tmp.Name(), file)
			}
			os.Remove(tmp.Name())
		}
	}
	return v, nil
}
