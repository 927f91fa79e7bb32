package flow

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/cfg"
)

// pathState is what is known on a path after the lookup: which outcomes
// are still possible, and whether the lookup's variables still hold its
// results (a reassignment ends what conditions on them can tell).
type pathState struct {
	out     Outcome
	tracked bool
	// masked: the error's variable now holds the masked error (err =
	// ent.MaskNotFound(err)). Paths that disagree leave it unknown.
	masked bool
}

func (s pathState) join(o pathState) pathState {
	return pathState{out: s.out | o.out, tracked: s.tracked && o.tracked && s.masked == o.masked, masked: s.masked && o.masked}
}

// Rule says on which paths an insert makes a get-or-create.
type Rule uint8

const (
	// OnNotFound: the insert runs where the lookup found nothing and not
	// where it found a row (First ... if not found { Create }).
	OnNotFound Rule = iota
	// AfterLookup: any insert reachable after the lookup (FirstOrInit then
	// Save, where Save inserts exactly when nothing was found).
	AfterLookup
)

// FirstInsertAfter returns the first insert (by isCreate) that the rule
// says completes a get-or-create with the lookup h, or nil. It runs a
// forward dataflow over the control-flow graph of the function holding the
// lookup, refining outcomes at each branch on the lookup's result. Back
// edges are ignored: a later iteration's insert belongs to a later lookup.
func (fn *Func) FirstInsertAfter(h *Handle, rule Rule, isCreate func(*ast.CallExpr) bool) *ast.CallExpr {
	g := fn.CFGOf(h.Call)
	if g == nil {
		return nil
	}
	start, startIdx := findNode(g, h.Call)
	if start == nil {
		return nil
	}
	fn.bindMasked(h)
	back := backEdges(g)
	states := map[*cfg.Block]pathState{}
	var hit *ast.CallExpr
	report := func(c *ast.CallExpr) {
		if hit == nil || c.Pos() < hit.Pos() {
			hit = c
		}
	}

	// process runs the nodes of b from index i and returns the state at the
	// end of the block.
	process := func(b *cfg.Block, i int, st pathState) pathState {
		for ; i < len(b.Nodes); i++ {
			n := b.Nodes[i]
			if ContainsPos(n, h.Call) {
				st = pathState{out: AnyOutcome, tracked: true}
			} else if masks := fn.maskStore(h, n); len(masks) == 1 && h.Errs[masks[0]] {
				st.masked = true
			} else if fn.assignsTracked(h, n) {
				st.tracked = false
			}
			ok := st.out&NotFound != 0
			if rule == OnNotFound {
				ok = ok && st.out&Found == 0
			}
			if !ok {
				continue
			}
			sameNode := ContainsPos(n, h.Call)
			for _, c := range fn.callsIn(n) {
				if c == h.Call || (sameNode && c.Pos() < h.Call.End()) {
					continue // the lookup itself, its arguments, or calls around it
				}
				if isCreate(c) {
					report(c)
				}
			}
		}
		return st
	}

	work := []*cfg.Block{start}
	states[start] = pathState{out: AnyOutcome, tracked: true}
	first := true
	for len(work) > 0 {
		b := work[0]
		work = work[1:]
		i := 0
		if first {
			i, first = startIdx, false
		}
		st := process(b, i, states[b])
		succs := b.Succs
		var onTrue, onFalse Outcome = AnyOutcome, AnyOutcome
		if len(succs) == 2 && len(b.Nodes) > 0 && st.tracked {
			if e, isExpr := b.Nodes[len(b.Nodes)-1].(ast.Expr); isExpr {
				onTrue, onFalse, _ = fn.branch(st.view(h), e)
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
				continue // this branch cannot be taken after the lookup
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
	return hit
}

// view is the handle as the path sees it: once the error's variable holds
// the masked error, nil means found or not found and non-nil a failure,
// which is how an error that is nil on a miss reads.
func (s pathState) view(h *Handle) *Handle {
	if !s.masked {
		return h
	}
	m := *h
	m.ErrOnMiss = false
	return &m
}

// branch classifies a branch condition; a case value of a tagged switch is
// read as tag == value.
func (fn *Func) branch(h *Handle, e ast.Expr) (Outcome, Outcome, bool) {
	if tag, ok := fn.caseTags()[e]; ok {
		return fn.compare(h, tag, e, token.EQL)
	}
	return fn.Cond(h, e)
}

// assignsTracked reports whether node n stores to one of h's variables.
func (fn *Func) assignsTracked(h *Handle, n ast.Node) bool {
	info := fn.Info
	if h.Derived[n] {
		return false
	}
	switch s := n.(type) {
	case *ast.AssignStmt:
		for _, lhs := range s.Lhs {
			if obj := ObjectOf(info, lhs); h.Tracks(obj) {
				return true
			}
		}
	case *ast.ValueSpec:
		for _, id := range s.Names {
			if h.Tracks(info.Defs[id]) {
				return true
			}
		}
	case *ast.DeclStmt:
		if gd, ok := s.Decl.(*ast.GenDecl); ok {
			for _, spec := range gd.Specs {
				if vs, ok := spec.(*ast.ValueSpec); ok && fn.assignsTracked(h, vs) {
					return true
				}
			}
		}
	}
	return false
}

type edge struct{ from, to *cfg.Block }

// backEdges finds the edges closing loops, by depth-first search from the
// entry block.
func backEdges(g *cfg.CFG) map[edge]bool {
	back := map[edge]bool{}
	if len(g.Blocks) == 0 {
		return back
	}
	const (
		white = iota
		grey
		black
	)
	color := map[*cfg.Block]int{}
	var visit func(b *cfg.Block)
	visit = func(b *cfg.Block) {
		color[b] = grey
		for _, s := range b.Succs {
			switch color[s] {
			case grey:
				back[edge{b, s}] = true
			case white:
				visit(s)
			}
		}
		color[b] = black
	}
	visit(g.Blocks[0])
	return back
}

// findNode returns the block and index of the CFG node containing call.
func findNode(g *cfg.CFG, call *ast.CallExpr) (*cfg.Block, int) {
	for _, b := range g.Blocks {
		if !b.Live {
			continue
		}
		for i, n := range b.Nodes {
			if ContainsPos(n, call) {
				return b, i
			}
		}
	}
	return nil, 0
}

func ContainsPos(n ast.Node, inner ast.Node) bool {
	return n.Pos() <= inner.Pos() && inner.End() <= n.End()
}

// callsIn lists the calls a CFG node makes, not descending into function
// literals (they run later, or elsewhere) except those a framework's call
// runs before it returns (Hooks.RunsCallbacks).
func (fn *Func) callsIn(n ast.Node) []*ast.CallExpr {
	var calls []*ast.CallExpr
	var visit func(ast.Node) bool
	visit = func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			calls = append(calls, x)
			for _, runs := range fn.Hooks.RunsCallbacks {
				for _, lit := range runs(fn.Info, x) {
					ast.Inspect(lit.Body, visit)
				}
			}
		}
		return true
	}
	ast.Inspect(n, visit)
	return calls
}

// mayReturn tells the CFG builder which calls never return.
func mayReturn(info *types.Info) func(*ast.CallExpr) bool {
	return func(call *ast.CallExpr) bool {
		if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
			if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "panic" {
				return false
			}
		}
		fn := Callee(info, call)
		if fn == nil || fn.Pkg() == nil {
			return true
		}
		switch fn.Pkg().Path() + "." + fn.Name() {
		case "os.Exit", "runtime.Goexit", "log.Fatal", "log.Fatalf", "log.Fatalln",
			"log.Panic", "log.Panicf", "log.Panicln",
			"testing.FailNow", "testing.Fatal", "testing.Fatalf", "testing.SkipNow", "testing.Skip", "testing.Skipf":
			return false
		}
		return true
	}
}
