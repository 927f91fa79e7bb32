package main

import (
	"crypto/sha256"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// printToolID answers the go command's "-V=full" question. go vet keys its
// cache of results by the answer, so besides the executable it covers what
// the analyzer reads outside Go packages: the configuration file and the
// module's SQL and schema-tool files. Editing a migration then makes go vet
// run the analysis again instead of replaying a stale result.
func printToolID(w io.Writer) error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	h := sha256.New()
	if err := hashFile(h, exe); err != nil {
		return err
	}
	if root, ok := moduleRootFrom("."); ok {
		hashSchemaInputs(h, root)
	}
	_, err = fmt.Fprintf(w, "%s version devel comments-go-here buildID=%02x\n", exe, h.Sum(nil))
	return err
}

func hashFile(h hash.Hash, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(h, f)
	return err
}

// hashSchemaInputs adds the name, size and modification time of every file
// under root the schema sources may read. It skips the directories
// discovery skips, and stops after a bounded number of entries.
func hashSchemaInputs(h hash.Hash, root string) {
	const maxEntries = 200000
	seen := 0
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		seen++
		if err != nil || seen > maxEntries {
			return filepath.SkipDir
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (name == "vendor" || name == "node_modules" || name == "testdata" || strings.HasPrefix(name, ".")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !schemaInput(name) {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return nil
		}
		fmt.Fprintf(h, "%s\x00%d\x00%d\n", path, info.Size(), info.ModTime().UnixNano())
		return nil
	})
}

func schemaInput(name string) bool {
	switch name {
	case "sqlc.yaml", "sqlc.yml", "sqlc.json", "atlas.hcl", "atlas.sum":
		return true
	}
	for _, c := range configNames {
		if name == c {
			return true
		}
	}
	return strings.HasSuffix(name, ".sql")
}

// moduleRootFrom walks up from dir to the directory holding go.mod.
func moduleRootFrom(dir string) (string, bool) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", false
	}
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d, true
		}
		if filepath.Dir(d) == d {
			return "", false
		}
	}
}
