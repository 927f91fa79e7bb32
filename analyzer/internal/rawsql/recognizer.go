// Package rawsql recognises get-or-create code written as SQL through
// database/sql, sqlx and pgx v5: a SELECT, then an INSERT into the same
// table where it found nothing; and INSERTs whose conflict handling (ON
// CONFLICT, INSERT IGNORE, ...) relies on a unique key. The fixes it words
// are migrations and an atomic insert.
package rawsql

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/site"
	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// Recognizer finds the hand-written SQL sites of one package.
type Recognizer struct {
	pass    *analysis.Pass
	dialect func() sqlscan.Dialect // the database the package's SQL runs on

	// The calls of the function last read, for Sites and Upserts.
	readFn    *flow.Func
	readCalls []*sqlCall
}

// read reads a function's SQL calls once for Sites and Upserts.
func (r *Recognizer) read(fn *flow.Func, calls []flow.Call) (*fnCtx, []*sqlCall) {
	fc := &fnCtx{Func: fn, r: r, calls: calls}
	if r.readFn != fn {
		r.readFn, r.readCalls = fn, fc.sqlCalls()
	}
	return fc, r.readCalls
}

// New returns the recogniser for a pass; dialect is asked only for
// upserts, whose rules differ by database.
func New(pass *analysis.Pass, dialect func() sqlscan.Dialect) *Recognizer {
	return &Recognizer{pass: pass, dialect: dialect}
}

// apiPaths are the packages whose calls the recogniser reads.
var apiPaths = map[string]bool{sqlPath: true, sqlxPath: true, pgxPath: true, pgxpoolPath: true}

// Claims reports whether calls into pkg are a SQL API's.
func (r *Recognizer) Claims(pkg *types.Package) bool { return apiPaths[pkg.Path()] }

// Hooks tells the flow analysis the drivers' "no rows" errors and how
// rows.Next() reads.
func (r *Recognizer) Hooks() flow.Hooks {
	return flow.Hooks{
		Sentinels: []flow.Var{
			{Pkg: sqlPath, Name: "ErrNoRows"},
			{Pkg: pgxPath, Name: "ErrNoRows"},
			{Pkg: "github.com/jackc/pgx/v4", Name: "ErrNoRows"},
		},
		Branches: []func(*flow.Func, *flow.Handle, *ast.CallExpr) (flow.Outcome, flow.Outcome, bool){rowsNext},
	}
}

// fnCtx is the recogniser at work on one function.
type fnCtx struct {
	*flow.Func
	r     *Recognizer
	calls []flow.Call // the function's calls of SQL APIs, in source order

	prepared map[string]string // pgx statement names to their queries, read on first use
}

// Sites returns the function's get-then-insert sites.
func (r *Recognizer) Sites(fn *flow.Func, calls []flow.Call) []*site.Site {
	fc, sqlCalls := r.read(fn, calls)
	return fc.getOrCreates(sqlCalls)
}

// Upserts returns the function's INSERTs that resolve conflicts.
func (r *Recognizer) Upserts(fn *flow.Func, calls []flow.Call) []*site.Upsert {
	fc, sqlCalls := r.read(fn, calls)
	return fc.upserts(sqlCalls)
}

// Tables returns nothing: SQL declares no keys in the code.
func (r *Recognizer) Tables(flow.Call) []*schema.Table { return nil }
