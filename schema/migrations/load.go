package migrations

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/fsread"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// Load replays each directory (or single schema file) in dirs, in order,
// and merges the results into one catalog; a key found in any directory
// counts. Relative paths are taken from root, and key sources are shown
// relative to root. A Dir with the Generic dialect gets one from its path
// words or its content; a directory of per-dialect twins, or of
// per-dialect subdirectories, is replayed for the Dir's dialect, or once per
// dialect present when it has none.
//
// Load returns an error, naming the path, when a directory or file does
// not exist or cannot be read (permission denied). Files are read through
// fsread: one that is not a regular file (a FIFO, a device, a link to
// one), a dangling or looping link, or a file larger than
// fsread.MaxSchemaFile (fsread.MaxGoFile for a Go migration) is skipped
// with a Warning naming it, as is a binary file. A UTF-8 byte order mark
// is dropped and a file that is not valid UTF-8 is read as Latin-1, with a
// Warning. SQL it does not understand never makes it fail.
// SQL files are read one at a time, and the data statements of a dump
// (INSERT, COPY rows) are lexed without being kept.
func Load(root string, dirs []Dir) (*schema.Catalog, error) {
	return load(root, dirs, replayDir)
}

// Cached is Load with a process-wide cache: each directory is read and
// replayed once per process, whatever the number of callers (analysis
// passes run concurrently). The returned catalog is the caller's own; the
// Keys in it are shared and must not be modified.
func Cached(root string, dirs []Dir) (*schema.Catalog, error) {
	return load(root, dirs, cachedDir)
}

func load(root string, dirs []Dir, one func(root string, d Dir) (*schema.Catalog, error)) (*schema.Catalog, error) {
	out := schema.NewCatalog()
	for _, d := range dirs {
		cat, err := one(root, d)
		if err != nil {
			return nil, err
		}
		mergeInto(out, cat)
	}
	return out, nil
}

type cacheEntry struct {
	once sync.Once
	cat  *schema.Catalog
	err  error
}

var dirCache sync.Map // "root\x00path\x00dialect" -> *cacheEntry

func cachedDir(root string, d Dir) (*schema.Catalog, error) {
	abs := absPath(root, d.Path)
	key := root + "\x00" + abs + "\x00" + d.Dialect.String()
	v, _ := dirCache.LoadOrStore(key, &cacheEntry{})
	e := v.(*cacheEntry)
	e.once.Do(func() {
		e.cat, e.err = diskMemo(func() (*schema.Catalog, error) { return replayDir(root, d) },
			abs, root, d.Dialect.String())
	})
	return e.cat, e.err
}

func absPath(root, p string) string {
	if !filepath.IsAbs(p) {
		p = filepath.Join(root, p)
	}
	return filepath.Clean(p)
}

// relPath shows p relative to root when it lies inside it.
func relPath(root, p string) string {
	if root != "" {
		if rel, err := filepath.Rel(root, p); err == nil && rel != ".." && !startsWithDotDot(rel) {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(p)
}

func startsWithDotDot(rel string) bool {
	return len(rel) >= 3 && rel[:2] == ".." && os.IsPathSeparator(rel[2])
}

// replayDir replays one Dir into a new catalog.
func replayDir(root string, d Dir) (*schema.Catalog, error) {
	path := absPath(root, d.Path)
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("migrations: %w", err)
	}
	if info.IsDir() && !direct.holdsMigrations(path) {
		if variants := direct.dialectSubdirs(path); len(variants) > 0 {
			return replayVariants(root, d, variants)
		}
	}
	var files []string
	dialects := []sqlscan.Dialect{d.Dialect}
	if info.IsDir() {
		if d.Dialect == sqlscan.Generic {
			dialects = dirDialects(root, path)
		}
	} else {
		files = []string{path}
	}
	cat := schema.NewCatalog()
	for _, dialect := range dialects {
		if info.IsDir() {
			mf, err := orderedFiles(path, dialect)
			if err != nil {
				return nil, fmt.Errorf("migrations: %w", err)
			}
			files = files[:0]
			for _, f := range mf {
				files = append(files, f.path)
			}
		}
		part := schema.NewCatalog()
		warn := func(f, msg string) {
			part.Warnings = append(part.Warnings, schema.Warning{Source: schema.Source{File: relPath(root, f)}, Message: msg, File: true})
		}
		// Go migrations are parsed together (one package); SQL files are
		// read one at a time during the replay, so that only one is held
		// in memory.
		goPaths, goSrcs, err := readGoFiles(files, warn)
		if err != nil {
			return nil, err
		}
		gos := goFilesDDL(goPaths, goSrcs)
		// A single schema file is read once, for its dialect and its replay.
		var single *readResult
		if !info.IsDir() && !isGoFile(path) {
			single = &readResult{}
			single.src, single.note, single.skip, single.err = readSource(path)
			if dialect == sqlscan.Generic && single.err == nil && single.skip == "" {
				dialect = fileDialect(root, path, single.src)
			}
		}
		part.AddDialect(dialect)
		r := NewReplayer(part, dialect)
		for _, f := range files {
			if isGoFile(f) {
				if g := gos[f]; g != nil {
					replayGo(r, relPath(root, f), g)
				}
				continue
			}
			var src, note, skip string
			var err error
			if single != nil {
				src, note, skip, err = single.src, single.note, single.skip, single.err
			} else {
				src, note, skip, err = readSource(f)
			}
			switch {
			case err != nil:
				return nil, err
			case skip != "":
				warn(f, skip)
				continue
			case note != "":
				warn(f, note)
			}
			r.Replay(relPath(root, f), src)
		}
		mergeInto(cat, part)
	}
	return cat, nil
}

// readGoFiles reads the Go files among files, skipping (with a warning)
// those the linter does not read.
func readGoFiles(files []string, warn func(f, msg string)) ([]string, [][]byte, error) {
	var paths []string
	var srcs [][]byte
	for _, f := range files {
		if !isGoFile(f) {
			continue
		}
		b, err := fsread.ReadFile(f, fsread.MaxGoFile)
		if err != nil {
			if fsread.Skippable(err) {
				warn(f, skipReason(err, f)+"; skipped")
				continue
			}
			return nil, nil, fmt.Errorf("migrations: %w", err)
		}
		paths = append(paths, f)
		srcs = append(srcs, b)
	}
	return paths, srcs, nil
}

// replayVariants replays the per-dialect subdirectories of a directory
// (store/migration/{postgres,mysql,sqlite}): the one for d's dialect, or
// every one when it is unknown or absent.
func replayVariants(root string, d Dir, variants []variant) (*schema.Catalog, error) {
	var present []sqlscan.Dialect
	for _, v := range variants {
		present = append(present, v.dialect)
	}
	cat := schema.NewCatalog()
	for _, dialect := range pickDialects(present, d.Dialect) {
		for _, v := range variants {
			if v.dialect != dialect {
				continue
			}
			part, err := replayDir(root, Dir{Path: v.path, Dialect: v.dialect, Found: d.Found})
			if err != nil {
				return nil, err
			}
			mergeInto(cat, part)
		}
	}
	return cat, nil
}

// dirDialects decides the dialect of a directory given without one: its
// path words, else per-dialect twins (each replayed), else its content.
func dirDialects(root, dir string) []sqlscan.Dialect {
	if d, ok := pathDialect(relPath(root, dir)); ok {
		return []sqlscan.Dialect{d}
	}
	if twins := direct.twinDialects(dir); len(twins) > 0 {
		return twins
	}
	return []sqlscan.Dialect{sniffDir(dir)}
}

// readResult is what readSource returned for a file.
type readResult struct {
	src, note, skip string
	err             error
}

// fileDialect decides the dialect of a single schema file from its path
// or its text.
func fileDialect(root, path, src string) sqlscan.Dialect {
	if d, ok := pathDialect(relPath(root, path)); ok {
		return d
	}
	var s sniffScore
	s.add(src)
	d, _ := s.best()
	return d
}

// sniffDir scores the content of the directory's migration files.
func sniffDir(dir string) sqlscan.Dialect {
	d, _ := diskMemo(func() (sqlscan.Dialect, error) { return sniffFiles(dir), nil }, dir, "sniff")
	return d
}

func sniffFiles(dir string) sqlscan.Dialect {
	files, err := orderedFiles(dir, sqlscan.Generic)
	if err != nil {
		return sqlscan.Generic
	}
	var paths []string
	for _, f := range files {
		paths = append(paths, f.path)
	}
	var s sniffScore
	s.addFiles(paths)
	d, _ := s.best()
	return d
}

// mergeInto adds src's tables, keys and warnings to dst. A table new to dst
// is copied whole (a MySQL primary key and an identical unique index both
// stay); keys of a table both hold are added unless identical.
func mergeInto(dst, src *schema.Catalog) {
	for _, name := range src.Names() {
		t := src.Tables[name]
		old := dst.Tables[name]
		if old == nil {
			cp := &schema.Table{Name: t.Name, Keys: append([]*schema.Key(nil), t.Keys...),
				Columns: make(map[string]*schema.Column, len(t.Columns)), Source: t.Source, Uncertain: t.Uncertain,
				ConstraintNames: t.ConstraintNames, Exclusions: append([]string(nil), t.Exclusions...)}
			for n, c := range t.Columns {
				cp.Columns[n] = c
			}
			dst.Tables[name] = cp
			continue
		}
		old.MergeFrom(t)
	}
	dst.Warnings = append(dst.Warnings, src.Warnings...)
	for _, d := range src.Dialects {
		dst.AddDialect(d)
	}
}
