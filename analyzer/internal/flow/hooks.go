package flow

import (
	"go/ast"
	"go/types"
)

// Hooks are what frameworks tell the flow analysis about their APIs. The
// analysis merges every framework's hooks, as code may mix them (a GORM
// lookup tested against sql.ErrNoRows is still a "no rows" test).
type Hooks struct {
	// Sentinels are the error values returned for "no rows".
	Sentinels []Var
	// NotFoundFuncs recognise functions that test an error for "no rows":
	// IsNotFound(err).
	NotFoundFuncs []func(*types.Func) bool
	// NotFoundTargets recognise the type of &target in errors.As(err,
	// &target) for a "no rows" error type.
	NotFoundTargets []func(types.Type) bool
	// MaskFuncs recognise functions that return nil for a "no rows"
	// error and any other error as it is: ent's MaskNotFound(err).
	MaskFuncs []func(*types.Func) bool
	// Branches classify a call in a branch condition the framework knows
	// (rows.Next()): the outcomes on its true and false edges.
	Branches []func(fn *Func, h *Handle, call *ast.CallExpr) (onTrue, onFalse Outcome, ok bool)
	// RunsCallbacks returns the function literals a call runs before it
	// returns ((*gorm.DB).Transaction's callback): their calls happen on
	// the path through the call.
	RunsCallbacks []func(info *types.Info, call *ast.CallExpr) []*ast.FuncLit
}

// Var names a package-level variable.
type Var struct{ Pkg, Name string }

// Add appends o's hooks to h.
func (h *Hooks) Add(o Hooks) {
	h.Sentinels = append(h.Sentinels, o.Sentinels...)
	h.NotFoundFuncs = append(h.NotFoundFuncs, o.NotFoundFuncs...)
	h.NotFoundTargets = append(h.NotFoundTargets, o.NotFoundTargets...)
	h.MaskFuncs = append(h.MaskFuncs, o.MaskFuncs...)
	h.Branches = append(h.Branches, o.Branches...)
	h.RunsCallbacks = append(h.RunsCallbacks, o.RunsCallbacks...)
}
