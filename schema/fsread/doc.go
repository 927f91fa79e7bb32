// Package fsread is the one way getorcreatelint reads a file from the
// repository it analyses: schema and migration files, tool configuration
// (sqlc.yaml, atlas.hcl, atlas.sum), Go migration sources, its own
// .getorcreatelint.yml, and an SQLite database named by -dsn.
//
// A repository is untrusted input, and a committed symbolic link can point
// anywhere. So only regular files are read, after following symbolic
// links: a FIFO, a socket or a device (/dev/zero, /dev/urandom) is refused
// with ErrNotRegular before anything is read from it, and the file is
// opened without blocking so that a FIFO swapped in between the checks
// cannot hang the process either. Reads are capped: a file larger than the
// limit its caller gives is refused with ErrTooLarge, never read whole.
// The limits used by the linter are MaxSchemaFile (256 MiB, for SQL
// migration files and schema dumps, data included), MaxGoFile (16 MiB, for
// Go migration files, whose syntax tree takes many times their size) and
// MaxConfigFile (1 MiB, for configuration files). A dangling symbolic link, or a loop
// of them, gives ErrBadLink.
//
// Callers skip a refused file with a warning that names it; errors.Is
// tells the reasons apart, and Skippable groups them.
package fsread
