package gorm

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
	"github.com/getorcreatelint/getorcreatelint/schema"
)

// entity is what a GORM call reads or writes: a model type, a table, or
// both.
type entity struct {
	named *types.Named
	table string
}

func (e entity) known() bool { return e.named != nil || e.table != "" }

// same reports whether two calls touch the same table.
func (e entity) same(o entity) bool {
	if e.table != "" && o.table != "" {
		return schema.TableKey(e.table) == schema.TableKey(o.table)
	}
	return e.named != nil && e.named == o.named
}

// gormCall is a *gorm.DB finisher, or a finisher of the generics API,
// found in a function.
type gormCall struct {
	call    *ast.CallExpr
	name    string
	role    gormRole
	generic bool // a method of gorm.G[T]'s interfaces
	chain   gormChain
	entity  entity
	raw     *rawLookup // the SQL of a Raw chain, when it has one
	// paramInline: the finisher's inline conditions come from the
	// function's parameters; its callers read them (see params).
	paramInline bool
	// modelFromCaller: the model is a type parameter or the type of a
	// parameter's argument, which the function's callers give.
	modelFromCaller bool
}

// value returns the call's row argument (dest or value), if it has one:
// the first argument of *gorm.DB's finishers; for the generics API the
// value Create and CreateInBatches take after the context (lookups return
// their rows).
func (g *gormCall) value() ast.Expr {
	if g.name == "Count" || g.role == gormRow {
		return nil
	}
	i := 0
	if g.generic {
		if g.role != gormCreate {
			return nil
		}
		i = 1
	}
	if len(g.call.Args) <= i {
		return nil
	}
	return g.call.Args[i]
}

// isLookupRole reports whether role reads rows.
func isLookupRole(role gormRole) bool {
	switch role {
	case gormLookup, gormFirstOrInit, gormFirstOrCreate, gormRow, gormScan:
		return true
	}
	return false
}

// gormCalls finds the lookups and inserts on *gorm.DB in the function.
// Chains and models are resolved only when the function can hold a
// get-or-create (a FirstOrCreate, or a lookup and an insert), so a
// function that merely reads or merely inserts reads no file (a model's
// TableName in another package is read from source).
func (fc *fnCtx) gormCalls() (lookups, creates []*gormCall) {
	type raw struct {
		call    *ast.CallExpr
		name    string
		role    gormRole
		generic bool
	}
	var calls []raw
	hasLookup, hasCreate, hasFirstOrCreate := false, false, false
	for _, c := range fc.calls {
		name, role, generic, ok := methodRole(c.Fn)
		switch {
		case !ok:
		case isLookupRole(role):
			hasLookup = true
			hasFirstOrCreate = hasFirstOrCreate || role == gormFirstOrCreate
			calls = append(calls, raw{c.Expr, name, role, generic})
		case role == gormCreate:
			hasCreate = true
			calls = append(calls, raw{c.Expr, name, role, generic})
		}
	}
	if !hasFirstOrCreate && !(hasLookup && hasCreate) {
		return nil, nil
	}
	for _, r := range calls {
		g := fc.newGormCall(r.call, r.name, r.role, r.generic)
		if r.role == gormCreate {
			creates = append(creates, g)
		} else {
			lookups = append(lookups, g)
		}
	}
	return lookups, creates
}

func (fc *fnCtx) newGormCall(call *ast.CallExpr, name string, role gormRole, generic bool) *gormCall {
	g := &gormCall{call: call, name: name, role: role, generic: generic}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		g.chain = fc.gormChainOf(sel.X)
	}
	if g.chain.raw != nil && isLookupRole(role) {
		g.raw = fc.readRaw(g.chain.raw)
	}
	g.entity = fc.gormEntity(g)
	return g
}

// gormEntity works out the model (Model(...) or the row argument's type)
// and the table (Table(...) or the model's table).
func (fc *fnCtx) gormEntity(g *gormCall) entity {
	var e entity
	modelExpr := g.chain.model
	if modelExpr == nil {
		modelExpr = g.value()
	}
	if modelExpr != nil {
		if t := fc.Info.TypeOf(modelExpr); t != nil {
			e.named = flow.NamedOf(t)
		}
	}
	if g.generic && g.chain.generic != nil {
		e.named = g.chain.generic // the T of gorm.G[T]: Model(&T{}) in every query
	}
	if g.raw != nil {
		return fc.rawEntity(g, e.named)
	}
	switch {
	case g.chain.tableSet:
		e.table = g.chain.table
	case e.named != nil:
		if m := fc.r.model(e.named); m != nil && m.schema != nil && !m.tableUnknown {
			e.table = m.schema.Table.Name
		}
	}
	return e
}

// gormSites finds the get-or-create sites among the function's GORM calls.
func (fc *fnCtx) gormSites() []gormSite {
	lookups, creates := fc.gormCalls()
	var sites []gormSite
	for _, l := range lookups {
		if !l.entity.known() {
			if l.role == gormFirstOrCreate {
				sites = append(sites, gormSite{lookup: l})
			}
			continue
		}
		switch l.role {
		case gormFirstOrCreate:
			sites = append(sites, gormSite{lookup: l})
		case gormFirstOrInit:
			h := fc.handleFor(l.call, l.value(), false, false)
			if c := fc.matchingCreate(h, l, creates, flow.AfterLookup); c != nil {
				sites = append(sites, gormSite{lookup: l, create: c})
			}
		case gormLookup, gormRow, gormScan:
			if !anySame(l, creates) {
				continue
			}
			h := fc.lookupHandle(l)
			if h == nil {
				continue
			}
			if c := fc.matchingCreate(h, l, creates, flow.OnNotFound); c != nil {
				sites = append(sites, gormSite{lookup: l, create: c})
			} else if b := fc.collectedInsert(h, l, creates); b != nil {
				sites = append(sites, *b)
			}
		}
	}
	return sites
}

// errOnMiss lists the lookups that return ErrRecordNotFound for no rows.
var errOnMiss = map[string]bool{"First": true, "Take": true, "Last": true}

func anySame(l *gormCall, creates []*gormCall) bool {
	for _, c := range creates {
		if c.entity.same(l.entity) {
			return true
		}
	}
	return false
}

// matchingCreate returns the first insert of the lookup's model that the
// rule says completes a get-or-create.
func (fc *fnCtx) matchingCreate(h *flow.Handle, l *gormCall, creates []*gormCall, rule flow.Rule) *gormCall {
	byCall := map[*ast.CallExpr]*gormCall{}
	for _, c := range creates {
		if c.entity.same(l.entity) {
			byCall[c.call] = c
		}
	}
	if len(byCall) == 0 {
		return nil
	}
	hit := fc.FirstInsertAfter(h, rule, func(call *ast.CallExpr) bool { return byCall[call] != nil })
	if hit == nil {
		return nil
	}
	return byCall[hit]
}

// handleFor records how the code around a lookup call refers to its result:
// err := <call>.Error, res := <call>, the dest and Count targets, and
// err := res.Error later on.
func (fc *fnCtx) handleFor(call *ast.CallExpr, dest ast.Expr, isCount, errOnMiss bool) *flow.Handle {
	info := fc.Info
	h := flow.NewHandle(call)
	h.ErrOnMiss = errOnMiss
	var e ast.Node = call
	for {
		p := fc.Parent(e)
		if paren, ok := p.(*ast.ParenExpr); ok {
			e = paren
			continue
		}
		if sel, ok := p.(*ast.SelectorExpr); ok && sel.X == e && sel.Sel.Name == "Error" {
			fc.BindResult(sel, h.Errs)
			break
		}
		fc.BindResult(e, h.Result)
		break
	}
	if dest != nil {
		target := ast.Unparen(dest)
		if u, ok := target.(*ast.UnaryExpr); ok && u.Op == token.AND {
			target = ast.Unparen(u.X)
		}
		if obj := flow.ObjectOf(info, target); obj != nil {
			if isCount {
				h.Counts[obj] = true
			} else {
				h.Dest = obj
				t := obj.Type()
				if p, ok := types.Unalias(t).(*types.Pointer); ok {
					t = p.Elem()
				}
				_, h.SliceDest = t.Underlying().(*types.Slice)
				if named := flow.NamedOf(t); named != nil {
					if m := fc.r.model(named); m != nil && m.schema != nil {
						for _, pk := range m.schema.PrimaryKey() {
							h.DestPK[pk.Field()] = true
						}
					}
				}
			}
		}
	}
	// err := res.Error after the lookup.
	if len(h.Result) > 0 {
		for c := range fc.Root().Preorder((*ast.AssignStmt)(nil)) {
			as := c.Node().(*ast.AssignStmt)
			if as.Pos() < call.End() || len(as.Lhs) != len(as.Rhs) {
				continue
			}
			for i, rhs := range as.Rhs {
				if fc.IsResultField(h, rhs, "Error") {
					if obj := flow.ObjectOf(info, as.Lhs[i]); obj != nil {
						h.Errs[obj] = true
						h.Derived[as] = true
					}
				}
			}
		}
	}
	return h
}
