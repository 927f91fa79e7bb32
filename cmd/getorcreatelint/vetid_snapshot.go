package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"hash"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/schema/fsread"
)

// hashSchemaSnapshots adds the content of every schema snapshot the
// analysis may read instead of the migrations: the one the configuration
// names, and one given to the go command as -schema-file (go vet's cache
// key holds the flag, not what the file says).
func hashSchemaSnapshots(h hash.Hash, root, configured string) {
	for _, p := range append(schemaFilesInVetCommand(), configured) {
		if p == "" {
			continue
		}
		if !filepath.IsAbs(p) {
			p = filepath.Join(root, p)
		}
		b, err := fsread.ReadFile(p, fsread.MaxSchemaFile)
		if err != nil {
			fmt.Fprintf(h, "snapshot %s\x00unreadable\n", p)
			continue
		}
		fmt.Fprintf(h, "snapshot %s\x00%x\n", p, sha256.Sum256(b))
	}
}

// schemaFilesInVetCommand returns the -schema-file values on the command
// line of the go command that asks for the tool ID (Linux /proc only, as
// for -dsn).
func schemaFilesInVetCommand() []string {
	b, err := fsread.ReadFile("/proc/"+strconv.Itoa(os.Getppid())+"/cmdline", fsread.MaxConfigFile)
	if err != nil {
		return nil
	}
	var files []string
	args := bytes.Split(b, []byte{0})
	for i, arg := range args {
		a := string(arg)
		if !strings.HasPrefix(a, "-") {
			continue
		}
		a = strings.TrimLeft(a, "-")
		switch {
		case strings.HasPrefix(a, "schema-file="):
			files = append(files, strings.TrimPrefix(a, "schema-file="))
		case a == "schema-file" && i+1 < len(args):
			files = append(files, string(args[i+1]))
		}
	}
	return files
}
