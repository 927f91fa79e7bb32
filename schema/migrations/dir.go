package migrations

import "github.com/getorcreatelint/getorcreatelint/schema/sqlscan"

// Dir is a migration directory, or a single schema file, to replay.
type Dir struct {
	Path    string          // directory, .sql or .go file; relative paths are taken from the module root
	Dialect sqlscan.Dialect // Generic when unknown
	// Found says how it was found: "flag", "go:embed", "sqlc.yaml",
	// "atlas.hcl", "conventional", or "go migrations" (a directory of Go
	// migrations without .sql files). Go files are read in every Dir.
	Found string
}
