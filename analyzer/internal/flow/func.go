// Package flow follows what one function does with a lookup's result: its
// control-flow graphs, its local stores, and on which paths the lookup
// found nothing. It knows no framework: each one describes its "no rows"
// errors and result shapes through Hooks and Handle.
package flow

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/cfg"
)

// Func holds what is computed once per top-level function (a declaration,
// or a function literal at package level), shared by all the lookups in it
// and in its function literals.
type Func struct {
	Info  *types.Info
	Pkg   *types.Package
	Hooks *Hooks

	decl ast.Decl // the top-level declaration holding the function
	node ast.Node // the function: a *ast.FuncDecl or *ast.FuncLit
	root inspector.Cursor

	assignIdx AssignIndex
	cursors   map[ast.Node]inspector.Cursor
	parents   map[ast.Node]ast.Node // found by locate, without the inspector
	cfgs      map[*ast.BlockStmt]*cfg.CFG
	tags      map[ast.Expr]ast.Expr
}

// NewFunc returns the context of the function node, declared in decl (the
// function's own declaration, or the package-level declaration holding a
// function literal).
func NewFunc(info *types.Info, pkg *types.Package, decl ast.Decl, node ast.Node, hooks *Hooks) *Func {
	return &Func{Info: info, Pkg: pkg, Hooks: hooks, decl: decl, node: node}
}

// WithInfo returns the function read through another Info: expressions
// made up at a call site (a helper's conditions with the caller's
// arguments in place) are typed there, not in the package's Info.
func (fn *Func) WithInfo(info *types.Info) *Func {
	return &Func{Info: info, Pkg: fn.Pkg, Hooks: fn.Hooks, decl: fn.decl, node: fn.node}
}

// Node is the function's syntax: a *ast.FuncDecl or *ast.FuncLit.
func (fn *Func) Node() ast.Node { return fn.node }

// Root returns the function's cursor. The inspector behind it covers the
// function's declaration only and is built on first use: most functions
// hold no candidate call, and their syntax is walked just once, to find
// their calls.
func (fn *Func) Root() inspector.Cursor {
	if fn.cursors == nil {
		// The inspector sizes its table of events from the file's extent,
		// at net/http's density of nodes per byte; denser code overflows
		// it and the table is copied over and over (the analyzer's largest
		// allocation). The extent given here is the one that makes room
		// for exactly the declaration's events: two per node, and the
		// file and its name. The inspector reads no other position of the
		// file.
		nodes := 2
		ast.Inspect(fn.decl, func(n ast.Node) bool {
			if n != nil {
				nodes++
			}
			return true
		})
		extent := token.Pos((2*nodes*100+32)/33 + 1)
		file := &ast.File{Package: fn.decl.End() - extent, Name: ast.NewIdent("_"), Decls: []ast.Decl{fn.decl}}
		in := inspector.New([]*ast.File{file})
		fn.cursors = map[ast.Node]inspector.Cursor{}
		fn.root, _ = in.Root().FindNode(fn.node)
	}
	return fn.root
}

// Assigns indexes the stores to local variables in the function.
func (fn *Func) Assigns() AssignIndex {
	if fn.assignIdx == nil {
		fn.assignIdx = buildAssignIndex(fn.Info, fn.Node())
	}
	return fn.assignIdx
}

// Cursor returns the cursor of n, a node of the function.
func (fn *Func) Cursor(n ast.Node) (inspector.Cursor, bool) {
	root := fn.Root()
	if c, ok := fn.cursors[n]; ok {
		return c, true
	}
	c, ok := root.FindNode(n)
	if ok {
		fn.cursors[n] = c
	}
	return c, ok
}

// Parent returns the syntactic parent of n within the function; nil for
// the function itself and for nodes outside it.
func (fn *Func) Parent(n ast.Node) ast.Node {
	if n == fn.Node() || !fn.locate(n) {
		return nil
	}
	return fn.parents[n]
}

// locate records the parents of n and of the nodes above it, found by
// descending from the function through the nodes whose extent holds n's.
// It reports false when n is not in the function. Most questions about a
// lookup are about the few nodes above it; this answers them without the
// inspector, whose table of the whole function costs more than the rest
// of the function's analysis allocates.
func (fn *Func) locate(n ast.Node) bool {
	if n == fn.node {
		return true
	}
	if _, ok := fn.parents[n]; ok {
		return true
	}
	if fn.parents == nil {
		fn.parents = map[ast.Node]ast.Node{}
	}
	var path []ast.Node
	found := false
	ast.Inspect(fn.node, func(x ast.Node) bool {
		switch {
		case found:
			return false
		case x == nil:
			path = path[:len(path)-1]
			return false
		case x != n && (x.Pos() > n.Pos() || n.End() > x.End()):
			return false // n is not below x
		}
		if len(path) > 0 {
			fn.parents[x] = path[len(path)-1]
		}
		if x == n {
			found = true
			return false
		}
		path = append(path, x)
		return true
	})
	return found
}

// CFGOf returns the control-flow graph of the innermost function body
// holding n, built on first use.
func (fn *Func) CFGOf(n ast.Node) *cfg.CFG {
	if !fn.locate(n) {
		return nil
	}
	var body *ast.BlockStmt
	for p := n; p != nil; p = fn.Parent(p) {
		switch f := p.(type) {
		case *ast.FuncDecl:
			body = f.Body
		case *ast.FuncLit:
			body = f.Body
		}
		if body != nil && ContainsPos(body, n) {
			break
		}
		body = nil
	}
	if body == nil {
		return nil
	}
	g, ok := fn.cfgs[body]
	if !ok {
		g = cfg.New(body, mayReturn(fn.Info))
		if fn.cfgs == nil {
			fn.cfgs = map[*ast.BlockStmt]*cfg.CFG{}
		}
		fn.cfgs[body] = g
	}
	return g
}

// caseTags maps each case value of a tagged switch to the switch's tag, so
// that "switch err { case nil: ... }" reads as err == nil.
func (fn *Func) caseTags() map[ast.Expr]ast.Expr {
	if fn.tags == nil {
		fn.tags = map[ast.Expr]ast.Expr{}
		ast.Inspect(fn.node, func(n ast.Node) bool {
			sw, ok := n.(*ast.SwitchStmt)
			if !ok || sw.Tag == nil {
				return true
			}
			for _, stmt := range sw.Body.List {
				for _, v := range stmt.(*ast.CaseClause).List {
					fn.tags[v] = sw.Tag
				}
			}
			return true
		})
	}
	return fn.tags
}

// EnclosingStmt returns the statement that holds n directly in a block.
func (fn *Func) EnclosingStmt(n ast.Node) ast.Node {
	for p := n; p != nil; p = fn.Parent(p) {
		switch fn.Parent(p).(type) {
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
			return p
		}
	}
	return n
}

// DeclaredInBody reports whether v is declared by a statement of the
// function (not a parameter, a result or a package variable).
func (fn *Func) DeclaredInBody(v *types.Var) bool {
	var body *ast.BlockStmt
	switch f := fn.Node().(type) {
	case *ast.FuncDecl:
		body = f.Body
	case *ast.FuncLit:
		body = f.Body
	}
	if body == nil || v.Pos() < body.Pos() || v.Pos() >= body.End() {
		return false
	}
	// Parameters of function literals inside the body are not statements.
	for c := range fn.Root().Preorder((*ast.FuncType)(nil)) {
		if ft := c.Node().(*ast.FuncType); ft.Pos() <= v.Pos() && v.Pos() < ft.End() {
			return false
		}
	}
	return true
}

// OutermostParen returns e with the parentheses around it.
func (fn *Func) OutermostParen(e ast.Expr) ast.Expr {
	for {
		p, ok := fn.Parent(e).(*ast.ParenExpr)
		if !ok {
			return e
		}
		e = p
	}
}

// BindResult records the variable that e is assigned to, if any.
func (fn *Func) BindResult(e ast.Node, into map[types.Object]bool) {
	switch p := fn.Parent(e).(type) {
	case *ast.AssignStmt:
		for i, rhs := range p.Rhs {
			if rhs == e && len(p.Lhs) == len(p.Rhs) {
				if obj := ObjectOf(fn.Info, p.Lhs[i]); obj != nil {
					into[obj] = true
				}
			}
		}
	case *ast.ValueSpec:
		for i, v := range p.Values {
			if v == e && len(p.Names) == len(p.Values) {
				if obj := fn.Info.Defs[p.Names[i]]; obj != nil {
					into[obj] = true
				}
			}
		}
	}
}
