package sources

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/getorcreatelint/getorcreatelint/schema/fsread"
)

// Cache computes a value once per key and process. Every process-wide
// memo of the analyzer (parsed files, schema sources, module roots, ent
// client indexes) is one of these, so that tests can reset them all.
//
// Values are shared between the passes the driver runs concurrently, so
// they must not be changed after load returns.
type Cache[K comparable, V any] struct {
	mu      sync.Mutex
	entries map[K]*entry[V]
}

type entry[V any] struct {
	once sync.Once
	v    V
}

// NewCache returns an empty cache, registered for ResetCaches.
func NewCache[K comparable, V any]() *Cache[K, V] {
	c := &Cache[K, V]{entries: map[K]*entry[V]{}}
	registry.add(c)
	return c
}

// Get returns the value for k, calling load the first time k is asked
// for. Concurrent callers for one key wait for one load; other keys do not
// wait.
func (c *Cache[K, V]) Get(k K, load func() V) V {
	c.mu.Lock()
	e, ok := c.entries[k]
	if !ok {
		e = &entry[V]{}
		c.entries[k] = e
	}
	c.mu.Unlock()
	e.once.Do(func() { e.v = load() })
	return e.v
}

// Len returns the number of keys asked for.
func (c *Cache[K, V]) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.entries)
}

func (c *Cache[K, V]) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries = map[K]*entry[V]{}
}

// caches lists every cache, and counts what the analyzer reads outside the
// package under analysis.
type caches struct {
	mu          sync.Mutex
	all         []interface{ reset() }
	reads       atomic.Int64
	parseErrors atomic.Int64
}

func (r *caches) add(c interface{ reset() }) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.all = append(r.all, c)
}

// registry is the process's one set of caches.
var registry = &caches{}

// ResetCaches empties every cache and the counters. Only for tests that
// do not run in parallel with other analyses.
func ResetCaches() {
	registry.mu.Lock()
	defer registry.mu.Unlock()
	for _, c := range registry.all {
		c.reset()
	}
	registry.reads.Store(0)
	registry.parseErrors.Store(0)
}

// Reads counts the files read outside the packages under analysis.
func Reads() int64 { return registry.reads.Load() }

// ParseErrors counts the Go files read outside the packages under analysis
// that did not parse (their declarations then count as unknown).
func ParseErrors() int64 { return registry.parseErrors.Load() }

// CountRead records a file read outside the packages under analysis.
func CountRead() { registry.reads.Add(1) }

// parsed holds each Go source file parsed outside the packages under
// analysis (a model's TableName, generated ent predicates), once per
// process.
var parsed = NewCache[string, parsedFile]()

type parsedFile struct {
	file *ast.File
	err  error
}

// ParseFile parses a Go source file once per process. A file that does
// not parse, or that fsread refuses (not a regular file, over
// fsread.MaxGoFile), is counted (ParseErrors) and returns its error every
// time.
func ParseFile(filename string) (*ast.File, error) {
	p := parsed.Get(filename, func() parsedFile {
		f, err := parseGoFile(token.NewFileSet(), filename, parser.SkipObjectResolution)
		if err != nil {
			registry.parseErrors.Add(1)
			return parsedFile{err: err}
		}
		return parsedFile{file: f}
	})
	return p.file, p.err
}

// ParsedFiles returns the number of Go files parsed through ParseFile.
func ParsedFiles() int { return parsed.Len() }

// ParseDir parses the non-test Go files of dir that declare the same
// package as the first one, with comments. Files that do not parse or
// that fsread refuses are counted (ParseErrors) and left out.
func ParseDir(fset *token.FileSet, dir string) []*ast.File {
	matches, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	var files []*ast.File
	for _, m := range matches {
		if strings.HasSuffix(m, "_test.go") {
			continue
		}
		f, err := parseGoFile(fset, m, parser.SkipObjectResolution|parser.ParseComments)
		if err != nil {
			registry.parseErrors.Add(1)
			continue
		}
		if len(files) > 0 && f.Name.Name != files[0].Name.Name {
			continue
		}
		files = append(files, f)
	}
	return files
}

// parseGoFile reads a repository's Go file through fsread, so that a FIFO,
// a device or a huge file named *.go is refused instead of read, and
// parses it. parser.ParseFile would open the file itself.
func parseGoFile(fset *token.FileSet, filename string, mode parser.Mode) (*ast.File, error) {
	src, err := fsread.ReadFile(filename, fsread.MaxGoFile)
	CountRead()
	if err != nil {
		return nil, err
	}
	return parser.ParseFile(fset, filename, src, mode)
}
