package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/schema"
)

// site is a GORM get-or-create: a lookup and, unless the lookup is
// FirstOrCreate, the insert that completes it.
type site struct {
	lookup *gormCall
	create *gormCall
}

// resolveGorm turns a GORM site into a finding: model, table and what the
// lookup's WHERE clause pins down.
func (fc *funcCtx) resolveGorm(s site) finding {
	l := s.lookup
	f := finding{
		node:  reportNode(l.call),
		stmt:  fc.enclosingStmt(l.call),
		what:  l.name,
		table: l.entity.table,
		orm:   ormGORM,
	}
	if s.create != nil {
		f.what = l.name + " then " + s.create.name
		f.create = s.create.call
	}
	var model *gormModelInfo
	if l.entity.named != nil {
		model = fc.c.gormModel(l.entity.named)
	}
	if model != nil && model.schema != nil {
		f.model = model.schema.Model
		f.gorm = model.schema
		f.modelType = l.entity.named
		f.modelInScope = l.entity.named.Obj().Pkg() == fc.c.pass.Pkg
	}
	switch {
	case l.chain.unknown != "":
		f.unknown = l.chain.unknown
	case model != nil && model.tableUnknown && !l.chain.tableSet:
		f.unknown = "TableName() of " + l.entity.named.Obj().Name() + " does not return a constant"
	case f.table == "":
		f.unknown = "the model or table is unknown"
	}

	lc := lookupConds{table: f.table}
	for _, args := range l.chain.wheres {
		fc.gormCondition(&lc, model, args)
	}
	if l.name != "Count" && len(l.call.Args) > 1 {
		fc.gormCondition(&lc, model, l.call.Args[1:])
	}
	if model != nil && model.schema != nil {
		fc.destPrimaryKey(&lc, model, l)
		if sd := model.schema.SoftDelete; sd != nil && !l.chain.unscoped && !l.chain.tableSet {
			switch sd.SoftDelete {
			case schema.SoftDeleteNull:
				lc.add(schema.Term{Column: sd.Column, IsNull: true})
				f.softDelete, f.liveOnly = sd.Column, sd.Column
			case schema.SoftDeleteZero:
				lc.add(schema.Term{Column: sd.Column, Value: "0"})
				f.liveOnly = sd.Column
			}
		}
	}
	if f.unknown == "" {
		f.unknown = lc.unknown
	}
	f.lookup = schema.Lookup{Terms: lc.terms, Predicates: lc.predicates}
	f.unsupported = lc.unsupported
	f.dropped = lc.dropped
	return f
}

// destPrimaryKey adds the primary key when the destination visibly has one
// set: GORM then adds it to the lookup's conditions. A destination built
// elsewhere (a parameter, a field) is taken to be empty, as get-or-create
// callers pass a fresh struct.
func (fc *funcCtx) destPrimaryKey(lc *lookupConds, model *gormModelInfo, l *gormCall) {
	dest := l.value()
	if dest == nil {
		return
	}
	lit := compositeLit(dest)
	if lit == nil {
		v, ok := objectOf(fc.c.pass.TypesInfo, stripAddr(dest)).(*types.Var)
		if !ok {
			return
		}
		if store, status := fc.assigns().lastStore(v, l.call.Pos()); status == storeFound {
			lit = compositeLit(store.rhs)
		}
	}
	if lit == nil {
		return
	}
	set := map[string]ast.Expr{}
	var scratch lookupConds
	if !fc.literalFields(&scratch, lit, nil, set) {
		return
	}
	for _, pk := range model.schema.PrimaryKey() {
		v, ok := set[strings.Join(pk.Path, ".")]
		if !ok || fc.isZeroValue(v) {
			return
		}
	}
	for _, pk := range model.schema.PrimaryKey() {
		lc.add(schema.Term{Column: pk.Column})
	}
}

func stripAddr(e ast.Expr) ast.Expr {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		return ast.Unparen(u.X)
	}
	return e
}

// reportNode is the part of a call a diagnostic points at: from the method
// name to the closing parenthesis.
func reportNode(call *ast.CallExpr) ast.Node {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		return rangeNode{sel.Sel.Pos(), call.End()}
	}
	return call
}

type rangeNode struct{ pos, end token.Pos }

func (r rangeNode) Pos() token.Pos { return r.pos }
func (r rangeNode) End() token.Pos { return r.end }
