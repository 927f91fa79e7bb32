package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/cfg"
)

// funcCtx holds what the analyzer computes once per top-level function (a
// declaration, or a function literal at package level), shared by all the
// lookups in it and in its function literals.
type funcCtx struct {
	c    *checker
	root ast.Node

	assignIdx assignIndex
	parents   map[ast.Node]ast.Node
	bodies    []*ast.BlockStmt
	cfgs      map[*ast.BlockStmt]*cfg.CFG
	tags      map[ast.Expr]ast.Expr
}

func newFuncCtx(c *checker, root ast.Node) *funcCtx {
	return &funcCtx{c: c, root: root, cfgs: map[*ast.BlockStmt]*cfg.CFG{}}
}

func (fc *funcCtx) assigns() assignIndex {
	if fc.assignIdx == nil {
		fc.assignIdx = buildAssignIndex(fc.c.pass.TypesInfo, fc.root)
	}
	return fc.assignIdx
}

// parent returns the syntactic parent of n within the function.
func (fc *funcCtx) parent(n ast.Node) ast.Node {
	if fc.parents == nil {
		fc.parents = map[ast.Node]ast.Node{}
		var stack []ast.Node
		ast.Inspect(fc.root, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return false
			}
			if len(stack) > 0 {
				fc.parents[n] = stack[len(stack)-1]
			}
			switch x := n.(type) {
			case *ast.FuncDecl:
				if x.Body != nil {
					fc.bodies = append(fc.bodies, x.Body)
				}
			case *ast.FuncLit:
				fc.bodies = append(fc.bodies, x.Body)
			}
			stack = append(stack, n)
			return true
		})
	}
	return fc.parents[n]
}

// cfgOf returns the control-flow graph of the innermost function body
// holding n, built on first use.
func (fc *funcCtx) cfgOf(n ast.Node) *cfg.CFG {
	fc.parent(n) // ensure bodies are collected
	var body *ast.BlockStmt
	for _, b := range fc.bodies {
		if containsPos(b, n) && (body == nil || containsPos(body, b)) {
			body = b
		}
	}
	if body == nil {
		return nil
	}
	g, ok := fc.cfgs[body]
	if !ok {
		g = cfg.New(body, mayReturn(fc.c.pass.TypesInfo))
		fc.cfgs[body] = g
	}
	return g
}

// caseTags maps each case value of a tagged switch to the switch's tag, so
// that "switch err { case nil: ... }" reads as err == nil.
func (fc *funcCtx) caseTags() map[ast.Expr]ast.Expr {
	if fc.tags == nil {
		fc.tags = map[ast.Expr]ast.Expr{}
		ast.Inspect(fc.root, func(n ast.Node) bool {
			sw, ok := n.(*ast.SwitchStmt)
			if !ok || sw.Tag == nil {
				return true
			}
			for _, stmt := range sw.Body.List {
				for _, v := range stmt.(*ast.CaseClause).List {
					fc.tags[v] = sw.Tag
				}
			}
			return true
		})
	}
	return fc.tags
}

// enclosingStmt returns the statement that holds n directly in a block.
func (fc *funcCtx) enclosingStmt(n ast.Node) ast.Node {
	for p := n; p != nil; p = fc.parent(p) {
		switch fc.parent(p).(type) {
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
			return p
		}
	}
	return n
}

// handleFor records how the code around a lookup call refers to its result:
// err := <call>.Error, res := <call>, the dest and Count targets, and
// err := res.Error later on.
func (fc *funcCtx) handleFor(call *ast.CallExpr, dest ast.Expr, isCount, errOnMiss bool) *lookupHandle {
	info := fc.c.pass.TypesInfo
	h := newHandle(call)
	h.errOnMiss = errOnMiss
	var e ast.Node = call
	for {
		p := fc.parent(e)
		if paren, ok := p.(*ast.ParenExpr); ok {
			e = paren
			continue
		}
		if sel, ok := p.(*ast.SelectorExpr); ok && sel.X == e && sel.Sel.Name == "Error" {
			fc.bindResult(h, sel, h.errs)
			break
		}
		fc.bindResult(h, e, h.result)
		break
	}
	if dest != nil {
		target := ast.Unparen(dest)
		if u, ok := target.(*ast.UnaryExpr); ok && u.Op == token.AND {
			target = ast.Unparen(u.X)
		}
		if obj := objectOf(info, target); obj != nil {
			if isCount {
				h.counts[obj] = true
			} else {
				h.dest = obj
				t := obj.Type()
				if p, ok := types.Unalias(t).(*types.Pointer); ok {
					t = p.Elem()
				}
				_, h.sliceDest = t.Underlying().(*types.Slice)
				if named := namedOf(t); named != nil {
					if m := fc.c.gormModel(named); m != nil && m.schema != nil {
						for _, pk := range m.schema.PrimaryKey() {
							h.destPK[pk.Field()] = true
						}
					}
				}
			}
		}
	}
	// err := res.Error after the lookup.
	if len(h.result) > 0 {
		ast.Inspect(fc.root, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if !ok || as.Pos() < call.End() || len(as.Lhs) != len(as.Rhs) {
				return true
			}
			for i, rhs := range as.Rhs {
				if fc.isResultField(h, rhs, "Error") {
					if obj := objectOf(info, as.Lhs[i]); obj != nil {
						h.errs[obj] = true
						h.derived[as] = true
					}
				}
			}
			return true
		})
	}
	return h
}

// bindResult records the variable that e is assigned to, if any.
func (fc *funcCtx) bindResult(h *lookupHandle, e ast.Node, into map[types.Object]bool) {
	info := fc.c.pass.TypesInfo
	switch p := fc.parent(e).(type) {
	case *ast.AssignStmt:
		for i, rhs := range p.Rhs {
			if rhs == e && len(p.Lhs) == len(p.Rhs) {
				if obj := objectOf(info, p.Lhs[i]); obj != nil {
					into[obj] = true
				}
			}
		}
	case *ast.ValueSpec:
		for i, v := range p.Values {
			if v == e && len(p.Names) == len(p.Values) {
				if obj := info.Defs[p.Names[i]]; obj != nil {
					into[obj] = true
				}
			}
		}
	}
}
