package summary

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/site"
)

// substitute completes a helper's lookup at a call with the conditions
// its parameters give, read by the recogniser that wrote them. bound
// reports whether the call's arguments completed every part the helper
// left open (then a lookup still unknown is so for the recogniser's own
// reasons: a count, not a SELECT).
func (p *Pass) substitute(fn *flow.Func, h helperCall, st *site.Site, params *Params) (bound bool) {
	sub := p.substituter(params.By)
	if sub == nil {
		st.Why.Set(h.name + "'s conditions come from its arguments")
		return false
	}
	b := newBinder(fn, h)
	if b == nil {
		st.Why.Set("the call of " + h.name + " is not followed")
		return false
	}
	bound = true
	var model types.Type
	if params.From.Set() {
		t, why := b.model(params.From)
		if why != "" {
			st.Why.Set(why)
			return false
		}
		model = t
	}
	groups := make([][]ast.Expr, len(params.Groups))
	for i, g := range params.Groups {
		args, why := b.group(g.Args)
		if why == "" {
			groups[i] = args
			continue
		}
		if g.Read {
			continue // the helper's terms stand, their values as it knew them
		}
		// The lookup is unknown; the model the call gives still names its
		// table, for -strict to pair it with an insert.
		st.Why.Set(why)
		clear(groups)
		bound = false
		break
	}
	// The terms are the summary's: the recogniser adds to a copy.
	st.Lookup.Terms = append(st.Lookup.Terms[:0:0], st.Lookup.Terms...)
	st.Lookup.Predicates = append(st.Lookup.Predicates[:0:0], st.Lookup.Predicates...)
	st.Unsupported = append(st.Unsupported[:0:0], st.Unsupported...)
	st.Dropped = append(st.Dropped[:0:0], st.Dropped...)
	sub.Substitute(fn.WithInfo(b.info), st, params, groups, model)
	return bound
}

// insertTable is the table a helper's insert writes at a call that gives
// its model; "" when the call does not tell.
func (p *Pass) insertTable(fn *flow.Func, h helperCall, ref ModelRef) string {
	sub := p.substituter(ref.By)
	b := newBinder(fn, h)
	if sub == nil || b == nil {
		return ""
	}
	t, why := b.model(ref)
	if why != "" {
		return ""
	}
	return sub.InsertTable(t)
}

func (p *Pass) substituter(by string) Substituter {
	for _, prov := range p.providers {
		if s, ok := prov.(Substituter); ok && s.SubstituteName() == by {
			return s
		}
	}
	return nil
}

// binder puts a caller's arguments in place of a helper's parameters.
// Its Info types the caller's argument expressions (copied from the
// package's) and the constants it makes up; the package's own Info is
// never written.
type binder struct {
	fn     *flow.Func
	call   *ast.CallExpr
	name   string
	callee *types.Func // as called (instantiated); nil for a function literal
	info   *types.Info
	sig    *types.Signature
	off    int // 1 for a method expression, (*Repo).Find(r, ...)
}

// newBinder returns the binder of a helper call; nil when the call's
// signature is unknown.
func newBinder(fn *flow.Func, h helperCall) *binder {
	b := &binder{fn: fn, call: h.call, name: h.name, callee: h.fn, info: &types.Info{
		Types: map[ast.Expr]types.TypeAndValue{}, Uses: map[*ast.Ident]types.Object{},
		Defs: map[*ast.Ident]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{},
		Instances: map[*ast.Ident]types.Instance{},
	}}
	t := fn.Info.TypeOf(h.call.Fun)
	if t == nil {
		return nil
	}
	sig, ok := t.Underlying().(*types.Signature)
	if !ok {
		return nil
	}
	b.sig = sig
	if sel, ok := ast.Unparen(h.call.Fun).(*ast.SelectorExpr); ok {
		if s, ok := fn.Info.Selections[sel]; ok && s.Kind() == types.MethodExpr {
			b.off = 1
		}
	}
	return b
}

// model returns the model type the call gives: a type argument of the
// callee's receiver type or of the callee, or the type of the argument
// the row is passed in. A type the caller's own type parameters leave
// open is not a model.
func (b *binder) model(ref ModelRef) (types.Type, string) {
	var t types.Type
	switch {
	case ref.TypeParam > 0:
		args := b.typeArgs()
		if args == nil || ref.TypeParam > args.Len() {
			return nil, "the model " + b.name + " is instantiated with is not known"
		}
		t = args.At(ref.TypeParam - 1)
	case ref.Param > 0:
		e, why := b.argument(ref.Param - 1)
		if why != "" {
			return nil, why
		}
		t = b.fn.Info.TypeOf(e)
	}
	if t == nil || mentionsTypeParam(t) {
		return nil, "the model " + b.name + " is called with is not known"
	}
	if _, ok := deref(t).Underlying().(*types.Interface); ok {
		return nil, "the row passed to " + b.name + " is of an interface type"
	}
	return t, ""
}

// typeArgs returns the type arguments of the called method's receiver
// type, or of the called generic function.
func (b *binder) typeArgs() *types.TypeList {
	if b.callee != nil && b.callee.Signature().Recv() != nil {
		// The callee is the generic method: its receiver type's arguments
		// are those of the value the method is selected on, through the
		// embedded fields that promote it.
		sel, ok := ast.Unparen(b.call.Fun).(*ast.SelectorExpr)
		if !ok {
			return nil
		}
		s, ok := b.fn.Info.Selections[sel]
		if !ok || s.Kind() != types.MethodVal {
			return nil
		}
		if m, ok := s.Obj().(*types.Func); !ok || abstract(m) {
			return nil // an interface's type arguments are not its implementation's
		}
		t := s.Recv()
		path := s.Index()
		for _, i := range path[:len(path)-1] {
			st, ok := deref(t).Underlying().(*types.Struct)
			if !ok || i >= st.NumFields() {
				return nil
			}
			t = st.Field(i).Type()
		}
		if n, ok := types.Unalias(deref(t)).(*types.Named); ok {
			return n.TypeArgs()
		}
		return nil
	}
	var id *ast.Ident
	switch f := ast.Unparen(b.call.Fun).(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		id = f.Sel
	case *ast.IndexExpr:
		id = identOf(f.X)
	case *ast.IndexListExpr:
		id = identOf(f.X)
	}
	if id == nil {
		return nil
	}
	return b.fn.Info.Instances[id].TypeArgs
}

func deref(t types.Type) types.Type {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

func identOf(e ast.Expr) *ast.Ident {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return x
	case *ast.SelectorExpr:
		return x.Sel
	}
	return nil
}

// mentionsTypeParam reports whether t is, or points to, a type parameter.
func mentionsTypeParam(t types.Type) bool {
	for {
		switch u := types.Unalias(t).(type) {
		case *types.Pointer:
			t = u.Elem()
		case *types.Slice:
			t = u.Elem()
		case *types.TypeParam:
			return true
		default:
			return false
		}
	}
}

// group binds one group's arguments; why says what cannot be bound.
func (b *binder) group(args []Arg) ([]ast.Expr, string) {
	var out []ast.Expr
	for _, a := range args {
		if a.Kind == ArgSpread {
			es, why := b.spread(a.Param)
			if why != "" {
				return nil, why
			}
			out = append(out, es...)
			continue
		}
		e, why := b.expr(a)
		if why != "" {
			return nil, why
		}
		out = append(out, e)
	}
	return out, ""
}

// argument returns the caller's argument for parameter i, when it is one
// expression.
func (b *binder) argument(i int) (ast.Expr, string) {
	if b.sig.Variadic() && i+b.off == b.sig.Params().Len()-1 {
		return nil, b.name + "'s variadic parameter is used as one value"
	}
	if i+b.off >= len(b.call.Args) || !b.sig.Variadic() && len(b.call.Args) != b.sig.Params().Len() {
		return nil, "the call of " + b.name + " is not followed"
	}
	e := b.call.Args[i+b.off]
	b.copyTypes(e)
	return e, ""
}

// spread returns the caller's arguments from parameter i on.
func (b *binder) spread(i int) ([]ast.Expr, string) {
	i += b.off
	if !b.sig.Variadic() || i != b.sig.Params().Len()-1 {
		return nil, "the call of " + b.name + " is not followed"
	}
	if b.call.Ellipsis.IsValid() {
		return nil, b.name + "'s conditions are passed as a slice"
	}
	if i > len(b.call.Args) {
		return nil, "the call of " + b.name + " is not followed"
	}
	for _, e := range b.call.Args[i:] {
		b.copyTypes(e)
	}
	return b.call.Args[i:], ""
}

func (b *binder) expr(a Arg) (ast.Expr, string) {
	switch a.Kind {
	case ArgParam:
		return b.argument(a.Param)
	case ArgConst, ArgNil:
		return b.constant(a)
	case ArgConcat:
		var s strings.Builder
		for _, p := range a.Parts {
			text, why := b.text(p)
			if why != "" {
				return nil, why
			}
			s.WriteString(text)
		}
		return b.constant(Arg{Kind: ArgConst, Const: constant.String, Text: s.String()})
	case ArgMap:
		lit := &ast.CompositeLit{}
		for i := 0; i+1 < len(a.Parts); i += 2 {
			k, why := b.expr(a.Parts[i])
			if why != "" {
				return nil, why
			}
			v, why := b.expr(a.Parts[i+1])
			if why != "" {
				return nil, why
			}
			lit.Elts = append(lit.Elts, &ast.KeyValueExpr{Key: k, Value: v})
		}
		b.info.Types[lit] = types.TypeAndValue{Type: types.NewMap(types.Typ[types.String], anyType())}
		return lit, ""
	case ArgOther:
		e := ast.NewIdent("_")
		t := types.Type(types.Typ[types.String])
		if a.Nullable {
			t = anyType()
		}
		b.info.Types[e] = types.TypeAndValue{Type: t}
		return e, ""
	}
	return nil, "the call of " + b.name + " is not followed"
}

// text is a part of a string: a constant, or a parameter the caller
// passes a constant string for.
func (b *binder) text(a Arg) (string, string) {
	if a.Kind == ArgConst {
		return a.Text, ""
	}
	e, why := b.argument(a.Param)
	if why != "" {
		return "", why
	}
	tv := b.fn.Info.Types[e]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", "the column passed to " + b.name + " is not a constant"
	}
	return constant.StringVal(tv.Value), ""
}

// constant makes up an expression of a constant, typed as the type
// checker types the literal.
func (b *binder) constant(a Arg) (ast.Expr, string) {
	var src string
	switch {
	case a.Kind == ArgNil:
		src = "nil"
	case a.Const == constant.String:
		src = strconv.Quote(a.Text)
	default:
		src = a.Text
	}
	tv, err := types.Eval(token.NewFileSet(), nil, token.NoPos, src)
	if err != nil {
		return nil, "the call of " + b.name + " is not followed"
	}
	var e ast.Expr = &ast.BasicLit{Kind: token.STRING, Value: src}
	if a.Kind == ArgNil || a.Const != constant.String {
		e = ast.NewIdent(src) // only its type and value are read
	}
	b.info.Types[e] = tv
	return e, ""
}

// copyTypes copies what the package's Info says about e's nodes.
func (b *binder) copyTypes(e ast.Expr) {
	src := b.fn.Info
	ast.Inspect(e, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.Ident:
			if o, ok := src.Uses[x]; ok {
				b.info.Uses[x] = o
			}
			if o, ok := src.Defs[x]; ok {
				b.info.Defs[x] = o
			}
			if in, ok := src.Instances[x]; ok {
				b.info.Instances[x] = in
			}
		case *ast.SelectorExpr:
			if s, ok := src.Selections[x]; ok {
				b.info.Selections[x] = s
			}
		}
		if x, ok := n.(ast.Expr); ok {
			if tv, ok := src.Types[x]; ok {
				b.info.Types[x] = tv
			}
		}
		return true
	})
}

func anyType() types.Type { return types.Universe.Lookup("any").Type() }
