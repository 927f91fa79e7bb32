package sources

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"

	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/fsread"
	"github.com/getorcreatelint/getorcreatelint/schema/migrations"
)

// A schema snapshot stands in for every schema source, for builds that
// cannot give the analyzer the module's files (Bazel's nogo runs it with
// the package's own sources only): nothing else is discovered or read.

// readSnapshot loads the module's schema from the snapshot the options
// name or hold.
func readSnapshot(root string, o *Options) (*Module, error) {
	if len(o.Migrations) > 0 || o.DSN != "" {
		return nil, errors.New("-schema-file: a schema snapshot replaces the schema sources; drop -migrations and -dsn")
	}
	data, name := o.SchemaSnapshot, "the compiled-in schema snapshot"
	if data == nil {
		name = o.SchemaFile
		path := o.SchemaFile
		if !filepath.IsAbs(path) {
			path = filepath.Join(root, path)
		}
		var err error
		if data, err = fsread.ReadFile(path, fsread.MaxSchemaFile); err != nil {
			return nil, fmt.Errorf("-schema-file: %w", err)
		}
		CountRead()
	}
	cat, dirs, err := migrations.ReadSnapshot(data)
	if err != nil {
		return nil, fmt.Errorf("-schema-file: %s: %w", name, err)
	}
	return &Module{Root: root, Dirs: dirs, Catalogs: []*schema.Catalog{cat}}, nil
}

// snapshotKey identifies a compiled-in snapshot in the cache key.
func snapshotKey(data []byte) string {
	if data == nil {
		return ""
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}
