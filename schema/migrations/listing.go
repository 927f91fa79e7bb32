package migrations

import "os"

// lister lists directories, each once when it has a memo: discovery asks
// about the same directory several times (its .sql files, its dialect
// subdirectories, its twin files), and a migration directory can hold
// thousands of files. A nil lister lists every time.
type lister struct {
	memo map[string]listed
}

type listed struct {
	entries []os.DirEntry
	err     error
}

// direct lists every time, for readers that ask about a directory once.
var direct *lister

func newLister() *lister { return &lister{memo: map[string]listed{}} }

func (l *lister) readDir(dir string) ([]os.DirEntry, error) {
	if l == nil {
		return os.ReadDir(dir)
	}
	if e, ok := l.memo[dir]; ok {
		return e.entries, e.err
	}
	entries, err := os.ReadDir(dir)
	l.memo[dir] = listed{entries, err}
	return entries, err
}
