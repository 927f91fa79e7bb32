package analyzer

import "github.com/getorcreatelint/getorcreatelint/analyzer/internal/sources"

// IOState counts what the analyzer has read or looked up outside the
// package under analysis since the last ResetIOState.
type IOState struct {
	Reads       int64 // files read: Go sources of imported models, ent schema sources
	ParsedFiles int   // Go files parsed and cached
	SourceLoads int   // schema-source loads: migrations and live database
	RootLookups int   // package directories whose module root was looked up
}

// ReadIOState returns the counters.
func ReadIOState() IOState {
	return IOState{
		Reads:       sources.Reads(),
		ParsedFiles: sources.ParsedFiles(),
		SourceLoads: sources.SourceLoads(),
		RootLookups: sources.RootLookups(),
	}
}

// ResetIOState empties the process-wide caches and counters. Only for
// tests that do not run in parallel with other analyses.
func ResetIOState() { sources.ResetCaches() }
