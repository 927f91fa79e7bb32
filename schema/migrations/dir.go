package migrations

import "github.com/getorcreatelint/getorcreatelint/schema/sqlscan"

// Dir is a migration directory, or a single schema file, to replay.
type Dir struct {
	Path    string          // directory or .sql file; relative paths are taken from the module root
	Dialect sqlscan.Dialect // Generic when unknown
	Found   string          // how it was found: "flag", "go:embed", "sqlc.yaml", "atlas.hcl", "conventional"
}
