package gorm

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/conds"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/site"
	"github.com/getorcreatelint/getorcreatelint/schema"
)

// gormSite is a GORM get-or-create: a lookup and, unless the lookup is
// FirstOrCreate, the insert that completes it.
type gormSite struct {
	lookup *gormCall
	create *gormCall
	// collected: the lookup runs in a loop whose not-found path appends
	// the row to a slice, and create inserts the slice after the loop.
	collected bool
}

// resolveGorm turns a GORM site into a site.Site: model, table and what
// the lookup's WHERE clause pins down.
func (fc *fnCtx) resolveGorm(s gormSite) *site.Site {
	l := s.lookup
	f := &site.Site{
		Node:  site.ReportNode(l.call),
		Stmt:  fc.EnclosingStmt(l.call),
		What:  l.name,
		Table: l.entity.table,
	}
	if l.raw != nil {
		f.What = "Raw " + l.name
	}
	switch {
	case s.collected:
		f.What += ", collecting misses, then " + s.create.name
		f.Insert = s.create.call
	case s.create != nil:
		f.What += " then " + s.create.name
		f.Insert = s.create.call
	}
	named := l.entity.named
	if named == nil && l.raw != nil && s.create != nil && s.create.entity.named != nil {
		// Raw(...).Row() or a COUNT scanned into a number: the model is
		// the insert's, which rawEntity matched to the SQL's table.
		if e := fc.rawEntity(l, s.create.entity.named); e.named != nil {
			named = e.named
		}
	}
	var model *gormModelInfo
	if named != nil {
		model = fc.r.model(named)
	}
	fixer := Fixer{Files: fc.r.pass.Files}
	if model != nil && model.schema != nil {
		f.Model = model.schema.Model
		fixer.Schema = model.schema
		fixer.Model = named
		fixer.InScope = named.Obj().Pkg() == fc.Pkg
		f.OwnKeys = ownGormKeys(model.schema, f.Table)
	}
	f.Fix = fixer
	switch {
	case l.raw != nil && l.raw.why != "":
		f.Why.Set(l.raw.why)
	case l.chain.unknown.Unknown():
		f.Why = l.chain.unknown
	case model != nil && model.tableUnknown && !l.chain.tableSet:
		f.Why.Set("TableName() of " + named.Obj().Name() + " does not return a constant")
	case f.Table == "" && !l.modelFromCaller:
		f.Why.Set("the model or table is unknown")
	}

	lc := conds.Conds{Table: f.Table}
	if l.raw != nil {
		// GORM runs the SQL as written: no Where, no primary key of the
		// destination, no soft-delete filter.
		lc.AddWhere(fc.Info, l.raw.q.Where, l.raw.args, false)
		f.Why.Set(string(lc.Why))
		f.Lookup = lc.Lookup()
		f.Unsupported = lc.Unsupported
		return f
	}
	for _, g := range l.chain.wheres {
		g.in.gormCondition(&lc, model, g.args)
		if l.chain.joined {
			g.in.joinedCondition(&lc, model, g.args)
		}
	}
	if !l.generic && l.name != "Count" && len(l.call.Args) > 1 && !l.paramInline {
		fc.gormCondition(&lc, model, l.call.Args[1:])
	}
	if model != nil && model.schema != nil {
		fc.destPrimaryKey(&lc, model, l)
		if !l.chain.unscoped && !l.chain.tableSet {
			softDeleteTerm(&lc, f, model)
		}
	}
	f.Why.Set(string(lc.Why))
	f.Lookup = schema.Lookup{Terms: lc.Terms, Predicates: lc.Predicates}
	f.Unsupported = lc.Unsupported
	f.Dropped = lc.Dropped
	if l.chain.negated && len(f.KeyTerms()) == 0 {
		// Not alone: the lookup matches rows by what they are not, which
		// no key can pin.
		f.Why.Set("the lookup has only negated conditions")
	}
	return f
}

// softDeleteTerm adds the filter GORM adds to a query of a soft-deleting
// model.
func softDeleteTerm(lc *conds.Conds, f *site.Site, model *gormModelInfo) {
	sd := model.schema.SoftDelete
	if sd == nil {
		return
	}
	switch sd.SoftDelete {
	case schema.SoftDeleteNull:
		lc.Add(schema.Term{Column: sd.Column, IsNull: true})
		f.SoftDelete, f.LiveOnly = sd.Column, sd.Column
	case schema.SoftDeleteZero:
		lc.Add(schema.Term{Column: sd.Column, Value: "0"})
		f.LiveOnly = sd.Column
	}
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
func (fc *fnCtx) destPrimaryKey(lc *conds.Conds, model *gormModelInfo, l *gormCall) {
	dest := l.value()
	if dest == nil {
		return
	}
	lit := conds.CompositeLit(dest)
	if lit == nil {
		v, ok := flow.ObjectOf(fc.Info, conds.StripAddr(dest)).(*types.Var)
		if !ok {
			return
		}
		if store, status := fc.Assigns().LastStore(v, l.call.Pos()); status == flow.StoreFound {
			lit = conds.CompositeLit(store.RHS)
		}
	}
	if lit == nil {
		return
	}
	set := map[string]ast.Expr{}
	var scratch conds.Conds
	if !fc.literalFields(&scratch, lit, nil, set) {
		return
	}
	for _, pk := range model.schema.PrimaryKey() {
		v, ok := set[strings.Join(pk.Path, ".")]
		if !ok || conds.IsZeroValue(fc.Info, v) {
			return
		}
	}
	for _, pk := range model.schema.PrimaryKey() {
		lc.Add(schema.Term{Column: pk.Column})
	}
}
