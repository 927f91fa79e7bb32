package analyzer

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
)

// outcome is a set of results of a lookup that are still possible on a
// path through the function.
type outcome uint8

const (
	found      outcome = 1 << iota // a row was found
	notFound                       // no row: the get-or-create path
	failed                         // another error
	anyOutcome = found | notFound | failed
)

// lookupHandle names the ways code refers to one lookup's result.
type lookupHandle struct {
	call      *ast.CallExpr
	errs      map[types.Object]bool // variables holding the lookup's error
	result    map[types.Object]bool // variables holding the lookup's *gorm.DB (res.Error, res.RowsAffected)
	counts    map[types.Object]bool // Count(&n) targets: zero means not found
	exists    map[types.Object]bool // booleans that are true when a row exists (ent Exist)
	nils      map[types.Object]bool // results that are nil when nothing was found (ent First, Only)
	dest      types.Object          // the variable the lookup fills
	destPK    map[string]bool       // primary-key field names of dest's model
	sliceDest bool                  // dest is a slice: len(dest) == 0 means not found
	derived   map[ast.Node]bool     // stores that copy the result (err := res.Error): not reassignments
	// errOnMiss is set when finding nothing is an error (First, Take, Last:
	// ErrRecordNotFound); Find and Count return no error for no rows.
	errOnMiss bool
	// callMiss says what the lookup call's own value holds when nothing
	// was found, for calls used directly: if !q.ExistX(ctx) { ... }.
	callMiss missValue
}

func newHandle(call *ast.CallExpr) *lookupHandle {
	return &lookupHandle{
		call:    call,
		errs:    map[types.Object]bool{},
		result:  map[types.Object]bool{},
		counts:  map[types.Object]bool{},
		exists:  map[types.Object]bool{},
		nils:    map[types.Object]bool{},
		destPK:  map[string]bool{},
		derived: map[ast.Node]bool{},
	}
}

// tracks reports whether obj is one of the handle's variables.
func (h *lookupHandle) tracks(obj types.Object) bool {
	return obj != nil && (h.errs[obj] || h.result[obj] || h.counts[obj] || h.exists[obj] || h.nils[obj] || obj == h.dest)
}

// missValue is what a lookup's value holds when nothing was found.
type missValue uint8

const (
	missUnknown missValue = iota
	missNil               // nil: a row pointer
	missZero              // zero: a count, an ID
	missFalse             // false: an existence test
	missErr               // the lookup's error itself: Scan, sqlx Get
)

// isLookup reports whether e is the lookup call itself.
func (h *lookupHandle) isLookup(e ast.Expr) bool { return ast.Unparen(e) == h.call }

// isErr reports whether e evaluates to the lookup's error.
func (fc *funcCtx) isErr(h *lookupHandle, e ast.Expr) bool {
	e = ast.Unparen(e)
	if obj := objectOf(fc.c.pass.TypesInfo, e); obj != nil {
		return h.errs[obj]
	}
	if h.isLookup(e) && h.callMiss == missErr {
		return true
	}
	return fc.isResultField(h, e, "Error")
}

// isResultField reports whether e is res.<field> or <lookup call>.<field>.
func (fc *funcCtx) isResultField(h *lookupHandle, e ast.Expr, field string) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != field {
		return false
	}
	if h.isLookup(sel.X) {
		return true
	}
	obj := objectOf(fc.c.pass.TypesInfo, sel.X)
	return obj != nil && h.result[obj]
}

// isZeroWhenNotFound reports whether e is a quantity that is zero exactly
// when the lookup found nothing (or failed): a Count target, RowsAffected,
// len(dest) for a slice, or dest's primary key.
func (fc *funcCtx) isZeroWhenNotFound(h *lookupHandle, e ast.Expr) bool {
	info := fc.c.pass.TypesInfo
	e = ast.Unparen(e)
	if obj := objectOf(info, e); obj != nil && h.counts[obj] {
		return true
	}
	if h.isLookup(e) && h.callMiss == missZero {
		return true
	}
	if fc.isResultField(h, e, "RowsAffected") {
		return true
	}
	switch x := e.(type) {
	case *ast.CallExpr:
		if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok && len(x.Args) == 1 && h.sliceDest {
			if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "len" {
				return h.dest != nil && objectOf(info, x.Args[0]) == h.dest
			}
		}
	case *ast.SelectorExpr:
		return !h.sliceDest && h.dest != nil && h.destPK[x.Sel.Name] && objectOf(info, x.X) == h.dest
	}
	return false
}

// isNotFoundSentinel reports whether e names a "no rows" error value.
func (fc *funcCtx) isNotFoundSentinel(e ast.Expr) bool {
	var obj types.Object
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		obj = fc.c.pass.TypesInfo.Uses[x]
	case *ast.SelectorExpr:
		obj = fc.c.pass.TypesInfo.Uses[x.Sel]
	}
	if obj == nil {
		return false
	}
	for _, s := range notFoundSentinels {
		if isPkgVar(obj, s[0], s[1]) {
			return true
		}
	}
	return false
}

// notFoundSentinels are the error values drivers return for "no rows".
var notFoundSentinels = [][2]string{
	{gormPath, "ErrRecordNotFound"},
	{"database/sql", "ErrNoRows"},
	{"github.com/jackc/pgx/v5", "ErrNoRows"},
	{"github.com/jackc/pgx/v4", "ErrNoRows"},
}

// cond returns the outcomes consistent with e being true and with e being
// false; ok is false when e says nothing about the lookup.
func (fc *funcCtx) cond(h *lookupHandle, e ast.Expr) (onTrue, onFalse outcome, ok bool) {
	info := fc.c.pass.TypesInfo
	if h.isLookup(e) && h.callMiss == missFalse {
		return found, notFound | failed, true
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		if x.Op == token.NOT {
			t, f, ok := fc.cond(h, x.X)
			return f, t, ok
		}
	case *ast.BinaryExpr:
		switch x.Op {
		case token.LAND, token.LOR:
			t1, f1, ok1 := fc.cond(h, x.X)
			t2, f2, ok2 := fc.cond(h, x.Y)
			if !ok1 && !ok2 {
				return anyOutcome, anyOutcome, false
			}
			if !ok1 {
				t1, f1 = anyOutcome, anyOutcome
			}
			if !ok2 {
				t2, f2 = anyOutcome, anyOutcome
			}
			if x.Op == token.LAND {
				return t1 & t2, f1 | (t1 & f2), true
			}
			return t1 | (f1 & t2), f1 & f2, true
		case token.EQL, token.NEQ, token.LSS, token.GTR, token.LEQ, token.GEQ:
			return fc.compare(h, x.X, x.Y, x.Op)
		}
	case *ast.CallExpr:
		if t, f, ok := fc.rowsNext(h, x); ok {
			return t, f, true
		}
		fn := calleeFunc(info, x)
		if !h.errOnMiss {
			break
		}
		if isFunc(fn, "errors", "Is") && len(x.Args) == 2 && fc.isErr(h, x.Args[0]) && fc.isNotFoundSentinel(x.Args[1]) {
			return notFound, found | failed, true
		}
		if fc.c.isNotFoundPredicate(fn) && len(x.Args) == 1 && fc.isErr(h, x.Args[0]) {
			return notFound, found | failed, true
		}
		if isFunc(fn, "errors", "As") && len(x.Args) == 2 && fc.isErr(h, x.Args[0]) && fc.c.isNotFoundTarget(x.Args[1]) {
			return notFound, found | failed, true
		}
	case *ast.Ident:
		if obj := info.Uses[x]; obj != nil && h.exists[obj] {
			return found, notFound | failed, true
		}
	}
	return anyOutcome, anyOutcome, false
}

// compare classifies x op y.
func (fc *funcCtx) compare(h *lookupHandle, x, y ast.Expr, op token.Token) (onTrue, onFalse outcome, ok bool) {
	info := fc.c.pass.TypesInfo
	// Put the lookup-related operand on the left.
	if !fc.isErr(h, x) && !fc.isZeroWhenNotFound(h, x) && !fc.isNilWhenNotFound(h, x) {
		x, y = y, x
		op = mirror(op)
	}
	switch {
	case fc.isNilWhenNotFound(h, x) && info.Types[y].IsNil():
		switch op {
		case token.EQL:
			return notFound | failed, found, true
		case token.NEQ:
			return found, notFound | failed, true
		}
	case fc.isErr(h, x):
		var t, f outcome
		switch {
		case info.Types[y].IsNil() && h.errOnMiss:
			t, f = found, notFound|failed
		case info.Types[y].IsNil():
			t, f = found|notFound, failed
		case fc.isNotFoundSentinel(y) && h.errOnMiss:
			t, f = notFound, found|failed
		default:
			return anyOutcome, anyOutcome, false
		}
		switch op {
		case token.EQL:
			return t, f, true
		case token.NEQ:
			return f, t, true
		}
	case fc.isZeroWhenNotFound(h, x):
		tv := info.Types[y]
		if tv.Value == nil {
			return anyOutcome, anyOutcome, false
		}
		zero, nonZero := notFound|failed, found
		switch {
		case isZeroConst(tv.Value) && (op == token.EQL || op == token.LEQ),
			isOneConst(tv.Value) && op == token.LSS:
			return zero, nonZero, true
		case isZeroConst(tv.Value) && (op == token.NEQ || op == token.GTR),
			isOneConst(tv.Value) && op == token.GEQ:
			return nonZero, zero, true
		}
	}
	return anyOutcome, anyOutcome, false
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

// isNotFoundPredicate reports whether fn is an ent-generated IsNotFound:
// a function IsNotFound(error) bool in a package that also declares the
// NotFoundError type it tests for. The package is the user's own (named
// ent by default, but configurable), so it is recognised by shape.
func (c *checker) isNotFoundPredicate(fn *types.Func) bool {
	if fn == nil || fn.Name() != "IsNotFound" || fn.Pkg() == nil || fn.Signature().Recv() != nil {
		return false
	}
	sig := fn.Signature()
	if sig.Params().Len() != 1 || sig.Results().Len() != 1 ||
		!types.Identical(sig.Params().At(0).Type(), types.Universe.Lookup("error").Type()) ||
		!types.Identical(sig.Results().At(0).Type(), types.Typ[types.Bool]) {
		return false
	}
	_, ok := fn.Pkg().Scope().Lookup("NotFoundError").(*types.TypeName)
	return ok
}

// isNilWhenNotFound reports whether e is a result that is nil when the
// lookup found nothing (or failed): ent's First and Only.
func (fc *funcCtx) isNilWhenNotFound(h *lookupHandle, e ast.Expr) bool {
	if obj := objectOf(fc.c.pass.TypesInfo, e); obj != nil && h.nils[obj] {
		return true
	}
	return h.isLookup(e) && h.callMiss == missNil
}

// isNotFoundTarget reports whether e is the target of
// errors.As(err, &target) for an ent-generated *NotFoundError: a pointer
// to *NotFoundError of a package whose IsNotFound tests for it.
func (c *checker) isNotFoundTarget(e ast.Expr) bool {
	t := c.pass.TypesInfo.TypeOf(e)
	p, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return false
	}
	n := namedOf(p.Elem())
	if n == nil || n.Obj().Name() != "NotFoundError" || n.Obj().Pkg() == nil {
		return false
	}
	fn, _ := n.Obj().Pkg().Scope().Lookup("IsNotFound").(*types.Func)
	return c.isNotFoundPredicate(fn)
}
