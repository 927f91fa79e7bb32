package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/gorm"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/site"
	"github.com/getorcreatelint/getorcreatelint/schema"
)

// gormSite is a GORM get-or-create: a lookup and, unless the lookup is
// FirstOrCreate, the insert that completes it.
type gormSite struct {
	lookup *gormCall
	create *gormCall
}

// resolveGorm turns a GORM site into a site.Site: model, table and what
// the lookup's WHERE clause pins down.
func (fc *funcCtx) resolveGorm(s gormSite) *site.Site {
	l := s.lookup
	f := &site.Site{
		Node:  site.ReportNode(l.call),
		Stmt:  fc.enclosingStmt(l.call),
		What:  l.name,
		Table: l.entity.table,
	}
	if s.create != nil {
		f.What = l.name + " then " + s.create.name
		f.Insert = s.create.call
	}
	var model *gormModelInfo
	if l.entity.named != nil {
		model = fc.c.gormModel(l.entity.named)
	}
	fixer := gorm.Fixer{Files: fc.c.pass.Files}
	if model != nil && model.schema != nil {
		f.Model = model.schema.Model
		fixer.Schema = model.schema
		fixer.Model = l.entity.named
		fixer.InScope = l.entity.named.Obj().Pkg() == fc.c.pass.Pkg
		f.OwnKeys = ownGormKeys(model.schema, f.Table)
	}
	f.Fix = fixer
	switch {
	case l.chain.unknown != "":
		f.Why.Set(l.chain.unknown)
	case model != nil && model.tableUnknown && !l.chain.tableSet:
		f.Why.Set("TableName() of " + l.entity.named.Obj().Name() + " does not return a constant")
	case f.Table == "":
		f.Why.Set("the model or table is unknown")
	}

	lc := lookupConds{table: f.Table}
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
				f.SoftDelete, f.LiveOnly = sd.Column, sd.Column
			case schema.SoftDeleteZero:
				lc.add(schema.Term{Column: sd.Column, Value: "0"})
				f.LiveOnly = sd.Column
			}
		}
	}
	f.Why.Set(lc.unknown)
	f.Lookup = schema.Lookup{Terms: lc.terms, Predicates: lc.predicates}
	f.Unsupported = lc.unsupported
	f.Dropped = lc.dropped
	return f
}

// ownGormKeys returns the keys the model's tags declare when the model's
// table is the one the call uses (Table(...) may name another).
func ownGormKeys(gs *schema.GORMSchema, table string) []*schema.Table {
	if schema.TableKey(gs.Table.Name) != schema.TableKey(table) {
		return nil
	}
	return []*schema.Table{gs.Table}
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
