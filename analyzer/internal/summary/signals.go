package summary

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
)

// class is what a returned value tells the caller about the lookup on one
// path.
type class uint8

const (
	unknown class = iota
	hit           // the caller reads "a row was found"
	miss          // the caller reads "nothing was found"
	other         // neither: another error
)

// signals returns the results of the function sig through which a caller
// learns that the lookup l found nothing, on every path: a result counts
// only when, at every return statement, it reads "nothing was found"
// exactly where the lookup found nothing and nowhere else.
func signals(fn *flow.Func, sig *types.Signature, l LookupCall) []Signal {
	res := sig.Results()
	if res.Len() == 0 {
		return nil
	}
	rets := fn.Returns(l.Handle)
	forwards := map[*ast.ReturnStmt]bool{}
	for _, r := range rets {
		if forwarded(r.Stmt, res, l) {
			forwards[r.Stmt] = true // return find(x): the helper's own signals
			continue
		}
		if len(r.Stmt.Results) != res.Len() {
			return nil // naked returns, return f(): not followed
		}
	}
	var kept []flow.Return
	for _, r := range rets {
		if !forwards[r.Stmt] {
			kept = append(kept, r)
		}
	}
	inner := func(i int) (Signal, bool) {
		if len(forwards) == 0 {
			return Signal{}, true
		}
		for _, s := range l.Signals {
			if s.Result == i {
				return s, true
			}
		}
		return Signal{}, false
	}
	rets = kept
	errIdx := -1
	if t := res.At(res.Len() - 1).Type(); isError(t) {
		errIdx = res.Len() - 1
	}
	var out []Signal
	for i := 0; i < res.Len(); i++ {
		t := res.At(i).Type()
		fwd, ok := inner(i)
		if !ok {
			continue
		}
		if len(rets) == 0 {
			// Every return forwards the helper's results.
			out = append(out, fwd)
			continue
		}
		// With forwards, the other returns need not see a miss: they
		// must only never tell one where the lookup found a row.
		fwds := len(forwards) > 0
		switch {
		case isError(t):
			s, ok := errSignal(fn, l.Handle, rets, i, fwds)
			if ok && fwds && s.Kind == 0 {
				s = fwd
			}
			if ok && (!fwds || fwd.Kind == s.Kind && fwd.Sentinel == s.Sentinel) {
				s.Result = i
				out = append(out, s)
			} else if !fwds && valueSignal(fn, l.Handle, rets, i, -1, false, refusalClass) {
				// A check that refuses what it finds: nil when nothing
				// was found, an error when a row was.
				out = append(out, Signal{Kind: NilResult, Result: i})
			}
		case isBool(t):
			if valueSignal(fn, l.Handle, rets, i, errIdx, fwds, boolClass) && (!fwds || fwd.Kind == BoolResult) {
				out = append(out, Signal{Kind: BoolResult, Result: i})
			}
		case nillable(t):
			if valueSignal(fn, l.Handle, rets, i, errIdx, fwds, nilClass) && (!fwds || fwd.Kind == NilResult) {
				out = append(out, Signal{Kind: NilResult, Result: i})
			}
		}
	}
	return out
}

// forwarded reports whether the return statement returns the lookup
// call's results as they are, and the call says which of them tell a
// miss: a helper's (return find(x)), or a recogniser's call whose
// results do (return q.Only(ctx)).
func forwarded(ret *ast.ReturnStmt, res *types.Tuple, l LookupCall) bool {
	if len(ret.Results) != 1 || ast.Unparen(ret.Results[0]) != l.Call || len(l.Signals) == 0 {
		return false
	}
	return res.Len() > 1 || l.Helper == ""
}

// errSignal checks an error result: the lookup's own error (as is or
// wrapped with %w) or one package sentinel where nothing was found, nil
// where a row was, and never "not found" on a path without the lookup.
// forwarded: a return elsewhere forwards the miss, so none of rets need
// tell it.
func errSignal(fn *flow.Func, h *flow.Handle, rets []flow.Return, i int, forwarded bool) (Signal, bool) {
	var s Signal
	set := func(k SignalKind, v flow.Var) bool {
		if s.Kind != 0 && (s.Kind != k || s.Sentinel != v) {
			return false
		}
		s.Kind, s.Sentinel = k, v
		return true
	}
	for _, r := range rets {
		v := r.Stmt.Results[i]
		if !r.After {
			c, _, _ := errClass(fn, h, v, 0, false)
			if c != hit && c != other {
				return s, false
			}
			continue
		}
		for _, o := range []flow.Outcome{flow.Found, flow.NotFound, flow.Failed} {
			if r.Out&o == 0 {
				continue
			}
			c, k, sv := errClass(fn, h, v, o, r.Tracked)
			switch o {
			case flow.NotFound:
				if c != miss || !set(k, sv) {
					return s, false
				}
			case flow.Found:
				if c == miss || c == unknown && fn.IsErr(h, v) {
					return s, false
				}
			case flow.Failed:
				if c == miss {
					return s, false
				}
			}
		}
	}
	return s, s.Kind != 0 || forwarded
}

// errClass classifies a returned error value where the lookup's outcome
// is o (0: no lookup on the path).
func errClass(fn *flow.Func, h *flow.Handle, v ast.Expr, o flow.Outcome, tracked bool) (class, SignalKind, flow.Var) {
	info := fn.Info
	v = ast.Unparen(v)
	if info.Types[v].IsNil() {
		return hit, 0, flow.Var{}
	}
	if lookupErr(fn, h, v) {
		if o == 0 || !tracked {
			return unknown, 0, flow.Var{}
		}
		switch o {
		case flow.NotFound:
			if !h.ErrOnMiss {
				return hit, 0, flow.Var{} // Find, Count: no error for no rows
			}
			return miss, ErrResult, flow.Var{}
		case flow.Found:
			return hit, 0, flow.Var{}
		}
		return other, 0, flow.Var{}
	}
	if pv, ok := pkgErrVar(info, v); ok || wrapsPkgErrVar(info, v, &pv) {
		if isFrameworkSentinel(fn, pv) {
			return miss, ErrResult, flow.Var{}
		}
		return miss, SentinelResult, pv
	}
	if call, ok := v.(*ast.CallExpr); ok {
		callee := flow.Callee(info, call)
		if flow.IsFunc(callee, "errors", "New") {
			return other, 0, flow.Var{}
		}
		if flow.IsFunc(callee, "fmt", "Errorf") && len(call.Args) > 0 {
			if tv := info.Types[call.Args[0]]; tv.Value != nil && tv.Value.Kind() == constant.String &&
				!containsW(constant.StringVal(tv.Value)) {
				return other, 0, flow.Var{}
			}
		}
	}
	return unknown, 0, flow.Var{}
}

// lookupErr reports whether v is the lookup's error, as is or wrapped by
// fmt.Errorf with %w.
func lookupErr(fn *flow.Func, h *flow.Handle, v ast.Expr) bool {
	if fn.IsErr(h, v) {
		return true
	}
	call, ok := ast.Unparen(v).(*ast.CallExpr)
	if !ok || !flow.IsFunc(flow.Callee(fn.Info, call), "fmt", "Errorf") || len(call.Args) < 2 {
		return false
	}
	tv := fn.Info.Types[call.Args[0]]
	if tv.Value == nil || tv.Value.Kind() != constant.String || !containsW(constant.StringVal(tv.Value)) {
		return false
	}
	for _, a := range call.Args[1:] {
		if fn.IsErr(h, a) {
			return true
		}
	}
	return false
}

// wrapsPkgErrVar reports whether v is fmt.Errorf wrapping, with %w, one
// package-level error variable (errors.Is finds it in the result), and
// sets *pv to it.
func wrapsPkgErrVar(info *types.Info, v ast.Expr, pv *flow.Var) bool {
	call, ok := v.(*ast.CallExpr)
	if !ok || !flow.IsFunc(flow.Callee(info, call), "fmt", "Errorf") || len(call.Args) < 2 || call.Ellipsis.IsValid() {
		return false
	}
	tv := info.Types[call.Args[0]]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return false
	}
	found := false
	for _, i := range wrappedArgs(constant.StringVal(tv.Value)) {
		if i+1 >= len(call.Args) {
			return false
		}
		if w, ok := pkgErrVar(info, ast.Unparen(call.Args[i+1])); ok {
			if found && w != *pv {
				return false // two sentinels: the caller may test either
			}
			found, *pv = true, w
		}
	}
	return found
}

// wrappedArgs returns the indexes of the arguments that format's %w verbs
// take, or nil when the format indexes or sizes its arguments explicitly
// (then which argument a verb takes is not followed).
func wrappedArgs(format string) []int {
	var out []int
	arg := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		for i < len(format) && strings.IndexByte("+-# 0123456789.", format[i]) >= 0 {
			i++
		}
		if i >= len(format) {
			break
		}
		switch format[i] {
		case '%':
			continue
		case '*', '[':
			return nil
		case 'w':
			out = append(out, arg)
		}
		arg++
	}
	return out
}

func containsW(format string) bool {
	for i := 0; i+1 < len(format); i++ {
		if format[i] == '%' {
			if format[i+1] == 'w' {
				return true
			}
			i++
		}
	}
	return false
}

// pkgErrVar returns the package-level error variable v names.
func pkgErrVar(info *types.Info, v ast.Expr) (flow.Var, bool) {
	var obj types.Object
	switch x := v.(type) {
	case *ast.Ident:
		obj = info.Uses[x]
	case *ast.SelectorExpr:
		obj = info.Uses[x.Sel]
	}
	pv, ok := obj.(*types.Var)
	if !ok || pv.Pkg() == nil || pv.Parent() != pv.Pkg().Scope() || !isError(pv.Type()) {
		return flow.Var{}, false
	}
	return flow.Var{Pkg: pv.Pkg().Path(), Name: pv.Name()}, true
}

func isFrameworkSentinel(fn *flow.Func, v flow.Var) bool {
	for _, s := range fn.Hooks.Sentinels {
		if s == v {
			return true
		}
	}
	return false
}

// valueSignal checks a bool or nillable result with classify.
// forwarded: as for errSignal.
func valueSignal(fn *flow.Func, h *flow.Handle, rets []flow.Return, i, errIdx int, forwarded bool,
	classify func(*flow.Func, *flow.Handle, ast.Expr, flow.Outcome, bool) class) bool {
	sawMiss := false
	for _, r := range rets {
		v := r.Stmt.Results[i]
		if !r.After {
			// A path without the lookup may say "missing" only along with
			// an error the caller checks first.
			if classify(fn, h, v, 0, false) != hit && !nonNilErr(fn, r, errIdx) {
				return false
			}
			continue
		}
		for _, o := range []flow.Outcome{flow.Found, flow.NotFound} {
			if r.Out&o == 0 {
				continue
			}
			want := hit
			if o == flow.NotFound {
				want = miss
				sawMiss = true
			}
			if classify(fn, h, v, o, r.Tracked) != want {
				return false
			}
		}
	}
	return sawMiss || forwarded
}

// nonNilErr reports whether the return's error result is visibly not nil.
func nonNilErr(fn *flow.Func, r flow.Return, errIdx int) bool {
	if errIdx < 0 {
		return false
	}
	v := ast.Unparen(r.Stmt.Results[errIdx])
	return !fn.Info.Types[v].IsNil()
}

func boolClass(fn *flow.Func, h *flow.Handle, v ast.Expr, o flow.Outcome, tracked bool) class {
	if tv := fn.Info.Types[v]; tv.Value != nil && tv.Value.Kind() == constant.Bool {
		if constant.BoolVal(tv.Value) {
			return hit
		}
		return miss
	}
	if o == 0 || !tracked {
		return unknown
	}
	t, f, ok := fn.Cond(h, v)
	switch {
	case !ok:
		return unknown
	case t&o != 0 && f&o == 0:
		return hit
	case f&o != 0 && t&o == 0:
		return miss
	}
	return unknown
}

func nilClass(fn *flow.Func, h *flow.Handle, v ast.Expr, o flow.Outcome, tracked bool) class {
	v = ast.Unparen(v)
	if fn.Info.Types[v].IsNil() {
		return miss
	}
	switch x := v.(type) {
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return hit
		}
	case *ast.CompositeLit:
		return hit
	}
	if o == 0 || !tracked {
		return unknown
	}
	// A variable that is nil exactly when nothing was found (ent's First).
	if obj := flow.ObjectOf(fn.Info, v); obj != nil && h.Nils[obj] && o != 0 && tracked {
		switch o {
		case flow.NotFound:
			return miss
		case flow.Found:
			return hit
		}
	}
	return unknown
}

// refusalClass classifies a returned error of a check that fails when
// the lookup finds a row (if exists { return ErrTaken }; return nil): nil
// reads "nothing was found", an error visibly made here (errors.New,
// fmt.Errorf, a package's error variable, a literal) "a row was". Any
// other value, the lookup's own error among them, is unknown.
func refusalClass(fn *flow.Func, h *flow.Handle, v ast.Expr, _ flow.Outcome, _ bool) class {
	if c := nilClass(fn, h, v, 0, false); c != unknown {
		return c // nil, or a literal
	}
	info := fn.Info
	v = ast.Unparen(v)
	if _, ok := pkgErrVar(info, v); ok {
		return hit
	}
	if call, ok := v.(*ast.CallExpr); ok {
		callee := flow.Callee(info, call)
		if flow.IsFunc(callee, "errors", "New") || flow.IsFunc(callee, "fmt", "Errorf") {
			return hit
		}
	}
	return unknown
}

func isError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

func isBool(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.Bool
}

func nillable(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Interface, *types.Map, *types.Slice:
		return true
	}
	return false
}
