package flow

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
)

// Call is a call of a function or method the type checker resolved.
type Call struct {
	Cursor inspector.Cursor
	Expr   *ast.CallExpr
	Fn     *types.Func
}
