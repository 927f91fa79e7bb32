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
		fn.cfgs = map[*ast.BlockStmt]*cfg.CFG{}
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
	if n == fn.Node() {
		return nil
	}
	c, ok := fn.Cursor(n)
	if !ok {
		return nil
	}
	p := c.Parent()
	fn.cursors[p.Node()] = p
	return p.Node()
}

// CFGOf returns the control-flow graph of the innermost function body
// holding n, built on first use.
func (fn *Func) CFGOf(n ast.Node) *cfg.CFG {
	c, ok := fn.Cursor(n)
	if !ok {
		return nil
	}
	var body *ast.BlockStmt
	for e := range c.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		switch f := e.Node().(type) {
		case *ast.FuncDecl:
			body = f.Body
		case *ast.FuncLit:
			body = f.Body
		}
		if body != nil && ContainsPos(body, n) {
			break
		}
		body = nil
		if e == fn.Root() {
			break
		}
	}
	if body == nil {
		return nil
	}
	g, ok := fn.cfgs[body]
	if !ok {
		g = cfg.New(body, mayReturn(fn.Info))
		fn.cfgs[body] = g
	}
	return g
}

// caseTags maps each case value of a tagged switch to the switch's tag, so
// that "switch err { case nil: ... }" reads as err == nil.
func (fn *Func) caseTags() map[ast.Expr]ast.Expr {
	if fn.tags == nil {
		fn.tags = map[ast.Expr]ast.Expr{}
		for c := range fn.Root().Preorder((*ast.SwitchStmt)(nil)) {
			sw := c.Node().(*ast.SwitchStmt)
			if sw.Tag == nil {
				continue
			}
			for _, stmt := range sw.Body.List {
				for _, v := range stmt.(*ast.CaseClause).List {
					fn.tags[v] = sw.Tag
				}
			}
		}
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
