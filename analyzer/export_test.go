package analyzer

import "go/ast"

// IOState counts what the analyzer has read or looked up outside the
// package under analysis since the last ResetIOState.
type IOState struct {
	Reads       int64 // files read: Go sources of imported models, ent schema sources
	ParsedFiles int   // Go files parsed and cached (parsedFiles)
	SourceLoads int   // schema-source loads: migrations and live database (sourceCache)
	RootLookups int   // package directories whose module root was looked up (rootCache)
}

// ReadIOState returns the counters.
func ReadIOState() IOState {
	parsedFiles.mu.Lock()
	parsed := len(parsedFiles.files)
	parsedFiles.mu.Unlock()
	return IOState{
		Reads:       readCounter.Load(),
		ParsedFiles: parsed,
		SourceLoads: syncMapLen(&sourceCache),
		RootLookups: syncMapLen(&rootCache),
	}
}

// ResetIOState empties the process-wide caches and counters. Only for
// tests that do not run in parallel with other analyses.
func ResetIOState() {
	readCounter.Store(0)
	parsedFiles.mu.Lock()
	parsedFiles.files = map[string]*ast.File{}
	parsedFiles.mu.Unlock()
	sourceCache.Clear()
	rootCache.Clear()
}

func syncMapLen(m interface{ Range(func(k, v any) bool) }) int {
	n := 0
	m.Range(func(_, _ any) bool { n++; return true })
	return n
}
