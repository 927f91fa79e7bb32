package ent

import (
	"go/ast"
	"go/types"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
)

// entStep is one builder call of an insert: a method of the entity's
// XCreate, XCreateBulk, XUpsertOne or XUpsertBulk.
type entStep struct {
	call *ast.CallExpr
	fn   *types.Func
	recv *types.Named
}

// entInsertChain is the builder calls of an insert, in the order they run.
type entInsertChain struct {
	steps []entStep
	// fromClient: the chain starts at the client's Create() or
	// CreateBulk(...), so no builder call is missing.
	fromClient bool
	bulk       bool // the chain starts at CreateBulk
	// unknown: the builder is changed in ways not read (passed on, changed
	// conditionally): the conflict options cannot be known.
	unknown bool
}

// entInsertChainOf walks the receiver of the call that runs an upsert
// back, through builder calls and the local variables holding a builder,
// to the client's Create() or CreateBulk(...). Builders are mutable: a
// statement b.M(...) on its own line between b's store and its use adds
// its step.
func (fc *fnCtx) entInsertChainOf(e *entEntity, recv ast.Expr) (ch entInsertChain) {
	var rev []entStep // the steps, last first
	info := fc.Info
	pos := recv.Pos()
	defer func() {
		for i := len(rev) - 1; i >= 0; i-- {
			ch.steps = append(ch.steps, rev[i])
		}
	}()
	for range 1000 { // bounded: each step moves to an earlier expression
		switch x := ast.Unparen(recv).(type) {
		case *ast.CallExpr:
			fn := flow.Callee(info, x)
			sel, isSel := ast.Unparen(x.Fun).(*ast.SelectorExpr)
			if fn == nil || !isSel {
				return ch // the builder comes from a function: earlier steps are not seen
			}
			if isEntClientMethod(e, fn, "Create") || isEntClientMethod(e, fn, "CreateBulk") {
				ch.fromClient, ch.bulk = true, fn.Name() == "CreateBulk"
				return ch
			}
			owner, r := entMethod(fn)
			if owner != e || !e.isInsertBuilder(r) {
				return ch
			}
			rev = append(rev, entStep{x, fn, r})
			recv = sel.X
		case *ast.Ident:
			v, ok := info.ObjectOf(x).(*types.Var)
			if !ok || v.IsField() || v.Parent() == v.Pkg().Scope() {
				return ch
			}
			store, status := fc.Assigns().LastStore(v, pos)
			if status != flow.StoreFound {
				ch.unknown = status == flow.StoreConditional
				return ch
			}
			muts, ok := fc.builderMutations(e, v, store, x)
			if !ok {
				ch.unknown = true
				return ch
			}
			for i := len(muts) - 1; i >= 0; i-- {
				rev = append(rev, muts[i])
			}
			recv, pos = store.RHS, store.Pos
		default:
			return ch
		}
	}
	ch.unknown = true
	return ch
}

// isInsertBuilder reports whether t is one of the entity's insert or
// upsert builders.
func (e *entEntity) isInsertBuilder(t *types.Named) bool {
	return t != nil && (t == e.create || t == e.createBulk || t == e.upsertOne || t == e.upsertBulk)
}

// isEntClientMethod reports whether fn is the named method of the
// entity's client.
func isEntClientMethod(e *entEntity, fn *types.Func, name string) bool {
	return fn.Name() == name && flow.ReceiverIs(fn, e.client.Obj().Pkg().Path(), e.client.Obj().Name())
}

// builderMutations returns the builder calls made on v, in source order,
// between its store and the use at use. ok is false when v is used in any
// other way there, or in a statement that may not run whenever the use
// does.
func (fc *fnCtx) builderMutations(e *entEntity, v *types.Var, store flow.Assignment, use *ast.Ident) ([]entStep, bool) {
	info := fc.Info
	var out []entStep
	for c := range fc.Root().Preorder((*ast.Ident)(nil)) {
		id := c.Node().(*ast.Ident)
		if id.Pos() < store.RHS.End() || id.Pos() >= use.Pos() || info.Uses[id] != v {
			continue
		}
		call, stmt := fc.builderStatement(id)
		if call == nil || !sameBlockChain(fc, stmt, use) {
			return nil, false
		}
		fn := flow.Callee(info, call)
		owner, r := entMethod(fn)
		if owner != e || !e.isInsertBuilder(r) {
			return nil, false
		}
		out = append(out, entStep{call, fn, r})
	}
	return out, true
}
