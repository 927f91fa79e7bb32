package flow

import (
	"go/ast"
	"go/types"
)

// Call is a call of a function or method the type checker resolved.
type Call struct {
	Expr *ast.CallExpr
	Fn   *types.Func
}
