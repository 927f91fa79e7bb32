package analyzer

import (
	"go/token"

	"golang.org/x/tools/go/analysis"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/verdict"
	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/migrations"
	"github.com/getorcreatelint/getorcreatelint/schema/migrations/migwrite"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// Finding describes one reported get-or-create lookup that no unique key
// backs, in terms that know no framework: the unique index that would back
// it and where the table's schema lives. The migration writer and the
// duplicates count read it (see Options.OnFinding and Options.Evidence).
type Finding struct {
	Pos   token.Position // where the lookup is
	Table string         // as the code names it: "tags" or "schema.tags"
	// Key holds the index's key parts: columns, or expressions such as
	// lower(email). A part that MayBeNull makes a PostgreSQL index NULLS
	// NOT DISTINCT.
	Key []schema.Term
	// Where holds the partial index's conjuncts as SQL: the soft-delete
	// filter ("deleted_at IS NULL") and the Constants ("kind = 'topic'").
	// Empty on MySQL, which has no partial indexes.
	Where []string
	// SoftDelete is the soft-delete column the lookup skips deleted rows
	// by; "" when the model has none.
	SoftDelete string
	// Constants are the lookup's columns compared with a constant
	// (Value holds the SQL literal), which Where filters on.
	Constants []schema.Term
	Dialect   sqlscan.Dialect // Generic when the sources do not tell
	// Dir is the migration directory (or schema file) the table's CREATE
	// TABLE was read from, with Path relative to Root unless absolute; nil
	// when no migration describes the table (struct tags, a live
	// database).
	Dir  *migrations.Dir
	Root string // the module root
	// InLiveDatabase is set when the live database (-dsn) has the table.
	InLiveDatabase bool
}

// Index is the unique index the finding's message proposes, as a
// migration adds it (migwrite renders both).
func (f Finding) Index() migwrite.Index {
	return migwrite.Index{Table: f.Table, Key: f.Key, Where: f.Where, Dialect: f.Dialect, Concurrent: true}
}

// unbackedHook turns the options' finding hooks into the verdict's, or
// nil when neither is set, so that the verdict builds nothing for them.
func (o *Options) unbackedHook(pass *analysis.Pass) func(verdict.Unbacked) string {
	if o.OnFinding == nil && o.Evidence == nil {
		return nil
	}
	return func(u verdict.Unbacked) string {
		f := Finding{
			Pos:            pass.Fset.Position(u.Pos),
			Table:          u.Index.Table,
			Key:            u.Index.Key,
			Where:          u.Index.Where,
			SoftDelete:     u.Index.SoftDelete,
			Constants:      u.Index.Constants,
			Dialect:        u.Index.Dialect,
			Dir:            u.Dir,
			Root:           u.Root,
			InLiveDatabase: u.Live,
		}
		if o.OnFinding != nil {
			o.OnFinding(f)
		}
		if o.Evidence != nil {
			return o.Evidence(f)
		}
		return ""
	}
}
