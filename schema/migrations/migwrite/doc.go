// Package migwrite writes the migration that fixes a finding: the unique
// index a get-or-create lookup needs, as a new file in the migration
// directory the linter discovered, in that tool's own format and
// numbering.
//
// # API
//
//	func Detect(dir string) (Layout, error)
//	func Plan(root string, dir migrations.Dir, indexes []Index, opts Options) ([]File, error)
//	func Apply(files []File) error
//	func (x Index) CreateSQL() string
//	func (x Index) DropSQL() string
//	func IndexName(table string, cols []string) string
//
// Plan is the dry run: it returns the files, with their paths and
// contents, and touches nothing. Apply writes them, refusing to overwrite
// any file (ErrExists) and removing what it created if a later file
// fails.
//
// # Formats
//
// Detect tells the tool from the directory: atlas.sum (atlas, and the
// other formats atlas can generate), flyway V<n>__ names, golang-migrate
// .up.sql/.down.sql pairs, and the section comments of goose (-- +goose
// Up), dbmate (-- migrate:up) and sql-migrate (-- +migrate Up). A new
// version follows the last one: sequential numbers keep their zero
// padding (0003 -> 0004, 9 -> 10), timestamps of 8 to 14 digits (or
// longer ones starting with a timestamp) take the current time in the same
// layout, flyway 1_2 or 1.2 versions bump their last part. Directories
// without a recognisable tool, single schema files and per-dialect twin
// files (x.postgres.up.sql) are refused with ErrUnknownFormat rather than
// guessed at.
//
// # Statements
//
// CREATE UNIQUE INDEX is written as the linter's diagnostics word it:
// CONCURRENTLY on PostgreSQL when Index.Concurrent, NULLS NOT DISTINCT on
// PostgreSQL when a key term may be NULL, a WHERE for a partial index
// (rejected on MySQL, which has none), expression parts in parentheses on
// MySQL. The down side drops exactly that index: DROP INDEX [CONCURRENTLY]
// [schema.]name on PostgreSQL, DROP INDEX name ON table on MySQL, DROP
// INDEX name on SQLite. Identifiers are written bare when they are plain
// lower-case words and quoted otherwise.
package migwrite
