package analyzer

import (
	"go/ast"
	"go/types"

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

// gormCall is a *gorm.DB finisher found in a function.
type gormCall struct {
	call   *ast.CallExpr
	name   string
	role   gormRole
	chain  gormChain
	entity entity
}

// value returns the call's row argument (dest or value), if it has one.
func (g *gormCall) value() ast.Expr {
	if g.name == "Count" || len(g.call.Args) == 0 {
		return nil
	}
	return g.call.Args[0]
}

// gormCalls finds the lookups and inserts on *gorm.DB in the function.
// Chains and models are resolved only when the function can hold a
// get-or-create (a FirstOrCreate, or a lookup and an insert), so a
// function that merely reads or merely inserts costs one walk of its
// syntax and reads no file (a model's TableName in another package is
// read from source).
func (fc *funcCtx) gormCalls() (lookups, creates []*gormCall) {
	info := fc.c.pass.TypesInfo
	type raw struct {
		call *ast.CallExpr
		name string
		role gormRole
	}
	var calls []raw
	hasLookup, hasCreate, hasFirstOrCreate := false, false, false
	ast.Inspect(fc.root, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		name, role, ok := gormMethodRole(calleeFunc(info, call))
		switch {
		case !ok:
		case role == gormLookup || role == gormFirstOrInit || role == gormFirstOrCreate:
			hasLookup = true
			hasFirstOrCreate = hasFirstOrCreate || role == gormFirstOrCreate
			calls = append(calls, raw{call, name, role})
		case role == gormCreate:
			hasCreate = true
			calls = append(calls, raw{call, name, role})
		}
		return true
	})
	if !hasFirstOrCreate && !(hasLookup && hasCreate) {
		return nil, nil
	}
	for _, r := range calls {
		g := fc.newGormCall(r.call, r.name, r.role)
		if r.role == gormCreate {
			creates = append(creates, g)
		} else {
			lookups = append(lookups, g)
		}
	}
	return lookups, creates
}

func (fc *funcCtx) newGormCall(call *ast.CallExpr, name string, role gormRole) *gormCall {
	g := &gormCall{call: call, name: name, role: role}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		g.chain = fc.gormChainOf(sel.X)
	}
	g.entity = fc.gormEntity(g)
	return g
}

// gormEntity works out the model (Model(...) or the row argument's type)
// and the table (Table(...) or the model's table).
func (fc *funcCtx) gormEntity(g *gormCall) entity {
	var e entity
	modelExpr := g.chain.model
	if modelExpr == nil {
		modelExpr = g.value()
	}
	if modelExpr != nil {
		if t := fc.c.pass.TypesInfo.TypeOf(modelExpr); t != nil {
			e.named = namedOf(t)
		}
	}
	switch {
	case g.chain.tableSet:
		e.table = g.chain.table
	case e.named != nil:
		if m := fc.c.gormModel(e.named); m != nil && m.schema != nil && !m.tableUnknown {
			e.table = m.schema.Table.Name
		}
	}
	return e
}

// gormSites finds the get-or-create sites among the function's GORM calls.
func (fc *funcCtx) gormSites() []gormSite {
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
			if c := fc.matchingCreate(h, l, creates, afterLookup); c != nil {
				sites = append(sites, gormSite{lookup: l, create: c})
			}
		case gormLookup:
			if !anySame(l, creates) {
				continue
			}
			if len(l.call.Args) == 0 {
				continue
			}
			h := fc.handleFor(l.call, l.call.Args[0], l.name == "Count", errOnMiss[l.name])
			if c := fc.matchingCreate(h, l, creates, onNotFound); c != nil {
				sites = append(sites, gormSite{lookup: l, create: c})
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
func (fc *funcCtx) matchingCreate(h *lookupHandle, l *gormCall, creates []*gormCall, rule createRule) *gormCall {
	byCall := map[*ast.CallExpr]*gormCall{}
	for _, c := range creates {
		if c.entity.same(l.entity) {
			byCall[c.call] = c
		}
	}
	if len(byCall) == 0 {
		return nil
	}
	hit := fc.firstCreateAfter(h, rule, func(call *ast.CallExpr) bool { return byCall[call] != nil })
	if hit == nil {
		return nil
	}
	return byCall[hit]
}
