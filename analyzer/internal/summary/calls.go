package summary

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/site"
	"github.com/getorcreatelint/getorcreatelint/schema"
)

// helperCall is a call of a summarised function in a body.
type helperCall struct {
	call *ast.CallExpr
	name string
	sum  *Summary
	fn   *types.Func // the callee as called (instantiated); nil for a function literal
}

// helpers lists the unit's calls of summarised functions: declared
// functions and methods (through an interface with one implementation
// too), and function literals held in local variables.
func (p *Pass) helpers(u *Unit) []helperCall {
	var out []helperCall
	for _, c := range u.Other {
		if c.Fn != nil {
			if s := p.Of(c.Fn); !s.Empty() {
				out = append(out, helperCall{c.Expr, c.Fn.Name(), s, c.Fn})
			}
			continue
		}
		if s, name := p.closure(u, c.Expr); !s.Empty() {
			out = append(out, helperCall{c.Expr, name, s, nil})
		}
	}
	return out
}

// closure returns the summary of a function literal held in a local
// variable that the call invokes: find := func(...) {...}; find(x).
func (p *Pass) closure(u *Unit, call *ast.CallExpr) (*Summary, string) {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok || !u.Literals {
		return nil, ""
	}
	v, ok := u.Fn.Info.Uses[id].(*types.Var)
	if !ok {
		return nil, ""
	}
	store, status := u.Fn.Assigns().LastStore(v, call.Pos())
	if status != flow.StoreFound {
		return nil, ""
	}
	lit, ok := ast.Unparen(store.RHS).(*ast.FuncLit)
	if !ok {
		return nil, ""
	}
	if s, done := p.lits[lit]; done {
		return s, id.Name
	}
	p.lits[lit] = nil // a literal calling itself gets no summary
	sig, _ := u.Fn.Info.TypeOf(lit).(*types.Signature)
	var s *Summary
	if sig != nil {
		s = p.summarize(u, lit.Body, sig, id.Name)
	}
	p.lits[lit] = s
	return s, id.Name
}

// direct is what the recognisers find in a unit, which no round of the
// summaries changes.
type direct struct {
	lookups []LookupCall
	inserts []InsertCall
}

// directOf reads the recognisers' lookups and inserts of a unit once.
func (p *Pass) directOf(u *Unit) *direct {
	if d, ok := p.direct[u]; ok {
		return d
	}
	d := &direct{}
	for _, prov := range p.providers {
		if len(u.Calls[prov]) == 0 {
			continue
		}
		for _, l := range prov.Lookups(u.Fn, u.Calls[prov]) {
			if l.At.File == "" {
				var at ast.Node = site.ReportNode(l.Call)
				if l.Site != nil && l.Site.Node != nil {
					at = l.Site.Node // where the recogniser reports it
				}
				l.At = p.step(calleeName(u.Fn, l.Call), at)
			}
			d.lookups = append(d.lookups, l)
		}
		for _, ins := range prov.Inserts(u.Fn, u.Calls[prov]) {
			if ins.At.File == "" {
				ins.At = p.step(calleeName(u.Fn, ins.Call), site.ReportNode(ins.Call))
			}
			d.inserts = append(d.inserts, ins)
		}
	}
	p.direct[u] = d
	return d
}

// Done drops what was kept of a unit once it has been reported.
func (p *Pass) Done(u *Unit) { delete(p.direct, u) }

// lookupsIn lists the lookups of a unit: the recognisers' and the helper
// calls'.
func (p *Pass) lookupsIn(u *Unit) []LookupCall {
	out := append([]LookupCall(nil), p.directOf(u).lookups...)
	for _, h := range p.helpers(u) {
		for _, l := range h.sum.Lookups {
			out = append(out, p.helperLookup(u, h, l))
		}
	}
	return out
}

// insertsIn lists the inserts of a unit: the recognisers' and the helper
// calls'.
func (p *Pass) insertsIn(u *Unit) []InsertCall {
	out := append([]InsertCall(nil), p.directOf(u).inserts...)
	for _, h := range p.helpers(u) {
		for _, ins := range h.sum.Inserts {
			table := ins.Table
			if ins.Model.Set() {
				if table = p.insertTable(u.Fn, h, ins.Model); table == "" {
					// The call does not tell the model: no insert here,
					// unless the caller's own callers give it.
					if ref, ok := p.composeModel(u.Fn, h, ins.Model); ok {
						out = append(out, InsertCall{Call: h.call, What: h.name, At: ins.At, Helper: h.name, Model: ref})
					}
					continue
				}
			}
			out = append(out, InsertCall{Call: h.call, Table: table, What: h.name, At: ins.At, Helper: h.name})
		}
	}
	return out
}

func calleeName(fn *flow.Func, call *ast.CallExpr) string {
	if c := flow.Callee(fn.Info, call); c != nil {
		return c.Name()
	}
	return "call"
}

// helperLookup is a helper's lookup at its call site: a handle on the
// results that carry the helper's "not found", and the lookup's site.
func (p *Pass) helperLookup(u *Unit, h helperCall, l Lookup) LookupCall {
	fn := u.Fn
	hd := flow.NewHandle(h.call)
	results := resultVars(fn, h.call)
	nres := 1
	if t, ok := fn.Info.TypeOf(h.call).(*types.Tuple); ok {
		nres = t.Len()
	}
	for _, sig := range l.Signals {
		var obj types.Object
		if sig.Result < len(results) {
			obj = results[sig.Result]
		}
		switch sig.Kind {
		case ErrResult, SentinelResult:
			hd.ErrOnMiss = true
			if obj != nil {
				hd.Errs[obj] = true
			}
			if nres == 1 {
				hd.CallMiss = flow.MissErr
			}
		case BoolResult:
			if obj != nil {
				hd.Exists[obj] = true
			}
			if nres == 1 {
				hd.CallMiss = flow.MissFalse
			}
		case NilResult:
			if obj != nil {
				hd.Nils[obj] = true
			}
			if nres == 1 {
				hd.CallMiss = flow.MissNil
			}
		}
	}
	st := &site.Site{
		Node:        site.ReportNode(h.call),
		Stmt:        fn.EnclosingStmt(h.call),
		What:        h.name,
		Table:       l.Table,
		Model:       l.Model,
		Lookup:      schema.Lookup{Terms: l.Terms, Predicates: l.Predicates},
		Unsupported: l.Unsupported,
		Dropped:     l.Dropped,
		SoftDelete:  l.SoftDelete,
		LiveOnly:    l.LiveOnly,
		OwnKeys:     l.OwnKeys,
		Fix:         p.fixerOf(l.Fix),
	}
	st.Why.Set(l.Why)
	out := LookupCall{Call: h.call, Handle: hd, Site: st, At: l.At, Helper: h.name, Signals: l.Signals}
	if l.Params != nil && !st.Why.Unknown() {
		base := *st
		bound := p.substitute(fn, h, st, l.Params)
		if st.Why.Unknown() && bound {
			return out // unknown whatever the caller's callers pass
		}
		if c := p.compose(fn, h, l.Params); c != nil {
			// The caller passes its own parameters on: its callers
			// complete the lookup. Where the call made it precise, they
			// may still pin the values it passes on.
			if !st.Why.Unknown() {
				base = *st
				for i := range c.Groups {
					c.Groups[i].Read = true
				}
			}
			out.Params, out.Base = c, &base
		}
	}
	return out
}

// resultVars returns the variables the call's results are stored in, by
// result index (nil where not stored).
func resultVars(fn *flow.Func, call *ast.CallExpr) []types.Object {
	e := fn.OutermostParen(call)
	switch p := fn.Parent(e).(type) {
	case *ast.AssignStmt:
		if len(p.Rhs) == 1 {
			out := make([]types.Object, len(p.Lhs))
			for i, lhs := range p.Lhs {
				out[i] = flow.ObjectOf(fn.Info, lhs)
			}
			return out
		}
		for i, rhs := range p.Rhs {
			if rhs == e && len(p.Lhs) == len(p.Rhs) {
				return []types.Object{flow.ObjectOf(fn.Info, p.Lhs[i])}
			}
		}
	case *ast.ValueSpec:
		if len(p.Values) == 1 {
			out := make([]types.Object, len(p.Names))
			for i, id := range p.Names {
				out[i] = fn.Info.Defs[id]
			}
			return out
		}
	}
	return nil
}

// implementation returns the method of the only type, in the package and
// the summarised packages it imports, that implements the interface
// method fn; nil when fn is not a method of an interface of the user's
// (a library's io.Writer or context.Context is never a repository) or the
// implementation is not unique.
func (p *Pass) implementation(fn *types.Func) *types.Func {
	if impl, ok := p.impls[fn]; ok {
		return impl
	}
	p.impls[fn] = nil
	recv := fn.Signature().Recv()
	if recv == nil || fn.Pkg() == nil || fn.Pkg() != p.pass.Pkg && !p.inScope(fn.Pkg().Path()) {
		return nil
	}
	iface, ok := recv.Type().Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	var found *types.Func
	count := 0
	for _, c := range p.concreteTypes() {
		for _, cand := range []types.Type{c.t, types.NewPointer(c.t)} {
			if types.Implements(cand, iface) {
				obj, _, _ := types.LookupFieldOrMethod(cand, true, c.pkg, fn.Name())
				if m, ok := obj.(*types.Func); ok && !abstract(m) {
					found = m
					count++
				}
				break
			}
		}
	}
	if count == 1 {
		p.impls[fn] = found
	}
	return p.impls[fn]
}

// concreteType is a named non-interface type an interface method call may
// stand for.
type concreteType struct {
	t   types.Type
	pkg *types.Package
}

// concreteTypes lists, once per pass, the named non-interface types of the
// package and of the summarised packages it imports, directly or not.
func (p *Pass) concreteTypes() []concreteType {
	if p.concrete != nil {
		return p.concrete
	}
	p.concrete = []concreteType{}
	seen := map[*types.Package]bool{}
	var visit func(pkg *types.Package)
	visit = func(pkg *types.Package) {
		if seen[pkg] || !p.inScope(pkg.Path()) && pkg != p.pass.Pkg {
			return
		}
		seen[pkg] = true
		scope := pkg.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() {
				continue
			}
			if _, isIface := tn.Type().Underlying().(*types.Interface); isIface {
				continue
			}
			p.concrete = append(p.concrete, concreteType{tn.Type(), pkg})
		}
		for _, imp := range pkg.Imports() {
			visit(imp)
		}
	}
	visit(p.pass.Pkg)
	return p.concrete
}

// fixerOf returns the fixer of a helper's lookup: the recogniser's, from
// what its fixer carried, or one with no words of its own, so that the
// verdict's index advice stands.
func (p *Pass) fixerOf(c *CarriedFix) site.Fixer {
	if c != nil {
		for _, prov := range p.providers {
			if fp, ok := prov.(FixProvider); ok {
				if f := fp.FixerOf(c); f != nil {
					return f
				}
			}
		}
	}
	return fixer{}
}

// fixer words no fix of its own.
type fixer struct{}

func (fixer) Advice(*site.Site, site.Fix) string                 { return "" }
func (fixer) IndexAdvice(site.IndexSpec, bool) string            { return "" }
func (fixer) Edits(*site.Site, site.Fix) []analysis.SuggestedFix { return nil }

// abstract reports whether m is an interface method (possibly promoted
// through an embedded interface).
func abstract(m *types.Func) bool {
	recv := m.Signature().Recv()
	if recv == nil {
		return false
	}
	_, ok := recv.Type().Underlying().(*types.Interface)
	return ok
}
