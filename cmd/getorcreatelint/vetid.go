package main

import (
	"bytes"
	"crypto/sha256"
	"flag"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/getorcreatelint/getorcreatelint/analyzer"
	"github.com/getorcreatelint/getorcreatelint/schema/fsread"
	"github.com/getorcreatelint/getorcreatelint/schema/migrations"
)

// printToolID answers the go command's "-V=full" question. go vet keys its
// cache of results by the answer, so besides the executable it covers what
// the analyzer reads outside Go packages: the configuration file, the
// module's SQL and schema-tool files, and every schema directory or file
// discovery or the configuration names, inside the module or not (sqlc's
// schema: ../db/migrations, migrations: [../shared]), symbolic links
// followed. Editing a migration then makes go vet run the analysis again
// instead of replaying a stale result.
//
// A live database (-dsn) can change without any file changing, so when
// one is given, on the go vet command line or in $GETORCREATELINT_DSN, the
// answer is new on every run and go vet never replays a result.
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
		opts := configuredOptions(root)
		hashSchemaSources(h, root, opts)
		if opts.DSN != "" || liveDatabase() {
			fmt.Fprintf(h, "live database, run %d %d\n", time.Now().UnixNano(), os.Getpid())
		}
	} else if liveDatabase() {
		fmt.Fprintf(h, "live database, run %d %d\n", time.Now().UnixNano(), os.Getpid())
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
// under root the schema sources may read, through symbolic links. It skips
// the directories discovery skips, and stops after a bounded number of
// entries.
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
		info, err := os.Stat(path) // the target of a link: what is read
		if err != nil {
			fmt.Fprintf(h, "%s\x00unreadable\n", path)
			return nil
		}
		fmt.Fprintf(h, "%s\x00%d\x00%d\n", path, info.Size(), info.ModTime().UnixNano())
		return nil
	})
}

// configuredOptions are the options the configuration file sets (flags
// are not known here: the go command asks for the tool ID without them).
func configuredOptions(root string) analyzer.Options {
	o := analyzer.DefaultOptions()
	fs := flag.NewFlagSet("toolid", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	o.BindFlags(fs)
	_ = loadConfig(root, fs) // a bad file is reported by the analysis runs
	return o
}

// hashSchemaSources adds the fingerprint of each schema directory or file
// the analysis may read: those the configuration names and those discovery
// finds, wherever they are.
func hashSchemaSources(h hash.Hash, root string, o analyzer.Options) {
	hashSchemaSnapshots(h, root, o.SchemaFile)
	paths := append([]string(nil), o.Migrations...)
	if o.Discover {
		if dirs, err := migrations.Discover(root, migrations.Hints{}); err == nil {
			for _, d := range dirs {
				paths = append(paths, d.Path)
			}
		}
	}
	for _, p := range paths {
		if !filepath.IsAbs(p) {
			p = filepath.Join(root, p)
		}
		sum, ok := migrations.Fingerprint(filepath.Clean(p))
		if !ok {
			sum = "unlisted"
		}
		fmt.Fprintf(h, "source %s\x00%s\n", p, sum)
	}
}

// liveDatabase reports whether the analysis will read a live database.
func liveDatabase() bool {
	return os.Getenv(dsnEnv) != "" || dsnInVetCommand()
}

// dsnInVetCommand reports whether the go command that asks for the tool
// ID was given -dsn: its flags are part of go vet's cache key, but the
// database behind them is not. Only where the parent's arguments can be
// read (Linux /proc); elsewhere a -dsn on the command line goes unseen.
func dsnInVetCommand() bool {
	b, err := fsread.ReadFile("/proc/"+strconv.Itoa(os.Getppid())+"/cmdline", fsread.MaxConfigFile)
	if err != nil {
		return false
	}
	for _, arg := range bytes.Split(b, []byte{0}) {
		if !bytes.HasPrefix(arg, []byte("-")) {
			continue
		}
		a := strings.TrimLeft(string(arg), "-")
		if a == "dsn" || strings.HasPrefix(a, "dsn=") {
			return true
		}
	}
	return false
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
