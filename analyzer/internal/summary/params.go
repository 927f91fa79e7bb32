package summary

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strconv"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/site"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// Params are the parts of a helper's lookup its caller's arguments give:
// condition groups (the arguments of one Where, or of the finisher's
// inline conditions) written in terms of the helper's parameters. At a
// call, the recogniser named By reads them again with the caller's
// arguments in place, with its own condition code.
type Params struct {
	By     string  // the recogniser that reads the groups: "gorm"
	Model  string  // the lookup's model, "path/to/pkg.User", when a group read at the call may need its keys
	Groups []Group // in the order the helper applies them
	// From says where the model comes from when the caller decides it;
	// Unscoped then says the helper's query skips no soft-deleted rows.
	From     ModelRef
	Unscoped bool
	// Dialect is the SQL dialect of the helper's package, for a query
	// the caller's arguments complete and the recogniser parses.
	Dialect sqlscan.Dialect
}

// Group is one condition group.
type Group struct {
	Args []Arg
	// Read: the helper's own terms include this group's (its query is a
	// constant); the caller's arguments only complete its values.
	Read bool
}

// ArgKind says what one argument of a group is.
type ArgKind uint8

const (
	// ArgConst is a constant: Text is a string's value or a number's or
	// bool's exact text, Const its kind.
	ArgConst ArgKind = iota + 1
	// ArgNil is the untyped nil.
	ArgNil
	// ArgParam is the caller's argument for parameter Param.
	ArgParam
	// ArgSpread is the caller's arguments from parameter Param on: the
	// helper's variadic parameter passed on with "...".
	ArgSpread
	// ArgConcat is a string made of Parts, each a string constant or a
	// parameter the caller passes a constant for: column+" = ?",
	// fmt.Sprintf("%s = ?", column).
	ArgConcat
	// ArgMap is a map literal; Parts are its keys and values in turn.
	ArgMap
	// ArgOther is a value the helper computes itself: only whether its
	// type can hold NULL is kept.
	ArgOther
)

// Arg is one argument of a group.
type Arg struct {
	Kind     ArgKind
	Param    int
	Text     string
	Const    constant.Kind
	Nullable bool
	Parts    []Arg
}

// Substituter is a recogniser that reads a helper's parametric
// conditions at a call of it.
type Substituter interface {
	// SubstituteName is the Params.By of the summaries it reads.
	SubstituteName() string
	// Substitute completes st, the helper's lookup at the call, with the
	// groups read from args (the caller's arguments in place, typed by
	// fn.Info; a nil group is left as the helper read it) and, when model
	// is not nil, the model the call gives (table, keys, soft delete):
	// terms, or why they cannot be known.
	Substitute(fn *flow.Func, st *site.Site, p *Params, groups [][]ast.Expr, model types.Type)
	// InsertTable returns the table an insert of model writes; "" when
	// it cannot be told.
	InsertTable(model types.Type) string
	// Nullable tells whether a value of type t can be NULL.
	Nullable(t types.Type) bool
}

// Template writes a condition group of fn in terms of fn's parameters. It
// fails when no argument comes from a parameter, when a parameter used is
// stored to in the body, or when an argument is neither a constant, a
// parameter, a string built from those, a map literal of those, nor
// (outside the query, the first argument) another value. spread says the
// last argument is passed on with "...". nullable tells whether a value
// of a type can be NULL.
func Template(fn *flow.Func, args []ast.Expr, spread bool, nullable func(types.Type) bool) ([]Arg, bool) {
	params := paramsOf(fn)
	if params == nil {
		return nil, false
	}
	t := templater{fn: fn, params: params, nullable: nullable}
	var out []Arg
	for i, e := range args {
		var a Arg
		var ok bool
		switch {
		case spread && i == len(args)-1:
			a, ok = t.spread(e)
		case i == 0:
			a, ok = t.query(e)
		default:
			a, ok = t.value(e)
		}
		if !ok {
			return nil, false
		}
		out = append(out, a)
	}
	return out, t.used
}

// templater turns one function's expressions into Args.
type templater struct {
	fn       *flow.Func
	params   *types.Tuple
	nullable func(types.Type) bool
	used     bool // an argument came from a parameter
}

// direct reports whether n is in fn's own body, not in a function
// literal inside it.
func (t *templater) direct(n ast.Node) bool {
	var body *ast.BlockStmt
	switch d := t.fn.Node().(type) {
	case *ast.FuncDecl:
		body = d.Body
	case *ast.FuncLit:
		body = d.Body
	}
	return body != nil && t.fn.CFGOf(n) == t.fn.CFGOf(body)
}

// paramsOf returns the parameters of the function fn is.
func paramsOf(fn *flow.Func) *types.Tuple {
	switch d := fn.Node().(type) {
	case *ast.FuncDecl:
		if f, ok := fn.Info.Defs[d.Name].(*types.Func); ok {
			return f.Signature().Params()
		}
	case *ast.FuncLit:
		if sig, ok := fn.Info.TypeOf(d).(*types.Signature); ok {
			return sig.Params()
		}
	}
	return nil
}

// param returns the index of the parameter e names, if the body never
// stores to it or takes its address. Inside a function literal, the
// enclosing function's parameters are captured values, not the
// literal's: they are not parameters there.
func (t *templater) param(e ast.Expr) (int, bool) {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || !t.direct(id) {
		return 0, false
	}
	v, ok := t.fn.Info.Uses[id].(*types.Var)
	if !ok {
		return 0, false
	}
	for i := 0; i < t.params.Len(); i++ {
		if t.params.At(i) == v {
			if len(t.fn.Assigns()[v]) > 0 {
				return 0, false
			}
			t.used = true
			return i, true
		}
	}
	return 0, false
}

func (t *templater) constant(e ast.Expr) (Arg, bool) {
	tv := t.fn.Info.Types[e]
	switch {
	case tv.IsNil():
		return Arg{Kind: ArgNil}, true
	case tv.Value == nil:
		return Arg{}, false
	}
	switch k := tv.Value.Kind(); k {
	case constant.String:
		return Arg{Kind: ArgConst, Const: k, Text: constant.StringVal(tv.Value)}, true
	case constant.Int, constant.Bool:
		return Arg{Kind: ArgConst, Const: k, Text: tv.Value.ExactString()}, true
	}
	return Arg{}, false
}

// query is the first argument: a constant, a parameter, a string made of
// those, or a map literal.
func (t *templater) query(e ast.Expr) (Arg, bool) {
	if a, ok := t.scalar(e); ok {
		return a, true
	}
	if lit, ok := ast.Unparen(e).(*ast.CompositeLit); ok {
		if _, isMap := t.fn.Info.TypeOf(lit).Underlying().(*types.Map); isMap {
			return t.mapLit(lit)
		}
	}
	return Arg{}, false
}

// scalar is a constant, a parameter, or a string made of those.
func (t *templater) scalar(e ast.Expr) (Arg, bool) {
	if a, ok := t.constant(e); ok {
		return a, true
	}
	if i, ok := t.param(e); ok {
		return Arg{Kind: ArgParam, Param: i}, true
	}
	return t.text(e)
}

// value is a bound value: anything, kept as a parameter or constant when
// it is one.
func (t *templater) value(e ast.Expr) (Arg, bool) {
	if a, ok := t.query(e); ok {
		return a, true
	}
	typ := t.fn.Info.TypeOf(e)
	if typ == nil {
		return Arg{}, false
	}
	if _, isSlice := typ.Underlying().(*types.Slice); isSlice {
		return Arg{}, false // IN (...): the recogniser reads the helper's own
	}
	return Arg{Kind: ArgOther, Nullable: t.nullable(typ)}, true
}

func (t *templater) spread(e ast.Expr) (Arg, bool) {
	i, ok := t.param(e)
	if !ok || i != t.params.Len()-1 {
		return Arg{}, false
	}
	return Arg{Kind: ArgSpread, Param: i}, true
}

// text reads a string built of string constants and parameters: a + b,
// fmt.Sprintf with %s and %v verbs only.
func (t *templater) text(e ast.Expr) (Arg, bool) {
	var parts []Arg
	var add func(e ast.Expr) bool
	add = func(e ast.Expr) bool {
		e = ast.Unparen(e)
		if a, ok := t.constant(e); ok {
			if a.Kind != ArgConst || a.Const != constant.String {
				return false
			}
			parts = append(parts, a)
			return true
		}
		if i, ok := t.param(e); ok {
			parts = append(parts, Arg{Kind: ArgParam, Param: i})
			return true
		}
		switch x := e.(type) {
		case *ast.BinaryExpr:
			return x.Op.String() == "+" && add(x.X) && add(x.Y)
		case *ast.CallExpr:
			if !flow.IsFunc(flow.Callee(t.fn.Info, x), "fmt", "Sprintf") || len(x.Args) == 0 || x.Ellipsis.IsValid() {
				return false
			}
			tv := t.fn.Info.Types[x.Args[0]]
			if tv.Value == nil || tv.Value.Kind() != constant.String {
				return false
			}
			chunks, ok := splitFormat(constant.StringVal(tv.Value))
			if !ok || len(chunks) != len(x.Args) {
				return false
			}
			for i, c := range chunks {
				if c != "" {
					parts = append(parts, Arg{Kind: ArgConst, Const: constant.String, Text: c})
				}
				if i+1 < len(x.Args) && !add(x.Args[i+1]) {
					return false
				}
			}
			return true
		}
		return false
	}
	if !add(e) {
		return Arg{}, false
	}
	return Arg{Kind: ArgConcat, Parts: parts}, true
}

// splitFormat splits a format whose verbs are plain %s or %v into the
// text around them (one more chunk than verbs); %% is a percent sign.
func splitFormat(format string) ([]string, bool) {
	var chunks []string
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			b.WriteByte(format[i])
			continue
		}
		if i+1 >= len(format) {
			return nil, false
		}
		i++
		switch format[i] {
		case '%':
			b.WriteByte('%')
		case 's', 'v':
			chunks = append(chunks, b.String())
			b.Reset()
		default:
			return nil, false
		}
	}
	return append(chunks, b.String()), true
}

// mapLit reads map[string]any{column: v}: keys constants, parameters or
// strings made of those; values anything value takes but a map.
func (t *templater) mapLit(lit *ast.CompositeLit) (Arg, bool) {
	out := Arg{Kind: ArgMap}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return Arg{}, false
		}
		k, ok := t.scalar(kv.Key)
		if !ok || k.Kind == ArgNil {
			return Arg{}, false
		}
		if _, isLit := ast.Unparen(kv.Value).(*ast.CompositeLit); isLit {
			return Arg{}, false
		}
		v, ok := t.value(kv.Value)
		if !ok {
			return Arg{}, false
		}
		out.Parts = append(out.Parts, k, v)
	}
	return out, true
}

// String is the argument as the helper wrote it, in short: $1 for the
// second parameter, "..." for constants.
func (a Arg) String() string {
	switch a.Kind {
	case ArgConst:
		if a.Const == constant.String {
			return strconv.Quote(a.Text)
		}
		return a.Text
	case ArgNil:
		return "nil"
	case ArgParam:
		return "$" + itoa(a.Param)
	case ArgSpread:
		return "$" + itoa(a.Param) + "..."
	case ArgConcat:
		var parts []string
		for _, p := range a.Parts {
			parts = append(parts, p.String())
		}
		return strings.Join(parts, "+")
	case ArgMap:
		var parts []string
		for i := 0; i+1 < len(a.Parts); i += 2 {
			parts = append(parts, a.Parts[i].String()+": "+a.Parts[i+1].String())
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return "_"
}

// ModelRef says where the model of a helper's lookup or insert comes
// from when its caller decides it. The zero ModelRef: the helper fixes it.
type ModelRef struct {
	By string // the recogniser that reads the model: "gorm"
	// TypeParam is 1 + the index of the type parameter (the receiver
	// type's for a method, else the function's) that is the model:
	// func (r *Repo[T]) Find(...) { var t T; db.First(&t) }.
	TypeParam int
	// Param is 1 + the index of the parameter the row is passed in, whose
	// argument's type is the model: func First(dest any, ...).
	Param int
}

// Set reports whether the caller decides the model.
func (m ModelRef) Set() bool { return m.TypeParam > 0 || m.Param > 0 }

// String is "T#0" for the first type parameter, "type($1)" for the
// second parameter's argument.
func (m ModelRef) String() string {
	switch {
	case m.TypeParam > 0:
		return "T#" + itoa(m.TypeParam-1)
	case m.Param > 0:
		return "type($" + itoa(m.Param-1) + ")"
	}
	return ""
}

// ModelOf returns where the model of a row expression e of fn comes from
// when fn's caller decides it: e's type is a type parameter of fn (or of
// its receiver's type), through pointers and slices, or e is a parameter
// of an interface type that fn never stores to.
func ModelOf(fn *flow.Func, e ast.Expr, by string) ModelRef {
	t := fn.Info.TypeOf(e)
	for t != nil {
		switch u := types.Unalias(t).(type) {
		case *types.Pointer:
			t = u.Elem()
			continue
		case *types.Slice:
			t = u.Elem()
			continue
		case *types.TypeParam:
			if i := typeParamIndex(fn, u); i >= 0 {
				return ModelRef{By: by, TypeParam: i + 1}
			}
			return ModelRef{}
		case *types.Interface:
			params := paramsOf(fn)
			if params == nil {
				return ModelRef{}
			}
			tp := templater{fn: fn, params: params}
			if i, ok := tp.param(e); ok {
				return ModelRef{By: by, Param: i + 1}
			}
		}
		break
	}
	return ModelRef{}
}

// ModelOfType returns the ModelRef of tp when it is a type parameter of
// fn or of its receiver's type: gorm.G[T](db) in a generic repository.
func ModelOfType(fn *flow.Func, tp *types.TypeParam, by string) ModelRef {
	if i := typeParamIndex(fn, tp); i >= 0 {
		return ModelRef{By: by, TypeParam: i + 1}
	}
	return ModelRef{}
}

// typeParamIndex returns the index of tp among the type parameters of
// fn's receiver type, or of fn; -1 when it is neither's.
func typeParamIndex(fn *flow.Func, tp *types.TypeParam) int {
	d, ok := fn.Node().(*ast.FuncDecl)
	if !ok {
		return -1
	}
	f, ok := fn.Info.Defs[d.Name].(*types.Func)
	if !ok {
		return -1
	}
	list := f.Signature().TypeParams()
	if f.Signature().Recv() != nil {
		list = f.Signature().RecvTypeParams()
	}
	for i := 0; i < list.Len(); i++ {
		if list.At(i) == tp {
			return i
		}
	}
	return -1
}

// ParamIndex returns the index of the parameter of fn that e names, when
// fn never stores to it or takes its address.
func ParamIndex(fn *flow.Func, e ast.Expr) (int, bool) {
	params := paramsOf(fn)
	if params == nil {
		return 0, false
	}
	t := templater{fn: fn, params: params}
	return t.param(e)
}
