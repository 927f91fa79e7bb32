package gorm

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/conds"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/site"
	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// gormOnConflict is a clause.OnConflict literal read field by field.
type gormOnConflict struct {
	columns      []string // target items: column names, or SQL for Raw columns
	doNothing    bool
	updateAll    bool
	onConstraint string // OnConstraint
	targetWhere  string // TargetWhere's SQL when it could be read
	whereUnread  bool   // TargetWhere is set but could not be read
}

// gormUpserts finds Create calls whose chain adds a
// clause.OnConflict, in the SQL GORM writes for the dialect (v1.31 with
// its postgres, sqlite and mysql drivers):
//
//   - PostgreSQL, SQLite: ON CONFLICT (Columns) [WHERE TargetWhere]
//     DO NOTHING | DO UPDATE SET ...; with UpdateAll and no Columns the
//     target is the primary key; with no Columns otherwise, no target.
//   - MySQL: ON DUPLICATE KEY UPDATE, whatever the Columns.
//
// With an unknown dialect only the form every driver shares is checked:
// DoNothing without Columns, which relies on any unique key.
func (fc *fnCtx) gormUpserts() []*site.Upsert {
	var out []*site.Upsert
	for _, c := range fc.calls {
		name, role, generic, ok := methodRole(c.Fn)
		if !ok || role != gormCreate || name == "Save" || len(c.Expr.Args) == 0 {
			continue
		}
		sel, ok := ast.Unparen(c.Expr.Fun).(*ast.SelectorExpr)
		if !ok {
			continue
		}
		if oc := fc.onConflictIn(sel.X); oc != nil {
			if u := fc.gormUpsert(c.Expr, name, generic, oc); u != nil {
				out = append(out, u)
			}
		}
	}
	return out
}

func (fc *fnCtx) gormUpsert(call *ast.CallExpr, name string, generic bool, oc *gormOnConflict) *site.Upsert {
	g := fc.newGormCall(call, name, gormCreate, generic)
	if g.entity.table == "" || g.chain.unknown.Unknown() {
		return nil
	}
	var model *gormModelInfo
	if g.entity.named != nil {
		model = fc.r.model(g.entity.named)
	}
	u := &site.Upsert{
		Node:              site.ReportNode(call),
		Stmt:              fc.EnclosingStmt(call),
		Call:              name,
		Table:             g.entity.table,
		TargetWhereUnread: oc.whereUnread,
		SetsPK:            func([]string) (bool, bool) { return false, false },
	}
	fixer := Fixer{Files: fc.r.pass.Files}
	if model != nil && model.schema != nil {
		fixer.Schema = model.schema
		u.OwnKeys = ownGormKeys(model.schema, u.Table)
		u.SetsPK = func([]string) (bool, bool) { return fc.gormSetsPK(model, g.value(), call.Pos()) }
	}
	u.Fix = fixer
	u.Dialect = fc.r.dialect()
	switch u.Dialect {
	case sqlscan.MySQL:
		u.Kind = sqlscan.OnDuplicateKey
	case sqlscan.Postgres, sqlscan.SQLite:
		cf := sqlscan.Conflict{Constraint: oc.onConstraint, DoNothing: oc.doNothing, Where: oc.targetWhere}
		if oc.targetWhere != "" {
			cf.WhereToks = sqlscan.Lex(oc.targetWhere, u.Dialect)
			cf.WhereToks = cf.WhereToks[:len(cf.WhereToks)-1]
		}
		cf.Target = oc.columns
		if len(cf.Target) == 0 && oc.updateAll && cf.Constraint == "" {
			if fixer.Schema == nil {
				return nil
			}
			for _, pk := range fixer.Schema.PrimaryKey() {
				cf.Target = append(cf.Target, pk.Column)
			}
		}
		u.Kind, u.Conflicts = sqlscan.OnConflict, []sqlscan.Conflict{cf}
	default:
		if len(oc.columns) > 0 || !oc.doNothing || oc.updateAll || oc.onConstraint != "" {
			return nil
		}
		u.Kind, u.Conflicts = sqlscan.OnConflict, []sqlscan.Conflict{{DoNothing: true}}
	}
	u.What = "clause.OnConflict (" + gormUpsertSQL(u) + ")"
	return u
}

// gormUpsertSQL renders the clause GORM writes, for messages.
func gormUpsertSQL(u *site.Upsert) string {
	if u.Kind != sqlscan.OnConflict {
		return u.Kind.String()
	}
	cf := u.Conflicts[0]
	where := ""
	if cf.Constraint == "" && len(cf.Target) > 0 {
		where = cf.Where // GORM writes TargetWhere after the columns only
	}
	return cf.Clause(where)
}

// onConflictIn walks a Create's receiver chain back, through *gorm.DB
// method calls and local variables, to the Clauses call that applies a
// clause.OnConflict (the last one applied wins). It returns nil when there
// is none, or when the clause is not a literal it can read.
func (fc *fnCtx) onConflictIn(recv ast.Expr) *gormOnConflict {
	info := fc.Info
	pos := recv.Pos()
	e := recv
	for range 1000 {
		switch x := ast.Unparen(e).(type) {
		case *ast.CallExpr:
			callee := flow.Callee(info, x)
			if isGenericEntry(callee) {
				// gorm.G[T](db, opts...) starts the chain; its clauses
				// apply to every query.
				if len(x.Args) < 2 {
					return nil
				}
				oc, _ := fc.lastOnConflict(x.Args[1:])
				return oc
			}
			name, _, _, ok := methodRole(callee)
			sel, isSel := ast.Unparen(x.Fun).(*ast.SelectorExpr)
			if !ok || !isSel {
				return nil
			}
			if name == "Clauses" {
				if oc, found := fc.lastOnConflict(x.Args); found {
					return oc
				}
			}
			e = sel.X
		case *ast.Ident:
			v, ok := info.ObjectOf(x).(*types.Var)
			if !ok || v.IsField() || v.Parent() == v.Pkg().Scope() {
				return nil
			}
			store, status := fc.Assigns().LastStore(v, pos)
			if status != flow.StoreFound {
				return nil
			}
			e, pos = store.RHS, store.Pos
		default:
			return nil
		}
	}
	return nil
}

// lastOnConflict reads the last clause.OnConflict among clause arguments;
// found is false when there is none.
func (fc *fnCtx) lastOnConflict(args []ast.Expr) (oc *gormOnConflict, found bool) {
	for i := len(args) - 1; i >= 0; i-- {
		if flow.IsNamed(fc.Info.TypeOf(args[i]), gormPath+"/clause", "OnConflict") {
			return fc.readOnConflict(args[i]), true
		}
	}
	return nil, false
}

// readOnConflict reads a clause.OnConflict{...} literal; nil when a field
// that decides the SQL is not a constant.
func (fc *fnCtx) readOnConflict(e ast.Expr) *gormOnConflict {
	info := fc.Info
	lit := conds.CompositeLit(e)
	if lit == nil {
		return nil
	}
	oc := &gormOnConflict{}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return nil
		}
		key, _ := kv.Key.(*ast.Ident)
		if key == nil {
			return nil
		}
		tv := info.Types[kv.Value]
		switch key.Name {
		case "Columns":
			cols, ok := fc.clauseColumns(kv.Value)
			if !ok {
				return nil
			}
			oc.columns = cols
		case "DoNothing", "UpdateAll":
			if tv.Value == nil || tv.Value.Kind() != constant.Bool {
				return nil
			}
			if key.Name == "DoNothing" {
				oc.doNothing = constant.BoolVal(tv.Value)
			} else {
				oc.updateAll = constant.BoolVal(tv.Value)
			}
		case "OnConstraint":
			if tv.Value == nil || tv.Value.Kind() != constant.String {
				return nil
			}
			oc.onConstraint = constant.StringVal(tv.Value)
		case "TargetWhere":
			oc.targetWhere, oc.whereUnread = fc.clauseWhereSQL(kv.Value)
		}
	}
	return oc
}

// clauseColumns reads []clause.Column{{Name: "email"}, ...}: the names,
// lower-cased as the database folds them, or for Raw columns their SQL.
func (fc *fnCtx) clauseColumns(e ast.Expr) ([]string, bool) {
	info := fc.Info
	lit := conds.CompositeLit(e)
	if lit == nil {
		return nil, false
	}
	var cols []string
	for _, elt := range lit.Elts {
		col := conds.CompositeLit(elt)
		if col == nil {
			return nil, false
		}
		var name string
		raw := false
		for _, f := range col.Elts {
			kv, ok := f.(*ast.KeyValueExpr)
			if !ok {
				return nil, false
			}
			key, _ := kv.Key.(*ast.Ident)
			tv := info.Types[kv.Value]
			switch {
			case key == nil:
				return nil, false
			case key.Name == "Name" && tv.Value != nil && tv.Value.Kind() == constant.String:
				name = constant.StringVal(tv.Value)
			case key.Name == "Raw" && tv.Value != nil && tv.Value.Kind() == constant.Bool:
				raw = constant.BoolVal(tv.Value)
			case key.Name == "Table" || key.Name == "Alias":
			default:
				return nil, false
			}
		}
		switch {
		case name == "":
			return nil, false
		case raw:
			cols = append(cols, sqlscan.Normalize(name, sqlscan.Generic))
		default:
			cols = append(cols, strings.ToLower(name))
		}
	}
	return cols, true
}

// clauseWhereSQL reads TargetWhere: clause.Where{Exprs: []clause.Expression{
// clause.Expr{SQL: "..."}, ...}} without bound values. unread is set for
// anything else.
func (fc *fnCtx) clauseWhereSQL(e ast.Expr) (sql string, unread bool) {
	info := fc.Info
	lit := conds.CompositeLit(e)
	if lit == nil {
		return "", true
	}
	var parts []string
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if key, _ := kv.Key.(*ast.Ident); !ok || key == nil || key.Name != "Exprs" {
			return "", true
		}
		exprs := conds.CompositeLit(kv.Value)
		if exprs == nil {
			return "", true
		}
		for _, x := range exprs.Elts {
			ex := conds.CompositeLit(x)
			if ex == nil || !flow.IsNamed(info.TypeOf(ex), gormPath+"/clause", "Expr") || len(ex.Elts) != 1 {
				return "", true
			}
			f, ok := ex.Elts[0].(*ast.KeyValueExpr)
			if key, _ := f.Key.(*ast.Ident); !ok || key == nil || key.Name != "SQL" {
				return "", true
			}
			tv := info.Types[f.Value]
			if tv.Value == nil || tv.Value.Kind() != constant.String {
				return "", true
			}
			parts = append(parts, constant.StringVal(tv.Value))
		}
	}
	if len(parts) == 0 {
		return "", false
	}
	return sqlscan.Normalize(strings.Join(parts, " AND "), sqlscan.Generic), false
}

// gormSetsPK tells whether GORM's INSERT of dest sets the primary key.
// GORM leaves out a zero auto-increment (integer) key and lets the
// database generate it. It is known only for a destination whose value is
// visible: a literal, or a local variable declared zero or assigned a
// literal, with no field stores to its key.
func (fc *fnCtx) gormSetsPK(model *gormModelInfo, dest ast.Expr, at token.Pos) (set, known bool) {
	info := fc.Info
	if dest == nil {
		return false, false
	}
	lit := conds.CompositeLit(dest)
	if lit == nil {
		v, ok := flow.ObjectOf(info, conds.StripAddr(dest)).(*types.Var)
		if !ok || v.IsField() || !fc.declaredZero(v) {
			return false, false
		}
		store, status := fc.Assigns().LastStore(v, at)
		switch status {
		case flow.StoreFound:
			if lit = conds.CompositeLit(store.RHS); lit == nil {
				return false, false
			}
		case flow.StoreConditional:
			return false, false
		}
		if fc.storesField(v, model.schema.PrimaryKey()) {
			return false, false
		}
	}
	fields := map[string]ast.Expr{}
	if lit != nil {
		var scratch conds.Conds
		if !fc.literalFields(&scratch, lit, nil, fields) {
			return false, false
		}
	}
	pk := model.schema.PrimaryKey()
	if len(pk) == 0 {
		return false, false
	}
	for _, col := range pk {
		if v, ok := fields[strings.Join(col.Path, ".")]; ok && !conds.IsZeroValue(fc.Info, v) {
			return true, true
		}
		if !isIntegerField(model.named, col.Field()) {
			return false, false // GORM inserts a zero non-integer key as it is
		}
	}
	return false, true
}

// declaredZero reports whether v is a local variable declared in the
// function (var v T, or v := ...), not a parameter or a result.
func (fc *fnCtx) declaredZero(v *types.Var) bool {
	for c := range fc.Root().Preorder((*ast.Ident)(nil)) {
		if fc.Info.Defs[c.Node().(*ast.Ident)] != v {
			continue
		}
		switch c.Parent().Node().(type) {
		case *ast.ValueSpec, *ast.AssignStmt:
			return true
		}
	}
	return false
}

// storesField reports whether the function assigns to one of the key's
// fields through v (v.ID = ..., v.Model.ID = ...).
func (fc *fnCtx) storesField(v *types.Var, pk []schema.GORMColumn) bool {
	names := map[string]bool{}
	for _, c := range pk {
		names[c.Field()] = true
	}
	for c := range fc.Root().Preorder((*ast.AssignStmt)(nil)) {
		for _, lhs := range c.Node().(*ast.AssignStmt).Lhs {
			sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
			if !ok || !names[sel.Sel.Name] {
				continue
			}
			root := sel.X
			for {
				inner, ok := ast.Unparen(root).(*ast.SelectorExpr)
				if !ok {
					break
				}
				root = inner.X
			}
			if flow.ObjectOf(fc.Info, root) == v {
				return true
			}
		}
	}
	return false
}

// isIntegerField reports whether the (possibly promoted) field of the
// struct type is an integer, which GORM makes auto-increment as a key.
func isIntegerField(named *types.Named, field string) bool {
	obj, _, _ := types.LookupFieldOrMethod(named, true, named.Obj().Pkg(), field)
	v, ok := obj.(*types.Var)
	if !ok {
		return false
	}
	b, ok := v.Type().Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}
