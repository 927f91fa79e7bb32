package summary

import (
	"go/ast"
	"go/types"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
)

// compose writes a helper's Params in terms of the caller's own
// parameters when the caller passes them on (func (s *Svc) UserBy(column
// string, v any) { return s.repo.FindBy(ctx, column, v) }), so that the
// caller's callers complete them in turn. nil when no argument the Params
// use is one of the caller's parameters (the call completes them), or
// when one is neither a constant, a parameter, nor a value the caller
// computes in a value's place.
func (p *Pass) compose(fn *flow.Func, h helperCall, in *Params) *Params {
	params := paramsOf(fn)
	sub := p.substituter(in.By)
	b := newBinder(fn, h)
	if params == nil || sub == nil || b == nil {
		return nil
	}
	c := composer{b: b, t: templater{fn: fn, params: params, nullable: sub.Nullable}}
	out := &Params{By: in.By, Model: in.Model, Unscoped: in.Unscoped}
	if in.From.Set() {
		from, ok := c.model(in.From)
		if !ok {
			return nil
		}
		out.From = from
	}
	for _, g := range in.Groups {
		args, ok := c.group(g.Args)
		if !ok {
			return nil
		}
		out.Groups = append(out.Groups, Group{Args: args, Read: g.Read})
	}
	if !c.t.used {
		return nil
	}
	return out
}

// composeModel writes where a helper's model comes from in terms of the
// caller's own type parameters or row parameters.
func (p *Pass) composeModel(fn *flow.Func, h helperCall, ref ModelRef) (ModelRef, bool) {
	params := paramsOf(fn)
	b := newBinder(fn, h)
	if params == nil || b == nil {
		return ModelRef{}, false
	}
	c := composer{b: b, t: templater{fn: fn, params: params}}
	return c.model(ref)
}

// composer maps a helper's Args to the caller's.
type composer struct {
	b *binder
	t templater
}

func (c *composer) group(args []Arg) ([]Arg, bool) {
	var out []Arg
	for _, a := range args {
		query := len(out) == 0
		if a.Kind == ArgSpread {
			call := c.b.call
			i := a.Param + c.b.off
			if call.Ellipsis.IsValid() {
				if i != len(call.Args)-1 {
					return nil, false
				}
				s, ok := c.t.spread(call.Args[i])
				if !ok {
					return nil, false
				}
				out = append(out, s)
				continue
			}
			es, why := c.b.spread(a.Param)
			if why != "" {
				return nil, false
			}
			for _, e := range es {
				m, ok := c.expr(e, len(out) == 0)
				if !ok {
					return nil, false
				}
				out = append(out, m)
			}
			continue
		}
		m, ok := c.arg(a, query)
		if !ok {
			return nil, false
		}
		out = append(out, m)
	}
	return out, true
}

func (c *composer) arg(a Arg, query bool) (Arg, bool) {
	switch a.Kind {
	case ArgParam:
		e, why := c.b.argument(a.Param)
		if why != "" {
			return Arg{}, false
		}
		return c.expr(e, query)
	case ArgConcat:
		out := Arg{Kind: ArgConcat}
		for _, part := range a.Parts {
			m, ok := c.arg(part, true)
			if !ok || m.Kind != ArgConst && m.Kind != ArgParam && m.Kind != ArgConcat {
				return Arg{}, false
			}
			if m.Kind == ArgConcat {
				out.Parts = append(out.Parts, m.Parts...)
				continue
			}
			out.Parts = append(out.Parts, m)
		}
		return out, true
	case ArgMap:
		out := Arg{Kind: ArgMap}
		for i := 0; i+1 < len(a.Parts); i += 2 {
			k, ok := c.arg(a.Parts[i], true)
			if !ok || k.Kind == ArgMap || k.Kind == ArgOther || k.Kind == ArgNil {
				return Arg{}, false
			}
			v, ok := c.arg(a.Parts[i+1], false)
			if !ok || v.Kind == ArgMap {
				return Arg{}, false
			}
			out.Parts = append(out.Parts, k, v)
		}
		return out, true
	}
	return a, true // a constant, nil, or a value of the helper's own
}

// expr writes the caller's argument e as an Arg of the caller.
func (c *composer) expr(e ast.Expr, query bool) (Arg, bool) {
	if query {
		return c.t.query(e)
	}
	return c.t.value(e)
}

// model maps where the model comes from: the caller's own type parameter
// or row parameter; a model the call fixes is not composed.
func (c *composer) model(ref ModelRef) (ModelRef, bool) {
	switch {
	case ref.TypeParam > 0:
		args := c.b.typeArgs()
		if args == nil || ref.TypeParam > args.Len() {
			return ModelRef{}, false
		}
		tp, ok := types.Unalias(args.At(ref.TypeParam - 1)).(*types.TypeParam)
		if !ok {
			return ModelRef{}, false
		}
		if i := typeParamIndex(c.t.fn, tp); i >= 0 {
			c.t.used = true
			return ModelRef{By: ref.By, TypeParam: i + 1}, true
		}
	case ref.Param > 0:
		e, why := c.b.argument(ref.Param - 1)
		if why != "" {
			return ModelRef{}, false
		}
		if m := ModelOf(c.t.fn, e, ref.By); m.Set() {
			c.t.used = true
			return m, true
		}
	}
	return ModelRef{}, false
}
