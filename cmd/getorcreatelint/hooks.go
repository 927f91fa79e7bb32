package main

import "github.com/getorcreatelint/getorcreatelint/analyzer"

// The hooks a run sets on the analyzer (see withFindingHooks): nil unless
// fix-migrations collects findings or -dsn-duplicates counts rows.
var (
	findingSink    func(analyzer.Finding)
	evidenceSource func(analyzer.Finding) string
)

// withFindingHooks routes the analyzer's finding hooks to findingSink
// and evidenceSource, which the command line sets once parsed.
func withFindingHooks(opts analyzer.Options) analyzer.Options {
	opts.OnFinding = func(f analyzer.Finding) {
		if findingSink != nil {
			findingSink(f)
		}
	}
	opts.Evidence = func(f analyzer.Finding) string {
		if evidenceSource != nil {
			return evidenceSource(f)
		}
		return ""
	}
	return opts
}
