package migrations

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"sync"

	"github.com/getorcreatelint/getorcreatelint/schema/fsread"
)

// The results of reading a migration directory are kept on disk between
// processes. go vet runs one process per package, and without this each
// package with a get-or-create call would read and replay the same
// migrations again.
//
// An entry is keyed by what the result depends on: the format below, the
// executable (path, size, modification time), the directory's path and
// dialect, and the name, size and modification time of every file under
// it, symbolic links followed. Changing a migration, or installing another
// build, makes a new key. GETORCREATELINT_CACHE names another directory, or
// "off" disables it.
//
// An entry decides which keys the linter believes exist, so only entries
// the current user wrote are trusted: the cache directory must belong to
// the user and not be writable by group or others (else the cache is not
// used), and so must each entry file. An entry carries the SHA-256 of its
// content; a truncated or corrupted one is ignored and written again.
const diskCacheFormat = "migrations-v2"

// entryMagic starts every entry, before the hex SHA-256 of the gob that
// follows the next newline.
const entryMagic = "getorcreatelint cache entry\n"

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
		if os.MkdirAll(dir, 0o700) != nil || trustedCacheDir(dir) != nil {
			return
		}
		cacheDirPath = dir
		exeIdentity = fmt.Sprintf("%s\x00%d\x00%d", exe, info.Size(), info.ModTime().UnixNano())
	})
	return cacheDirPath
}

// Fingerprint summarises what a replay of path (a directory or schema
// file) reads, without reading it: the name, size and modification time
// of every file under it, symbolic links followed. It reports false when
// path cannot be listed or holds more than 50,000 files. go vet's tool ID
// uses it to see a changed migration outside the module.
func Fingerprint(path string) (string, bool) { return computeFingerprint(path) }

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
	// A symbolic link to a directory is walked where it points, and a link
	// to a file counts with its target's size and time: the replay reads
	// through links, so a changed target must change the key.
	root, err := filepath.EvalSymlinks(path)
	if err != nil {
		return "", false
	}
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if len(entries) > maxEntries {
			return fs.SkipAll
		}
		if d.IsDir() {
			return nil
		}
		entry := p
		info, err := os.Stat(p)
		if d.Type()&fs.ModeSymlink != 0 {
			target, _ := os.Readlink(p)
			entry += "\x00-> " + target
		}
		if err != nil {
			// A dangling link is skipped by the replay; it counts by name.
			entries = append(entries, entry+"\x00dangling")
			return nil
		}
		entries = append(entries, fmt.Sprintf("%s\x00%d\x00%d\x00%v", entry, info.Size(), info.ModTime().UnixNano(), info.Mode().Type()))
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
	if payload, ok := readEntry(file); ok {
		var v T
		if gob.NewDecoder(bytes.NewReader(payload)).Decode(&v) == nil {
			return v, nil
		}
	}
	v, err := compute()
	if err != nil {
		return v, err
	}
	var buf bytes.Buffer
	if gob.NewEncoder(&buf).Encode(v) == nil {
		writeEntry(dir, file, buf.Bytes())
	}
	return v, nil
}

// readEntry returns the content of an entry the current user wrote whose
// checksum matches, or false.
func readEntry(file string) ([]byte, bool) {
	f, size, err := fsread.Open(file, maxEntrySize)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || trustedCacheFile(info) != nil {
		return nil, false
	}
	data := make([]byte, size)
	if _, err := io.ReadFull(f, data); err != nil {
		return nil, false
	}
	rest, ok := bytes.CutPrefix(data, []byte(entryMagic))
	if !ok {
		return nil, false
	}
	sum, payload, ok := bytes.Cut(rest, []byte("\n"))
	if !ok {
		return nil, false
	}
	want := sha256.Sum256(payload)
	if string(sum) != hex.EncodeToString(want[:]) {
		return nil, false
	}
	return payload, true
}

// maxEntrySize bounds what is read of an entry.
const maxEntrySize = 1 << 30

// writeEntry writes an entry then renames it into place, so that a
// concurrent reader never sees half a file. CreateTemp makes it 0600.
func writeEntry(dir, file string, payload []byte) {
	sum := sha256.Sum256(payload)
	tmp, err := os.CreateTemp(dir, "tmp-*")
	if err != nil {
		return
	}
	_, werr := io.WriteString(tmp, entryMagic+hex.EncodeToString(sum[:])+"\n")
	if werr == nil {
		_, werr = tmp.Write(payload)
	}
	cerr := tmp.Close()
	if werr == nil && cerr == nil {
		os.Rename(tmp.Name(), file)
	}
	os.Remove(tmp.Name())
}
