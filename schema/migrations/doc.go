// Package migrations reads a module's SQL migrations and schema files and
// replays them, in order, to the final set of unique keys: the
// schema.Catalog the backing rule checks lookups against. It has no SQL
// parser dependency: a tolerant lexer (package sqlscan) feeds a recogniser
// of the few statement shapes that create, change or drop unique keys, and
// a replay engine applies each server's rules.
//
// # API
//
//	func Discover(moduleRoot string, h Hints) ([]Dir, error)
//	func Load(root string, dirs []Dir) (*schema.Catalog, error)
//	func Cached(root string, dirs []Dir) (*schema.Catalog, error)
//	func ReplaySource(cat *schema.Catalog, file, src string, d sqlscan.Dialect)
//	func NewReplayer(cat *schema.Catalog, d sqlscan.Dialect) *Replayer
//	func (r *Replayer) Replay(file, src string)
//	func UpSection(src string) string
//	func WriteText(w io.Writer, cat *schema.Catalog, dirs []Dir) error
//	func WriteJSON(w io.Writer, cat *schema.Catalog) error
//	func Tables(cat *schema.Catalog) []TableJSON
//	func FromTables(tables []TableJSON) (*schema.Catalog, error)
//	func NewSnapshot(sources *schema.Catalog, dirs []Dir, code *schema.Catalog) *Snapshot
//	func WriteSnapshot(w io.Writer, s *Snapshot) error
//	func ReadSnapshot(data []byte) (*schema.Catalog, []Dir, error)
//
// Discover finds migration directories (go:embed directories from Hints,
// sqlc and atlas configurations, conventional places) and their dialects.
// Load replays directories into one catalog; Cached does the same with a
// process-wide cache so concurrent analysis passes read each directory
// once. ReplaySource and Replayer replay text directly. WriteText and
// WriteJSON render a catalog for "getorcreatelint schema"; TableJSON
// documents the JSON shape. A Snapshot (what "getorcreatelint schema
// -json" prints) holds the schema sources' catalog completely, and
// ReadSnapshot rebuilds it, for the analyzer's schema-file option.
//
// # Files and order
//
// Only the "up" part of a file runs (goose, dbmate and sql-migrate
// sections; golang-migrate *.down.sql files are skipped). Files are ordered
// by version: numeric prefixes (10_ after 9_, timestamps of any length),
// flyway V1__ and V1_2__, atlas.sum's order, memos-style version
// subdirectories (0.27/01__x.sql, with a LATEST.sql beside them used alone).
// Per-dialect twins (x.postgres.up.sql, x.mysql.up.sql, x.sqlite3.up.sql)
// are chosen by dialect.
//
// # Go migrations
//
// Go files in a migration directory are read too (go/parser, no type
// checking; _test.go and generated files skipped; a file that does not
// parse becomes a Warning): goose Go migrations, gormigrate lists,
// hand-rolled []string lists. Discovery also returns directories named
// migrations, migration or migrate that hold Go files but no .sql (Found
// "go migrations"). A string literal, or a concatenation of literals and
// package constants resolved by name, is replayed as one migration file
// when it starts with CREATE, ALTER, DROP or RENAME after comments (or is
// a script holding such a statement); its keys point at the Go file and
// line. Go files take their place among the .sql files by version prefix
// (00002_x.go), strings their source order within a file; a constant
// counts where it is used, or where it is declared when the package never
// uses it. The down side is skipped: the down argument of goose's
// AddMigration*, AddNamedMigration* and NewGoMigration and of bun's and
// go-pg's Register*/MustRegister*; gormigrate's Rollback and sql-migrate's
// Down fields; functions, variables, constants, map keys and struct fields
// (keyed, or positional in a struct type of the package) named down,
// rollback, downgrade or undo. Format strings (fmt.Sprintf) and text
// joined at run time are not replayed; a Warning names those that mention
// keys.
//
// # Statements
//
// CREATE TABLE (column and table PRIMARY KEY / UNIQUE constraints, MySQL
// UNIQUE KEY with prefix lengths, NOT NULL), CREATE [UNIQUE] INDEX (with
// CONCURRENTLY, IF NOT EXISTS, USING, ONLY, expression items, INCLUDE,
// NULLS NOT DISTINCT, WITH, WHERE), ALTER TABLE (ADD/DROP/RENAME of
// columns, constraints and indexes, MySQL CHANGE/MODIFY, PostgreSQL USING
// INDEX, SET/DROP NOT NULL), ALTER INDEX ... RENAME, DROP INDEX, DROP
// TABLE, RENAME TABLE and MySQL CREATE TABLE ... LIKE. Everything else is
// skipped; a skipped statement that mentions keys becomes a
// schema.Warning. DDL at the top of a PostgreSQL DO block's statements is
// applied (such blocks are mostly idempotency guards) and the keys of the
// tables it touches are marked Uncertain.
//
// # Server rules
//
// Implicit names: PostgreSQL <table>_<columns>_key, _pkey and _idx with
// 63-byte truncation and 1, 2, ... collision suffixes; MySQL PRIMARY and the
// first column's name with _2, _3 ...; SQLite keys declared in CREATE TABLE
// are unnamed. In the Generic dialect a key answers to both PostgreSQL's
// and MySQL's implicit names. PostgreSQL and SQLite drop a UNIQUE identical
// to an earlier key of the same CREATE TABLE; MySQL and Generic keep both.
// DROP COLUMN: PostgreSQL drops every key using the column, MySQL (and
// Generic) remove it from multi-column keys, SQLite refuses and keeps them.
// Renames move keys; index names never change with a table or column
// rename. IF NOT EXISTS on an existing name is a no-op; a redefinition
// replaces. Names are folded to lower case; the schemas public and main and
// Go-template schema placeholders are dropped, other schemas kept as
// "schema.table".
//
// # Not modelled
//
// Go migrations that build DDL at run time, call ORM schema helpers
// (AutoMigrate, Migrator().CreateIndex) or read SQL from other files;
// up/down pairs in structs of other packages; control flow in a Go
// migration (every DDL string of the up side is assumed to
// run once, in source order); search_path; CREATE TABLE ... (LIKE ... INCLUDING INDEXES) and PARTITION
// OF (warned or skipped); EXCLUDE constraints (only their names are
// kept, for ON CONFLICT ON CONSTRAINT); DDL built at run time
// (EXECUTE format(...)) or run by functions and triggers (warned);
// conditional logic in DO blocks (the DDL is assumed to run); MySQL
// functional index names beyond "functional_index"; the order in which
// MySQL sorts indexes, which does not change names.
package migrations
