package gorm

import (
	"go/ast"
	"go/types"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
)

// maxScopeDepth bounds scopes that apply scopes.
const maxScopeDepth = 4

// applyScopes reads Scopes(f, ...) on *gorm.DB: GORM calls each f with the
// query before it runs, so the conditions f's body adds are the lookup's.
// A scope is read when its body is in the package (a function, a function
// literal, or a function returning one) and is one return of a chain on
// its parameter; otherwise the conditions are unknown.
func (fc *fnCtx) applyScopes(ch *gormChain, call *ast.CallExpr) {
	if call.Ellipsis.IsValid() {
		ch.unknown.Set("Scopes is passed a slice of scopes")
		return
	}
	for _, arg := range call.Args {
		if why := fc.applyScope(ch, arg); why != "" {
			ch.unknown.Set(why)
			return
		}
	}
}

// applyScope adds one scope's conditions to ch, or says why it cannot.
func (fc *fnCtx) applyScope(ch *gormChain, arg ast.Expr) string {
	if fc.scopeDepth >= maxScopeDepth {
		return "scopes nest too deep"
	}
	sfc, lit := fc.scopeFunc(arg, 0)
	if lit == nil {
		return "a scope's body is not visible in the package"
	}
	params := lit.Type.Params.List
	if len(params) != 1 || len(params[0].Names) != 1 {
		return "a scope does more than add conditions"
	}
	param := sfc.Info.Defs[params[0].Names[0]]
	// A scope of *gorm.DB returns the query; one of the generics API
	// (func(*gorm.Statement)) calls the statement's methods, which add to
	// it in place.
	var queries []ast.Expr
	if lit.Type.Results == nil {
		for _, stmt := range lit.Body.List {
			es, ok := stmt.(*ast.ExprStmt)
			if !ok {
				return "a scope does more than add conditions"
			}
			queries = append(queries, es.X)
		}
	} else {
		if len(lit.Body.List) != 1 {
			return "a scope does more than return a query"
		}
		ret, ok := lit.Body.List[0].(*ast.ReturnStmt)
		if !ok || len(ret.Results) != 1 {
			return "a scope does more than return a query"
		}
		queries = ret.Results
	}
	for _, q := range queries {
		if why := sfc.addScopeQuery(ch, q, param); why != "" {
			return why
		}
	}
	return ""
}

// addScopeQuery adds the conditions of one query a scope builds on its
// parameter.
func (sfc *fnCtx) addScopeQuery(ch *gormChain, q ast.Expr, param types.Object) string {
	sub := sfc.gormChainOf(q)
	root, _ := sub.root.(*ast.Ident)
	switch {
	case sub.unknown.Unknown():
		return "a scope's " + string(sub.unknown)
	case root == nil || param == nil || sfc.Info.ObjectOf(root) != param:
		return "a scope's query does not start from its parameter"
	case sub.model != nil || sub.tableSet || sub.raw != nil || sub.generic != nil:
		return "a scope sets the model or the table"
	}
	ch.wheres = append(ch.wheres, sub.wheres...)
	ch.joined = ch.joined || sub.joined
	ch.negated = ch.negated || sub.negated
	ch.unscoped = ch.unscoped || sub.unscoped
	return ""
}

// scopeFunc finds the function literal or declaration a scope argument
// names, with the context of the function holding it. The returned
// literal stands for a declaration too (its type and body).
func (fc *fnCtx) scopeFunc(arg ast.Expr, depth int) (*fnCtx, *ast.FuncLit) {
	if depth > 2 {
		return nil, nil
	}
	info := fc.Info
	switch x := ast.Unparen(arg).(type) {
	case *ast.FuncLit:
		return fc, x
	case *ast.Ident, *ast.SelectorExpr:
		switch obj := info.Uses[identOf(x)].(type) {
		case *types.Func:
			decl := fc.r.funcDecl(obj)
			if decl == nil {
				return nil, nil
			}
			return fc.inDecl(decl, decl), &ast.FuncLit{Type: decl.Type, Body: decl.Body}
		case *types.Var:
			if obj.IsField() || obj.Parent() == obj.Pkg().Scope() {
				return nil, nil
			}
			store, status := fc.Assigns().LastStore(obj, x.Pos())
			if status != flow.StoreFound {
				return nil, nil
			}
			return fc.scopeFunc(store.RHS, depth+1)
		}
	case *ast.CallExpr:
		// ByEmail(e): a function of the package returning the scope.
		fn := flow.Callee(info, x)
		if fn == nil || fn.Signature().Recv() != nil {
			return nil, nil
		}
		decl := fc.r.funcDecl(fn)
		if decl == nil || len(decl.Body.List) != 1 {
			return nil, nil
		}
		ret, ok := decl.Body.List[0].(*ast.ReturnStmt)
		if !ok || len(ret.Results) != 1 {
			return nil, nil
		}
		lit, ok := ast.Unparen(ret.Results[0]).(*ast.FuncLit)
		if !ok {
			return nil, nil
		}
		return fc.inDecl(decl, lit), lit
	}
	return nil, nil
}

func identOf(e ast.Expr) *ast.Ident {
	switch x := e.(type) {
	case *ast.Ident:
		return x
	case *ast.SelectorExpr:
		return x.Sel
	}
	return nil
}

// inDecl returns the context of another top-level function of the package.
func (fc *fnCtx) inDecl(decl *ast.FuncDecl, node ast.Node) *fnCtx {
	if decl == fc.Node() {
		return &fnCtx{Func: fc.Func, r: fc.r, scopeDepth: fc.scopeDepth + 1}
	}
	return &fnCtx{
		Func:       flow.NewFunc(fc.Info, fc.Pkg, decl, node, fc.Hooks),
		r:          fc.r,
		scopeDepth: fc.scopeDepth + 1,
	}
}

// funcDecl returns the declaration of a function of the package being
// analysed, with a body; nil for other packages (their syntax is not
// loaded) and for methods.
func (r *Recognizer) funcDecl(fn *types.Func) *ast.FuncDecl {
	if fn.Pkg() != r.pass.Pkg || fn.Signature().Recv() != nil {
		return nil
	}
	if d, ok := r.decls[fn]; ok {
		return d
	}
	var found *ast.FuncDecl
	for _, f := range r.pass.Files {
		if fn.Pos() < f.Pos() || fn.Pos() >= f.End() {
			continue
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Pos() == fn.Pos() && fd.Body != nil {
				found = fd
			}
		}
	}
	r.decls[fn] = found
	return found
}
