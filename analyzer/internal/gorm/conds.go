package gorm

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/conds"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
	"github.com/getorcreatelint/getorcreatelint/schema"
)

// gormCondition reads one condition group, as GORM's BuildCondition does:
// args[0] is a query (SQL string, struct, map, primary-key value) and the
// rest its values. model is the lookup's model, used for primary keys.
func (fc *fnCtx) gormCondition(lc *conds.Conds, model *gormModelInfo, args []ast.Expr) {
	if len(args) == 0 {
		return
	}
	info := fc.Info
	query, values := ast.Unparen(args[0]), args[1:]
	tv := info.Types[query]
	if tv.Value != nil {
		switch tv.Value.Kind() {
		case constant.String:
			fc.gormStringCondition(lc, model, constant.StringVal(tv.Value), values)
		case constant.Int:
			fc.primaryKeyTerms(lc, model, tv.Value.ExactString())
		default:
			lc.Why.Set("the condition is a constant of an unexpected kind")
		}
		return
	}
	if tv.IsNil() {
		return // GORM skips nil conditions
	}
	t := tv.Type
	if t == nil {
		lc.Why.Set("the condition has no type")
		return
	}
	if b, ok := t.Underlying().(*types.Basic); ok {
		switch {
		case b.Info()&types.IsInteger != 0:
			fc.primaryKeyTerms(lc, model, "")
		default:
			lc.Why.Set("the condition is not a constant string")
		}
		return
	}
	lit := conds.CompositeLit(query)
	if lit == nil {
		lit = fc.literalHeldBy(query)
	}
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Struct:
		if flow.IsNamed(t, gormPath+"/clause", "Eq") && lit != nil {
			fc.clauseEq(lc, lit)
			return
		}
		named := flow.NamedOf(t)
		if lit == nil || named == nil {
			lc.Why.Set("the struct condition is not a literal")
			return
		}
		fc.structCondition(lc, fc.r.model(named), lit, values)
	case *types.Map:
		if lit == nil {
			lc.Why.Set("the map condition is not a literal")
			return
		}
		fc.mapCondition(lc, lit)
	default:
		lc.Why.Set("the condition's type is " + types.TypeString(t, types.RelativeTo(fc.Pkg)))
	}
}

// gormStringCondition follows BuildCondition's reading of a string query.
func (fc *fnCtx) gormStringCondition(lc *conds.Conds, model *gormModelInfo, s string, values []ast.Expr) {
	if _, err := strconv.Atoi(s); err == nil {
		fc.primaryKeyTerms(lc, model, s)
		return
	}
	switch {
	case s == "" && len(values) == 0:
		return
	case len(values) == 0 || strings.Contains(s, "?"),
		strings.Contains(s, "@"),
		strings.Contains(strings.TrimSpace(s), " "):
		fc.sqlCondition(lc, s, values)
	case len(values) == 1:
		// Where("email", e) is clause.Eq{Column: "email"}.
		col := s
		if i := strings.LastIndexByte(col, '.'); i >= 0 {
			if q := col[:i]; q != "" && lc.Table != "" && schema.TableKey(q) != schema.TableKey(lc.Table) {
				lc.Why.Set("a condition names another table (" + q + ")")
				return
			}
			col = col[i+1:]
		}
		if strings.TrimSpace(col) == "" {
			// Where("", v) or Where("t.", v): GORM sends a column without
			// a name, which the database rejects.
			lc.Why.Set("the condition names no column")
			return
		}
		t := schema.Term{Column: col}
		conds.DescribeValue(fc.Info, &t, values[0])
		lc.Add(t)
	default:
		lc.Why.Set("the condition is a list of primary keys")
	}
}

// sqlCondition reads a SQL fragment such as "email = ? AND tenant_id = ?".
func (fc *fnCtx) sqlCondition(lc *conds.Conds, s string, values []ast.Expr) {
	lc.AddWhere(fc.Info, conds.ParseFragment(s), values, true)
}

// primaryKeyTerms pins the model's primary key: First(&u, 10) or a numeric
// string condition.
func (fc *fnCtx) primaryKeyTerms(lc *conds.Conds, model *gormModelInfo, value string) {
	if model == nil || model.schema == nil {
		lc.Why.Set("the primary key of the model is unknown")
		return
	}
	pk := model.schema.PrimaryKey()
	if len(pk) == 0 {
		lc.Why.Set(model.schema.Model + " has no primary key")
		return
	}
	for _, c := range pk {
		lc.Add(schema.Term{Column: c.Column, Value: value})
	}
}

// structCondition reads Where(User{Email: e}): GORM keeps the non-zero
// fields only, unless the following string arguments select columns.
func (fc *fnCtx) structCondition(lc *conds.Conds, model *gormModelInfo, lit *ast.CompositeLit, values []ast.Expr) {
	if model == nil || model.schema == nil {
		lc.Why.Set("the struct condition's type is not a model")
		return
	}
	selected := map[string]bool{}
	for _, v := range values {
		tv := fc.Info.Types[v]
		if tv.Value == nil || tv.Value.Kind() != constant.String {
			lc.Why.Set("the struct condition selects columns that are not constants")
			return
		}
		selected[constant.StringVal(tv.Value)] = true
	}
	set := map[string]ast.Expr{}
	if !fc.literalFields(lc, lit, nil, set) {
		return
	}
	for _, col := range model.schema.Columns {
		key := strings.Join(col.Path, ".")
		value, has := set[key]
		if len(selected) > 0 {
			if selected[col.Column] || selected[col.Field()] {
				t := schema.Term{Column: col.Column}
				if has {
					conds.DescribeValue(fc.Info, &t, value)
				}
				lc.Add(t)
			}
			continue
		}
		if !has {
			continue
		}
		if conds.IsZeroValue(fc.Info, value) {
			lc.Dropped = append(lc.Dropped, col.Field())
			continue
		}
		t := schema.Term{Column: col.Column}
		if tv := fc.Info.Types[value]; tv.Value != nil {
			t.Value = conds.ConstantText(tv.Value)
		}
		lc.Add(t)
	}
}

// literalFields collects the keyed fields of a struct literal by field path,
// descending into literals of embedded structs.
func (fc *fnCtx) literalFields(lc *conds.Conds, lit *ast.CompositeLit, path []string, out map[string]ast.Expr) bool {
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			lc.Why.Set("the struct condition has unkeyed fields")
			return false
		}
		id, ok := kv.Key.(*ast.Ident)
		if !ok {
			continue
		}
		p := append(append([]string(nil), path...), id.Name)
		if inner := conds.CompositeLit(kv.Value); inner != nil {
			if _, isStruct := fc.Info.TypeOf(inner).Underlying().(*types.Struct); isStruct && !conds.IsColumnType(fc.Info.TypeOf(inner)) {
				if !fc.literalFields(lc, inner, p, out) {
					return false
				}
				continue
			}
		}
		out[strings.Join(p, ".")] = kv.Value
	}
	return true
}

// mapCondition reads Where(map[string]any{"email": e}): every key counts,
// zero values included; nil means IS NULL and a slice means IN.
func (fc *fnCtx) mapCondition(lc *conds.Conds, lit *ast.CompositeLit) {
	info := fc.Info
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		ktv := info.Types[kv.Key]
		if ktv.Value == nil || ktv.Value.Kind() != constant.String {
			lc.Why.Set("a map condition key is not a constant string")
			return
		}
		col := constant.StringVal(ktv.Value)
		if i := strings.LastIndexByte(col, '.'); i >= 0 {
			// GORM keeps "t.col" as written; a key without a table is
			// qualified with the model's.
			if q := col[:i]; lc.Table != "" && schema.TableKey(q) != schema.TableKey(lc.Table) {
				lc.Why.Set("a condition names another table (" + q + ")")
				return
			}
			col = col[i+1:]
		}
		t := schema.Term{Column: col}
		vtv := info.Types[kv.Value]
		if vtv.Type != nil && !vtv.IsNil() {
			if _, isSlice := vtv.Type.Underlying().(*types.Slice); isSlice && !conds.IsColumnType(vtv.Type) {
				lc.Unsupported = append(lc.Unsupported, "IN")
				continue
			}
		}
		if vtv.IsNil() {
			t.IsNull = true
		} else {
			conds.DescribeValue(fc.Info, &t, kv.Value)
		}
		lc.Add(t)
	}
}

// clauseEq reads clause.Eq{Column: "email", Value: e}.
func (fc *fnCtx) clauseEq(lc *conds.Conds, lit *ast.CompositeLit) {
	info := fc.Info
	var t schema.Term
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			lc.Why.Set("clause.Eq has unkeyed fields")
			return
		}
		switch key, _ := kv.Key.(*ast.Ident); {
		case key == nil:
		case key.Name == "Column":
			tv := info.Types[kv.Value]
			if tv.Value == nil || tv.Value.Kind() != constant.String {
				lc.Why.Set("clause.Eq's column is not a constant string")
				return
			}
			t.Column = constant.StringVal(tv.Value)
		case key.Name == "Value":
			conds.DescribeValue(fc.Info, &t, kv.Value)
		}
	}
	if t.Column == "" {
		lc.Why.Set("clause.Eq has no column")
		return
	}
	lc.Add(t)
}

// joinedCondition checks a condition group of a query that joins other
// tables. GORM qualifies struct fields and map keys with the model's
// table, but a column written in SQL without a table may be the joined
// table's: it counts only when the model has it (the base table's column,
// or a query the database rejects as ambiguous).
func (fc *fnCtx) joinedCondition(lc *conds.Conds, model *gormModelInfo, args []ast.Expr) {
	if len(args) == 0 {
		return
	}
	tv := fc.Info.Types[ast.Unparen(args[0])]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return // struct, map, clause.Eq and primary keys name the model's table
	}
	s := constant.StringVal(tv.Value)
	var cols []string
	if len(args) == 2 && !strings.ContainsAny(s, "?@ ") {
		if !strings.Contains(s, ".") {
			cols = []string{s} // Where("email", e)
		}
	} else {
		for _, c := range conds.ParseFragment(s).Conds {
			if c.Qualifier == "" {
				cols = append(cols, c.Columns...)
			}
		}
	}
	for _, col := range cols {
		if model == nil || model.schema == nil {
			lc.Why.Set("the query joins another table and the model's columns are unknown")
			return
		}
		if _, ok := model.schema.ByColumn(strings.ToLower(col)); !ok {
			lc.Why.Set("the query joins another table and " + col + " is not a column of " + model.schema.Model)
			return
		}
	}
}

// readWhole reports whether a use of a condition variable only reads its
// value: not v.f = x, v[k] = x, &v, v.M(), *v, range v or a store to v; and
// for a map or pointer, nothing but an argument of a GORM call (anything
// else may keep an alias that changes it).
func (fc *fnCtx) readWhole(use *ast.Ident, parent ast.Node, shared bool) bool {
	switch p := parent.(type) {
	case *ast.CallExpr:
		if ast.Unparen(p.Fun) == use {
			return false
		}
		if shared {
			_, _, _, isGorm := methodRole(flow.Callee(fc.Info, p))
			return isGorm
		}
		return true
	case *ast.AssignStmt:
		for _, lhs := range p.Lhs {
			if lhs == use {
				return false
			}
		}
		return !shared
	case *ast.SelectorExpr, *ast.IndexExpr, *ast.UnaryExpr, *ast.StarExpr, *ast.ParenExpr,
		*ast.IncDecStmt, *ast.RangeStmt:
		return false
	}
	return !shared
}

// repeatsWithout reports whether a loop or a function literal holds n but
// not pos: n may run again after what follows it.
func (fc *fnCtx) repeatsWithout(n ast.Node, pos token.Pos) bool {
	for p := fc.Parent(n); p != nil; p = fc.Parent(p) {
		switch p.(type) {
		case *ast.ForStmt, *ast.RangeStmt, *ast.FuncLit:
			if pos < p.Pos() || pos >= p.End() {
				return true
			}
		}
	}
	return false
}

// literalHeldBy returns the struct or map literal a local variable holds
// when it is assigned once, from that literal, and then only read whole
// up to the lookup: no field or key is stored, its address is not taken,
// no method is called on it, and a map or pointer is passed to nothing but
// GORM.
func (fc *fnCtx) literalHeldBy(e ast.Expr) *ast.CompositeLit {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := fc.Info.Uses[id].(*types.Var)
	if !ok || v.IsField() || v.Parent() == v.Pkg().Scope() {
		return nil
	}
	stores := fc.Assigns()[v]
	if len(stores) != 1 || stores[0].Addr || stores[0].InLit {
		return nil
	}
	store, status := fc.Assigns().LastStore(v, id.Pos())
	if status != flow.StoreFound {
		return nil
	}
	lit := conds.CompositeLit(store.RHS)
	if lit == nil {
		return nil
	}
	var shared bool // a map or a pointer: a callee can change what it holds
	switch v.Type().Underlying().(type) {
	case *types.Map, *types.Pointer:
		shared = true
	}
	// Uses after the lookup's statement run after it (return p, err),
	// unless a loop or a function literal runs the lookup again.
	after := token.NoPos
	if !fc.repeatsWithout(id, store.Pos) {
		after = fc.EnclosingStmt(id).End()
	}
	for c := range fc.Root().Preorder((*ast.Ident)(nil)) {
		use := c.Node().(*ast.Ident)
		if use == store.LHS || fc.Info.Uses[use] != v || after.IsValid() && use.Pos() >= after {
			continue
		}
		if !fc.readWhole(use, c.Parent().Node(), shared) {
			return nil
		}
	}
	return lit
}
