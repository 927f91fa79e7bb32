package ent

import (
	"go/ast"
	"go/types"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/conds"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/site"
	"github.com/getorcreatelint/getorcreatelint/schema"
)

// entCall is a call of a generated ent builder method: a lookup
// (XQuery.Only, ...) or an insert (XCreate.Save, XCreateBulk.Exec, ...).
type entCall struct {
	call   *ast.CallExpr
	name   string
	entity *entEntity
	recv   *types.Named // the builder type: XQuery, XCreate or XCreateBulk
}

// getOrCreates returns the function's ent get-or-create sites: a lookup
// through a generated client, then, on the path where it found nothing,
// an insert of the same entity.
func (fc *fnCtx) getOrCreates() []*site.Site {
	lookups, inserts := fc.entCalls()
	var out []*site.Site
	for _, l := range lookups {
		if ins := fc.entInsertAfter(l, inserts); ins != nil {
			out = append(out, fc.resolveEnt(l, ins))
		}
	}
	return out
}

// entCalls finds the ent lookups and inserts in the function. Nothing
// else is computed unless the function has both.
func (fc *fnCtx) entCalls() (lookups, inserts []*entCall) {
	lookups, inserts = fc.allEntCalls()
	if len(lookups) == 0 || len(inserts) == 0 {
		return nil, nil
	}
	return lookups, inserts
}

// allEntCalls lists the function's ent lookups and inserts.
func (fc *fnCtx) allEntCalls() (lookups, inserts []*entCall) {
	for _, c := range fc.calls {
		fn := c.Fn
		_, isLookup := entLookupMethods[fn.Name()]
		if !isLookup && !entInsertMethods[fn.Name()] {
			continue // the cheap test first: most calls stop here
		}
		e, recv := entMethod(fn)
		switch {
		case e == nil:
		case isLookup && recv == e.query:
			lookups = append(lookups, &entCall{c.Expr, fn.Name(), e, recv})
		case !isLookup && (recv == e.create || recv == e.createBulk):
			inserts = append(inserts, &entCall{c.Expr, fn.Name(), e, recv})
		}
	}
	return lookups, inserts
}

// entInsertAfter returns the first insert of the lookup's entity on a
// path where the lookup found nothing.
func (fc *fnCtx) entInsertAfter(l *entCall, inserts []*entCall) *entCall {
	byCall := map[*ast.CallExpr]*entCall{}
	for _, ins := range inserts {
		if ins.entity == l.entity {
			byCall[ins.call] = ins
		}
	}
	if len(byCall) == 0 {
		return nil
	}
	h := fc.entHandle(l)
	hit := fc.FirstInsertAfter(h, flow.OnNotFound, func(call *ast.CallExpr) bool { return byCall[call] != nil })
	if hit == nil {
		return nil
	}
	return byCall[hit]
}

// entHandle records how the code refers to the lookup's results:
// u, err := q.Only(ctx); n := q.CountX(ctx); or the call used directly.
func (fc *fnCtx) entHandle(l *entCall) *flow.Handle {
	info := fc.Info
	m := entLookupMethods[l.name]
	h := flow.NewHandle(l.call)
	h.ErrOnMiss = m.errOnMiss
	valueVars := map[entResult]map[types.Object]bool{
		entNilOnMiss:  h.Nils,
		entZeroOnMiss: h.Counts,
		entCountOf:    h.Counts,
		entExists:     h.Exists,
	}
	var e ast.Node = l.call
	for {
		if p, ok := fc.Parent(e).(*ast.ParenExpr); ok {
			e = p
			continue
		}
		break
	}
	var lhs []ast.Expr
	switch p := fc.Parent(e).(type) {
	case *ast.AssignStmt:
		if len(p.Rhs) == 1 {
			lhs = p.Lhs
		}
	case *ast.ValueSpec:
		if len(p.Values) == 1 {
			for _, id := range p.Names {
				lhs = append(lhs, id)
			}
		}
	default:
		h.CallMiss = entMiss[m.result]
	}
	if len(lhs) >= 1 {
		if obj := flow.ObjectOf(info, lhs[0]); obj != nil {
			valueVars[m.result][obj] = true
		}
	}
	if len(lhs) == 2 {
		if obj := flow.ObjectOf(info, lhs[1]); obj != nil {
			h.Errs[obj] = true
		}
	}
	return h
}

// entMiss maps a lookup's result to what it holds on a miss.
var entMiss = map[entResult]flow.MissValue{
	entNilOnMiss:  flow.MissNil,
	entZeroOnMiss: flow.MissZero,
	entCountOf:    flow.MissZero,
	entExists:     flow.MissFalse,
}

// resolveEnt turns an ent get-or-create into a site.Site: the entity's
// table, the columns its predicates pin and the keys ent declares.
func (fc *fnCtx) resolveEnt(l, ins *entCall) *site.Site {
	f := fc.lookupSite(l)
	f.What = l.name + " then " + entInsertName(ins)
	f.Insert = ins.call
	if !f.Why.Unknown() {
		f.OwnKeys = fc.r.entTables(l.entity)
	}
	return f
}

// lookupSite is the lookup's part of a site: the entity's table and the
// columns its predicates pin. The keys ent declares are read apart: they
// take reading the generated sources.
func (fc *fnCtx) lookupSite(l *entCall) *site.Site {
	f := fc.lookupBase(l)
	fc.readLookup(f, l)
	return f
}

// lookupBase is what a lookup's site holds before its predicates are
// read: the call and the entity's table.
func (fc *fnCtx) lookupBase(l *entCall) *site.Site {
	e := l.entity
	return &site.Site{
		Node:  site.ReportNode(l.call),
		Stmt:  fc.EnclosingStmt(l.call),
		What:  l.name,
		Table: e.table,
		Model: e.name,
		Fix:   entFixer{entity: e},
	}
}

// readLookup reads the lookup's predicates into f: the columns they pin,
// or why they are unknown. Predicates may take reading the generated
// entity package's source.
func (fc *fnCtx) readLookup(f *site.Site, l *entCall) {
	e := l.entity
	lc := conds.Conds{Table: e.table}
	var q entQuery
	if sel, ok := ast.Unparen(l.call.Fun).(*ast.SelectorExpr); ok {
		q = fc.entQueryOf(e, sel.X)
	}
	for _, p := range q.preds {
		fc.entPredicate(&lc, e, p, 0)
	}
	switch {
	case e.pkg == nil || e.table == "":
		f.Why.Set("the generated package of " + e.name + " was not found")
	case q.unknown.Unknown():
		f.Why = q.unknown
	case len(q.preds) == 0:
		f.Why.Set("the query has no predicates")
	}
	f.Lookup = schema.Lookup{Terms: lc.Terms}
	f.Unsupported = lc.Unsupported
}

// entInsertName names the insert for messages: Create or CreateBulk.
func entInsertName(ins *entCall) string {
	if ins.recv == ins.entity.createBulk {
		return "CreateBulk"
	}
	return "Create"
}
