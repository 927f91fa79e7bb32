package flow

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
)

// Outcome is a set of results of a lookup that are still possible on a
// path through the function.
type Outcome uint8

const (
	Found      Outcome = 1 << iota // a row was found
	NotFound                       // no row: the get-or-create path
	Failed                         // another error
	AnyOutcome = Found | NotFound | Failed
)

// Handle names the ways code refers to one lookup's result.
type Handle struct {
	Call      *ast.CallExpr
	Errs      map[types.Object]bool // variables holding the lookup's error
	Result    map[types.Object]bool // variables holding the lookup's result object (res.Error, res.RowsAffected; rows)
	Counts    map[types.Object]bool // Count(&n) targets: zero means not found
	Exists    map[types.Object]bool // booleans that are true when a row exists (ent Exist)
	Nils      map[types.Object]bool // results that are nil when nothing was found (ent First, Only)
	Masked    map[types.Object]bool // the lookup's error with "no rows" masked: nil unless it failed (ent MaskNotFound)
	Dest      types.Object          // the variable the lookup fills
	DestPK    map[string]bool       // primary-key field names of dest's model
	SliceDest bool                  // dest is a slice: len(dest) == 0 means not found
	Derived   map[ast.Node]bool     // stores that copy the result (err := res.Error): not reassignments
	// ErrOnMiss is set when finding nothing is an error (GORM First, Take,
	// Last: ErrRecordNotFound); Find and Count return no error for no rows.
	ErrOnMiss bool
	// CallMiss says what the lookup call's own value holds when nothing
	// was found, for calls used directly: if !q.ExistX(ctx) { ... }.
	CallMiss MissValue
}

// NewHandle returns a handle on the lookup call with no variables bound.
func NewHandle(call *ast.CallExpr) *Handle {
	return &Handle{
		Call:    call,
		Errs:    map[types.Object]bool{},
		Result:  map[types.Object]bool{},
		Counts:  map[types.Object]bool{},
		Exists:  map[types.Object]bool{},
		Nils:    map[types.Object]bool{},
		Masked:  map[types.Object]bool{},
		DestPK:  map[string]bool{},
		Derived: map[ast.Node]bool{},
	}
}

// Tracks reports whether obj is one of the handle's variables.
func (h *Handle) Tracks(obj types.Object) bool {
	return obj != nil && (h.Errs[obj] || h.Result[obj] || h.Counts[obj] || h.Exists[obj] || h.Nils[obj] || h.Masked[obj] || obj == h.Dest)
}

// MissValue is what a lookup's value holds when nothing was found.
type MissValue uint8

const (
	MissUnknown MissValue = iota
	MissNil               // nil: a row pointer
	MissZero              // zero: a count, an ID
	MissFalse             // false: an existence test
	MissErr               // the lookup's error itself: Scan, sqlx Get
)

// IsLookup reports whether e is the lookup call itself.
func (h *Handle) IsLookup(e ast.Expr) bool { return ast.Unparen(e) == h.Call }

// IsErr reports whether e evaluates to the lookup's error.
func (fn *Func) IsErr(h *Handle, e ast.Expr) bool {
	e = ast.Unparen(e)
	if obj := ObjectOf(fn.Info, e); obj != nil {
		return h.Errs[obj]
	}
	if h.IsLookup(e) && h.CallMiss == MissErr {
		return true
	}
	return fn.IsResultField(h, e, "Error")
}

// IsResultField reports whether e is res.<field> or <lookup call>.<field>.
func (fn *Func) IsResultField(h *Handle, e ast.Expr, field string) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != field {
		return false
	}
	if h.IsLookup(sel.X) {
		return true
	}
	obj := ObjectOf(fn.Info, sel.X)
	return obj != nil && h.Result[obj]
}

// isZeroWhenNotFound reports whether e is a quantity that is zero exactly
// when the lookup found nothing (or failed): a Count target, RowsAffected,
// len(dest) for a slice, or dest's primary key.
func (fn *Func) isZeroWhenNotFound(h *Handle, e ast.Expr) bool {
	info := fn.Info
	e = ast.Unparen(e)
	if obj := ObjectOf(info, e); obj != nil && h.Counts[obj] {
		return true
	}
	if h.IsLookup(e) && h.CallMiss == MissZero {
		return true
	}
	if fn.IsResultField(h, e, "RowsAffected") {
		return true
	}
	switch x := e.(type) {
	case *ast.CallExpr:
		if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok && len(x.Args) == 1 && h.SliceDest {
			if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "len" {
				return h.Dest != nil && ObjectOf(info, x.Args[0]) == h.Dest
			}
		}
	case *ast.SelectorExpr:
		return !h.SliceDest && h.Dest != nil && h.DestPK[x.Sel.Name] && ObjectOf(info, x.X) == h.Dest
	}
	return false
}

// isNotFoundSentinel reports whether e names a "no rows" error value that
// a framework declared.
func (fn *Func) isNotFoundSentinel(e ast.Expr) bool {
	var obj types.Object
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		obj = fn.Info.Uses[x]
	case *ast.SelectorExpr:
		obj = fn.Info.Uses[x.Sel]
	}
	if obj == nil {
		return false
	}
	for _, s := range fn.Hooks.Sentinels {
		if IsPkgVar(obj, s.Pkg, s.Name) {
			return true
		}
	}
	return false
}

// Cond returns the outcomes consistent with e being true and with e being
// false; ok is false when e says nothing about the lookup.
func (fn *Func) Cond(h *Handle, e ast.Expr) (onTrue, onFalse Outcome, ok bool) {
	info := fn.Info
	if h.IsLookup(e) && h.CallMiss == MissFalse {
		return Found, NotFound | Failed, true
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		if x.Op == token.NOT {
			t, f, ok := fn.Cond(h, x.X)
			return f, t, ok
		}
	case *ast.BinaryExpr:
		switch x.Op {
		case token.LAND, token.LOR:
			t1, f1, ok1 := fn.Cond(h, x.X)
			t2, f2, ok2 := fn.Cond(h, x.Y)
			if !ok1 && !ok2 {
				return AnyOutcome, AnyOutcome, false
			}
			if !ok1 {
				t1, f1 = AnyOutcome, AnyOutcome
			}
			if !ok2 {
				t2, f2 = AnyOutcome, AnyOutcome
			}
			if x.Op == token.LAND {
				return t1 & t2, f1 | (t1 & f2), true
			}
			return t1 | (f1 & t2), f1 & f2, true
		case token.EQL, token.NEQ, token.LSS, token.GTR, token.LEQ, token.GEQ:
			return fn.compare(h, x.X, x.Y, x.Op)
		}
	case *ast.CallExpr:
		for _, branch := range fn.Hooks.Branches {
			if t, f, ok := branch(fn, h, x); ok {
				return t, f, true
			}
		}
		callee := Callee(info, x)
		if !h.ErrOnMiss {
			break
		}
		if IsFunc(callee, "errors", "Is") && len(x.Args) == 2 && fn.IsErr(h, x.Args[0]) && fn.isNotFoundSentinel(x.Args[1]) {
			return NotFound, Found | Failed, true
		}
		if fn.isNotFoundPredicate(callee) && len(x.Args) == 1 && fn.IsErr(h, x.Args[0]) {
			return NotFound, Found | Failed, true
		}
		if IsFunc(callee, "errors", "As") && len(x.Args) == 2 && fn.IsErr(h, x.Args[0]) && fn.isNotFoundTarget(x.Args[1]) {
			return NotFound, Found | Failed, true
		}
	case *ast.Ident:
		if obj := info.Uses[x]; obj != nil && h.Exists[obj] {
			return Found, NotFound | Failed, true
		}
	}
	return AnyOutcome, AnyOutcome, false
}

// compare classifies x op y.
func (fn *Func) compare(h *Handle, x, y ast.Expr, op token.Token) (onTrue, onFalse Outcome, ok bool) {
	info := fn.Info
	// Put the lookup-related operand on the left.
	if !fn.IsErr(h, x) && !fn.isMaskedErr(h, x) && !fn.isZeroWhenNotFound(h, x) && !fn.isNilWhenNotFound(h, x) {
		x, y = y, x
		op = mirror(op)
	}
	switch {
	case fn.isNilWhenNotFound(h, x) && info.Types[y].IsNil():
		switch op {
		case token.EQL:
			return NotFound | Failed, Found, true
		case token.NEQ:
			return Found, NotFound | Failed, true
		}
	case fn.isMaskedErr(h, x) && info.Types[y].IsNil():
		switch op {
		case token.EQL:
			return Found | NotFound, Failed, true
		case token.NEQ:
			return Failed, Found | NotFound, true
		}
	case fn.IsErr(h, x):
		var t, f Outcome
		switch {
		case info.Types[y].IsNil() && h.ErrOnMiss:
			t, f = Found, NotFound|Failed
		case info.Types[y].IsNil():
			t, f = Found|NotFound, Failed
		case fn.isNotFoundSentinel(y) && h.ErrOnMiss:
			t, f = NotFound, Found|Failed
		default:
			return AnyOutcome, AnyOutcome, false
		}
		switch op {
		case token.EQL:
			return t, f, true
		case token.NEQ:
			return f, t, true
		}
	case fn.isZeroWhenNotFound(h, x):
		tv := info.Types[y]
		if tv.Value == nil {
			return AnyOutcome, AnyOutcome, false
		}
		zero, nonZero := NotFound|Failed, Found
		switch {
		case isZeroConst(tv.Value) && (op == token.EQL || op == token.LEQ),
			isOneConst(tv.Value) && op == token.LSS:
			return zero, nonZero, true
		case isZeroConst(tv.Value) && (op == token.NEQ || op == token.GTR),
			isOneConst(tv.Value) && op == token.GEQ:
			return nonZero, zero, true
		}
	}
	return AnyOutcome, AnyOutcome, false
}

func isZeroConst(v constant.Value) bool {
	switch v.Kind() {
	case constant.Int, constant.Float:
		return constant.Sign(v) == 0
	case constant.String:
		return constant.StringVal(v) == ""
	}
	return false
}

func isOneConst(v constant.Value) bool {
	i, ok := constant.Int64Val(constant.ToInt(v))
	return ok && i == 1
}

// mirror turns "a op b" into "b op' a".
func mirror(op token.Token) token.Token {
	switch op {
	case token.LSS:
		return token.GTR
	case token.GTR:
		return token.LSS
	case token.LEQ:
		return token.GEQ
	case token.GEQ:
		return token.LEQ
	}
	return op
}

// isNilWhenNotFound reports whether e is a result that is nil when the
// lookup found nothing (or failed): ent's First and Only.
func (fn *Func) isNilWhenNotFound(h *Handle, e ast.Expr) bool {
	if obj := ObjectOf(fn.Info, e); obj != nil && h.Nils[obj] {
		return true
	}
	return h.IsLookup(e) && h.CallMiss == MissNil
}

// isNotFoundPredicate reports whether a framework declares callee a test
// for its "not found" error: IsNotFound(err).
func (fn *Func) isNotFoundPredicate(callee *types.Func) bool {
	for _, p := range fn.Hooks.NotFoundFuncs {
		if p(callee) {
			return true
		}
	}
	return false
}

// isNotFoundTarget reports whether e is the target of errors.As(err,
// &target) for a framework's "not found" error type.
func (fn *Func) isNotFoundTarget(e ast.Expr) bool {
	t := fn.Info.TypeOf(e)
	for _, p := range fn.Hooks.NotFoundTargets {
		if p(t) {
			return true
		}
	}
	return false
}
