package flow

import (
	"go/ast"

	"golang.org/x/tools/go/cfg"
)

// Return is a return statement of the function holding a lookup, with the
// outcomes of the lookup still possible where it runs. After is false for
// a return no path from the lookup reaches (it runs before the lookup, or
// on a branch without it); Tracked is false when the lookup's variables
// may have been reassigned on the way.
type Return struct {
	Stmt    *ast.ReturnStmt
	Out     Outcome
	After   bool
	Tracked bool
}

// Returns lists the return statements of the function body holding the
// lookup h, each with what is known there about the lookup's outcome: the
// same forward dataflow as FirstInsertAfter, read at the returns instead
// of at inserts. Returns inside function literals belong to those
// literals and are not listed.
func (fn *Func) Returns(h *Handle) []Return {
	g := fn.CFGOf(h.Call)
	if g == nil {
		return nil
	}
	start, startIdx := findNode(g, h.Call)
	if start == nil {
		return nil
	}
	back := backEdges(g)
	states := map[*cfg.Block]pathState{start: {out: AnyOutcome, tracked: true}}
	at := map[*ast.ReturnStmt]pathState{}
	work := []*cfg.Block{start}
	first := true
	for len(work) > 0 {
		b := work[0]
		work = work[1:]
		i := 0
		if first {
			i, first = startIdx, false
		}
		st := states[b]
		for ; i < len(b.Nodes); i++ {
			n := b.Nodes[i]
			if ContainsPos(n, h.Call) {
				st = pathState{out: AnyOutcome, tracked: true}
			} else if fn.assignsTracked(h, n) {
				st.tracked = false
			}
			if r, ok := n.(*ast.ReturnStmt); ok {
				if old, seen := at[r]; seen {
					st2 := old.join(st)
					at[r] = st2
				} else {
					at[r] = st
				}
			}
		}
		succs := b.Succs
		var onTrue, onFalse Outcome = AnyOutcome, AnyOutcome
		if len(succs) == 2 && len(b.Nodes) > 0 && st.tracked {
			if e, isExpr := b.Nodes[len(b.Nodes)-1].(ast.Expr); isExpr {
				onTrue, onFalse, _ = fn.branch(h, e)
			}
		}
		for k, s := range succs {
			if back[edge{b, s}] {
				continue
			}
			next := st
			if len(succs) == 2 {
				if k == 0 {
					next.out &= onTrue
				} else {
					next.out &= onFalse
				}
			}
			if next.out == 0 {
				continue
			}
			old, seen := states[s]
			merged := next
			if seen {
				merged = old.join(next)
				if merged == old {
					continue
				}
			}
			states[s] = merged
			work = append(work, s)
		}
	}
	var out []Return
	for _, b := range g.Blocks {
		if !b.Live {
			continue
		}
		for _, n := range b.Nodes {
			r, ok := n.(*ast.ReturnStmt)
			if !ok {
				continue
			}
			st, after := at[r]
			out = append(out, Return{Stmt: r, Out: st.out, After: after, Tracked: st.tracked})
		}
	}
	return out
}

// RunsOnEveryReturn reports whether call is executed on every path from
// the entry of the function body holding it to each of the body's exits
// (return statements and the end of the body): an insert a helper makes
// only under some condition is not the helper's effect.
func (fn *Func) RunsOnEveryReturn(call *ast.CallExpr) bool {
	g := fn.CFGOf(call)
	if g == nil || len(g.Blocks) == 0 {
		return false
	}
	back := backEdges(g)
	// done[b]: the call has run on every path reaching b seen so far.
	done := map[*cfg.Block]bool{}
	seen := map[*cfg.Block]bool{}
	preds := map[*cfg.Block]int{}
	for _, b := range g.Blocks {
		if !b.Live {
			continue // dead code never reaches its successors
		}
		for _, s := range b.Succs {
			if !back[edge{b, s}] {
				preds[s]++
			}
		}
	}
	// Topological order over the graph without back edges, so that a
	// block is processed once all its predecessors are.
	order := []*cfg.Block{g.Blocks[0]}
	seen[g.Blocks[0]] = true
	done[g.Blocks[0]] = false
	left := map[*cfg.Block]int{}
	for b, n := range preds {
		left[b] = n
	}
	ok := true
	for i := 0; i < len(order); i++ {
		b := order[i]
		st := done[b]
		for _, n := range b.Nodes {
			if ContainsPos(n, call) {
				st = true
			}
		}
		if len(b.Succs) == 0 && b.Live && !st && !endsInPanic(fn, b) {
			ok = false
		}
		for _, s := range b.Succs {
			if back[edge{b, s}] {
				continue
			}
			if seen[s] {
				done[s] = done[s] && st
			} else {
				seen[s], done[s] = true, st
			}
			left[s]--
			if left[s] == 0 {
				order = append(order, s)
			}
		}
	}
	return ok
}

// endsInPanic reports whether the block ends in a call that does not
// return: such a path never returns to the caller.
func endsInPanic(fn *Func, b *cfg.Block) bool {
	if len(b.Nodes) == 0 {
		return false
	}
	es, ok := b.Nodes[len(b.Nodes)-1].(*ast.ExprStmt)
	if !ok {
		return false
	}
	call, ok := ast.Unparen(es.X).(*ast.CallExpr)
	return ok && !mayReturn(fn.Info)(call)
}
