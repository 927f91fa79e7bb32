package migwrite

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// atlasSum computes an atlas.sum for the directory's .sql files by name
// order, as atlas does: each file's hash is the running SHA-256 over every
// file name and content so far, and the first line sums the names and
// hashes of all entries.
func atlasSum(files map[string][]byte) string {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	running := sha256.New()
	total := sha256.New()
	var lines strings.Builder
	for _, n := range names {
		running.Write([]byte(n))
		running.Write(files[n])
		h := base64.StdEncoding.EncodeToString(running.Sum(nil))
		total.Write([]byte(n))
		total.Write([]byte(h))
		fmt.Fprintf(&lines, "%s h1:%s\n", n, h)
	}
	return "h1:" + base64.StdEncoding.EncodeToString(total.Sum(nil)) + "\n" + lines.String()
}

// atlasFiles reads the .sql files atlas hashes: those directly in dir.
func atlasFiles(dir string) (map[string][]byte, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	for _, e := range entries {
		if e.Type().IsRegular() && strings.HasSuffix(e.Name(), ".sql") {
			b, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				return nil, err
			}
			out[e.Name()] = b
		}
	}
	return out, nil
}
