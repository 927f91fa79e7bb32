// Package ent recognises get-or-create code written with an ent client
// (entgo.io/ent): a lookup through a generated XQuery, then an XCreate
// where it found nothing. The generated client is the user's own package,
// so it is recognised by shape. Keys come from ent's generated migrate
// package and schema source; fixes are worded as schema changes.
package ent

import (
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/site"
	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// Recognizer finds the ent sites of one package.
type Recognizer struct {
	pass    *analysis.Pass
	dialect func() sqlscan.Dialect // the database the package's SQL runs on
	// explained lists the entities whose tables Tables already returned.
	explained map[*types.Named]bool
}

// New returns the recogniser for a pass; dialect is asked only for
// upserts, whose SQL ent writes differently for MySQL.
func New(pass *analysis.Pass, dialect func() sqlscan.Dialect) *Recognizer {
	return &Recognizer{pass: pass, dialect: dialect, explained: map[*types.Named]bool{}}
}

// Claims reports whether calls into pkg may be an ent client's: pkg is a
// generated client package (which of its methods runs a query is decided
// per call). The user's own packages that import ent are not claimed:
// their functions may be helpers with summaries.
func (r *Recognizer) Claims(pkg *types.Package) bool { return entIndex(pkg) != nil }

// Hooks tells the flow analysis how ent reports "not found": an error
// that the generated IsNotFound and *NotFoundError recognise, and that
// the generated MaskNotFound turns into nil.
func (r *Recognizer) Hooks() flow.Hooks {
	return flow.Hooks{
		NotFoundFuncs:   []func(*types.Func) bool{isNotFoundPredicate},
		NotFoundTargets: []func(types.Type) bool{isNotFoundTarget},
		MaskFuncs:       []func(*types.Func) bool{isMaskNotFound},
	}
}

// fnCtx is the recogniser at work on one function.
type fnCtx struct {
	*flow.Func
	r     *Recognizer
	calls []flow.Call // the function's calls into packages that import ent
}

// Sites returns the function's ent get-or-create sites.
func (r *Recognizer) Sites(fn *flow.Func, calls []flow.Call) []*site.Site {
	fc := &fnCtx{Func: fn, r: r, calls: calls}
	return fc.getOrCreates()
}

// Upserts returns the function's ent upserts: inserts run through the
// OnConflict builders of the sql/upsert feature.
func (r *Recognizer) Upserts(fn *flow.Func, calls []flow.Call) []*site.Upsert {
	fc := &fnCtx{Func: fn, r: r, calls: calls}
	return fc.entUpserts()
}

// Tables returns the keys ent declares for the entity a builder call
// reads or writes, each entity once per pass (for the schema subcommand).
func (r *Recognizer) Tables(call flow.Call) []*schema.Table {
	e, _ := entMethod(call.Fn)
	if e == nil || r.explained[e.node] {
		return nil
	}
	r.explained[e.node] = true
	if tables := r.entTables(e); len(tables) > 0 {
		return []*schema.Table{schema.Merge(e.table, tables...)}
	}
	return nil
}

// isNotFoundPredicate reports whether fn is an ent-generated IsNotFound:
// a function IsNotFound(error) bool in a package that also declares the
// NotFoundError type it tests for. The package is the user's own (named
// ent by default, but configurable), so it is recognised by shape.
func isNotFoundPredicate(fn *types.Func) bool {
	if fn == nil || fn.Name() != "IsNotFound" || fn.Pkg() == nil || fn.Signature().Recv() != nil {
		return false
	}
	sig := fn.Signature()
	if sig.Params().Len() != 1 || sig.Results().Len() != 1 ||
		!types.Identical(sig.Params().At(0).Type(), types.Universe.Lookup("error").Type()) ||
		!types.Identical(sig.Results().At(0).Type(), types.Typ[types.Bool]) {
		return false
	}
	_, ok := fn.Pkg().Scope().Lookup("NotFoundError").(*types.TypeName)
	return ok
}

// isNotFoundTarget reports whether t is the type of &target in
// errors.As(err, &target) for an ent-generated *NotFoundError: a pointer
// to *NotFoundError of a package whose IsNotFound tests for it.
func isNotFoundTarget(t types.Type) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return false
	}
	n := flow.NamedOf(p.Elem())
	if n == nil || n.Obj().Name() != "NotFoundError" || n.Obj().Pkg() == nil {
		return false
	}
	fn, _ := n.Obj().Pkg().Scope().Lookup("IsNotFound").(*types.Func)
	return isNotFoundPredicate(fn)
}

// isMaskNotFound reports whether fn is the MaskNotFound(error) error of
// a generated client package: the package the client's builders belong
// to, whose IsNotFound tests for its NotFoundError.
func isMaskNotFound(fn *types.Func) bool {
	if fn == nil || fn.Name() != "MaskNotFound" || fn.Pkg() == nil || fn.Signature().Recv() != nil {
		return false
	}
	errType := types.Universe.Lookup("error").Type()
	sig := fn.Signature()
	if sig.Params().Len() != 1 || sig.Results().Len() != 1 ||
		!types.Identical(sig.Params().At(0).Type(), errType) || !types.Identical(sig.Results().At(0).Type(), errType) {
		return false
	}
	isNotFound, _ := fn.Pkg().Scope().Lookup("IsNotFound").(*types.Func)
	return isNotFoundPredicate(isNotFound) && entIndex(fn.Pkg()) != nil
}
