package analyzer

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// lookupConds accumulates what the conditions of one lookup pin down.
type lookupConds struct {
	terms       []schema.Term
	predicates  []string
	unsupported []string // conjuncts that are not equalities (OR, IN, LIKE, ...)
	unknown     string   // set when the conditions cannot be read at all
	dropped     []string // struct-condition fields GORM drops as zero values
	table       string   // the table qualifiers must name
}

func (lc *lookupConds) setUnknown(reason string) {
	if lc.unknown == "" {
		lc.unknown = reason
	}
}

func (lc *lookupConds) add(t schema.Term) {
	t.Column = strings.ToLower(t.Column)
	for i, old := range lc.terms {
		if old.Column == t.Column && old.Expr == t.Expr {
			// The same column twice: keep the stricter reading.
			lc.terms[i].IsNull = old.IsNull || t.IsNull
			lc.terms[i].MayBeNull = old.MayBeNull || t.MayBeNull
			if lc.terms[i].Value == "" {
				lc.terms[i].Value = t.Value
			}
			return
		}
	}
	lc.terms = append(lc.terms, t)
}

// gormCondition reads one condition group, as GORM's BuildCondition does:
// args[0] is a query (SQL string, struct, map, primary-key value) and the
// rest its values. model is the lookup's model, used for primary keys.
func (fc *funcCtx) gormCondition(lc *lookupConds, model *gormModelInfo, args []ast.Expr) {
	if len(args) == 0 {
		return
	}
	info := fc.c.pass.TypesInfo
	query, values := ast.Unparen(args[0]), args[1:]
	tv := info.Types[query]
	if tv.Value != nil {
		switch tv.Value.Kind() {
		case constant.String:
			fc.gormStringCondition(lc, model, constant.StringVal(tv.Value), values)
		case constant.Int:
			fc.primaryKeyTerms(lc, model, tv.Value.ExactString())
		default:
			lc.setUnknown("the condition is a constant of an unexpected kind")
		}
		return
	}
	if tv.IsNil() {
		return // GORM skips nil conditions
	}
	t := tv.Type
	if t == nil {
		lc.setUnknown("the condition has no type")
		return
	}
	if b, ok := t.Underlying().(*types.Basic); ok {
		switch {
		case b.Info()&types.IsInteger != 0:
			fc.primaryKeyTerms(lc, model, "")
		default:
			lc.setUnknown("the condition is not a constant string")
		}
		return
	}
	lit := compositeLit(query)
	switch u := t.Underlying().(type) {
	case *types.Pointer, *types.Struct:
		if isNamed(t, gormPath+"/clause", "Eq") && lit != nil {
			fc.clauseEq(lc, lit)
			return
		}
		named := namedOf(t)
		if lit == nil || named == nil {
			lc.setUnknown("the struct condition is not a literal")
			return
		}
		fc.structCondition(lc, fc.c.gormModel(named), lit, values)
	case *types.Map:
		if lit == nil {
			lc.setUnknown("the map condition is not a literal")
			return
		}
		fc.mapCondition(lc, lit)
	default:
		_ = u
		lc.setUnknown("the condition's type is " + types.TypeString(t, types.RelativeTo(fc.c.pass.Pkg)))
	}
}

// compositeLit returns the literal behind T{...} or &T{...}.
func compositeLit(e ast.Expr) *ast.CompositeLit {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	lit, _ := e.(*ast.CompositeLit)
	return lit
}

// gormStringCondition follows BuildCondition's reading of a string query.
func (fc *funcCtx) gormStringCondition(lc *lookupConds, model *gormModelInfo, s string, values []ast.Expr) {
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
			col = col[i+1:]
		}
		if strings.TrimSpace(col) == "" {
			// Where("", v) or Where("t.", v): GORM sends a column without
			// a name, which the database rejects.
			lc.setUnknown("the condition names no column")
			return
		}
		t := schema.Term{Column: col}
		fc.describeValue(&t, values[0])
		lc.add(t)
	default:
		lc.setUnknown("the condition is a list of primary keys")
	}
}

// sqlCondition reads a SQL fragment such as "email = ? AND tenant_id = ?".
func (fc *funcCtx) sqlCondition(lc *lookupConds, s string, values []ast.Expr) {
	fc.addWhere(lc, sqlscan.ParseWhere(sqlscan.Lex(s, sqlscan.Generic)), values, true)
}

// addWhere adds the conditions of a parsed WHERE clause to lc, with what
// the bound values tell (constants, NULLs). With sameTable, a condition
// qualified by another table makes the lookup unknown: a GORM fragment
// names the model's table or none.
func (fc *funcCtx) addWhere(lc *lookupConds, w sqlscan.Where, values []ast.Expr, sameTable bool) {
	lc.unsupported = append(lc.unsupported, w.Unsupported...)
	for _, c := range w.Conds {
		if sameTable && c.Qualifier != "" && lc.table != "" && schema.TableKey(c.Qualifier) != schema.TableKey(lc.table) {
			lc.setUnknown("a condition names another table (" + c.Qualifier + ")")
			continue
		}
		t := schema.Term{Column: c.Column, Expr: c.Expr}
		switch c.Op {
		case sqlscan.IsNull:
			t.IsNull = true
		case sqlscan.IsNotNull:
			lc.predicates = append(lc.predicates, t.String()+" is not null")
			continue
		default:
			switch c.Value.Kind {
			case sqlscan.Literal:
				t.Value = c.Value.Text
			case sqlscan.Placeholder:
				if len(c.Value.Params) == 0 {
					break
				}
				if v := paramValue(c.Value.Params[0], values, fc.c.pass.TypesInfo); v != nil {
					fc.describeValue(&t, v)
				}
			}
		}
		lc.add(t)
	}
}

// paramValue returns the argument bound to a placeholder: a positional
// value, or for @name a sql.Named("name", v) argument or a map literal key.
func paramValue(p sqlscan.ParamRef, values []ast.Expr, info *types.Info) ast.Expr {
	if p.Name == "" {
		if p.Index >= 0 && p.Index < len(values) {
			return values[p.Index]
		}
		return nil
	}
	for _, v := range values {
		if call, ok := ast.Unparen(v).(*ast.CallExpr); ok && isFunc(calleeFunc(info, call), "database/sql", "Named") && len(call.Args) == 2 {
			if tv := info.Types[call.Args[0]]; tv.Value != nil && constant.StringVal(tv.Value) == p.Name {
				return call.Args[1]
			}
		}
		if lit := compositeLit(v); lit != nil {
			for _, elt := range lit.Elts {
				kv, ok := elt.(*ast.KeyValueExpr)
				if !ok {
					continue
				}
				if tv := info.Types[kv.Key]; tv.Value != nil && tv.Value.Kind() == constant.String && constant.StringVal(tv.Value) == p.Name {
					return kv.Value
				}
			}
		}
	}
	return nil
}

// describeValue records what a bound value tells about the term: a known
// constant, an explicit nil, or a type whose values can be NULL.
func (fc *funcCtx) describeValue(t *schema.Term, v ast.Expr) {
	info := fc.c.pass.TypesInfo
	tv := info.Types[v]
	switch {
	case tv.IsNil():
		t.MayBeNull = true
	case tv.Value != nil:
		t.Value = constantText(tv.Value)
	case tv.Type != nil && isNullableType(tv.Type):
		t.MayBeNull = true
	}
}

func constantText(v constant.Value) string {
	if v.Kind() == constant.String {
		return "'" + strings.ReplaceAll(constant.StringVal(v), "'", "''") + "'"
	}
	return v.ExactString()
}

// primaryKeyTerms pins the model's primary key: First(&u, 10) or a numeric
// string condition.
func (fc *funcCtx) primaryKeyTerms(lc *lookupConds, model *gormModelInfo, value string) {
	if model == nil || model.schema == nil {
		lc.setUnknown("the primary key of the model is unknown")
		return
	}
	pk := model.schema.PrimaryKey()
	if len(pk) == 0 {
		lc.setUnknown(model.schema.Model + " has no primary key")
		return
	}
	for _, c := range pk {
		lc.add(schema.Term{Column: c.Column, Value: value})
	}
}

// structCondition reads Where(User{Email: e}): GORM keeps the non-zero
// fields only, unless the following string arguments select columns.
func (fc *funcCtx) structCondition(lc *lookupConds, model *gormModelInfo, lit *ast.CompositeLit, values []ast.Expr) {
	if model == nil || model.schema == nil {
		lc.setUnknown("the struct condition's type is not a model")
		return
	}
	selected := map[string]bool{}
	for _, v := range values {
		tv := fc.c.pass.TypesInfo.Types[v]
		if tv.Value == nil || tv.Value.Kind() != constant.String {
			lc.setUnknown("the struct condition selects columns that are not constants")
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
					fc.describeValue(&t, value)
				}
				lc.add(t)
			}
			continue
		}
		if !has {
			continue
		}
		if fc.isZeroValue(value) {
			lc.dropped = append(lc.dropped, col.Field())
			continue
		}
		t := schema.Term{Column: col.Column}
		if tv := fc.c.pass.TypesInfo.Types[value]; tv.Value != nil {
			t.Value = constantText(tv.Value)
		}
		lc.add(t)
	}
}

// literalFields collects the keyed fields of a struct literal by field path,
// descending into literals of embedded structs.
func (fc *funcCtx) literalFields(lc *lookupConds, lit *ast.CompositeLit, path []string, out map[string]ast.Expr) bool {
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			lc.setUnknown("the struct condition has unkeyed fields")
			return false
		}
		id, ok := kv.Key.(*ast.Ident)
		if !ok {
			continue
		}
		p := append(append([]string(nil), path...), id.Name)
		if inner := compositeLit(kv.Value); inner != nil {
			if _, isStruct := fc.c.pass.TypesInfo.TypeOf(inner).Underlying().(*types.Struct); isStruct && !isColumnType(fc.c.pass.TypesInfo.TypeOf(inner)) {
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

// isZeroValue reports whether e is certainly its type's zero value: a zero
// constant, nil, or an empty composite literal.
func (fc *funcCtx) isZeroValue(e ast.Expr) bool {
	tv := fc.c.pass.TypesInfo.Types[e]
	switch {
	case tv.IsNil():
		return true
	case tv.Value != nil:
		switch tv.Value.Kind() {
		case constant.String:
			return constant.StringVal(tv.Value) == ""
		case constant.Bool:
			return !constant.BoolVal(tv.Value)
		case constant.Int, constant.Float, constant.Complex:
			return constant.Sign(tv.Value) == 0
		}
	}
	if lit, ok := ast.Unparen(e).(*ast.CompositeLit); ok {
		return len(lit.Elts) == 0
	}
	return false
}

// mapCondition reads Where(map[string]any{"email": e}): every key counts,
// zero values included; nil means IS NULL and a slice means IN.
func (fc *funcCtx) mapCondition(lc *lookupConds, lit *ast.CompositeLit) {
	info := fc.c.pass.TypesInfo
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		ktv := info.Types[kv.Key]
		if ktv.Value == nil || ktv.Value.Kind() != constant.String {
			lc.setUnknown("a map condition key is not a constant string")
			return
		}
		col := constant.StringVal(ktv.Value)
		if i := strings.LastIndexByte(col, '.'); i >= 0 {
			col = col[i+1:]
		}
		t := schema.Term{Column: col}
		vtv := info.Types[kv.Value]
		if vtv.Type != nil && !vtv.IsNil() {
			if _, isSlice := vtv.Type.Underlying().(*types.Slice); isSlice && !isColumnType(vtv.Type) {
				lc.unsupported = append(lc.unsupported, "IN")
				continue
			}
		}
		if vtv.IsNil() {
			t.IsNull = true
		} else {
			fc.describeValue(&t, kv.Value)
		}
		lc.add(t)
	}
}

// clauseEq reads clause.Eq{Column: "email", Value: e}.
func (fc *funcCtx) clauseEq(lc *lookupConds, lit *ast.CompositeLit) {
	info := fc.c.pass.TypesInfo
	var t schema.Term
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			lc.setUnknown("clause.Eq has unkeyed fields")
			return
		}
		switch key, _ := kv.Key.(*ast.Ident); {
		case key == nil:
		case key.Name == "Column":
			tv := info.Types[kv.Value]
			if tv.Value == nil || tv.Value.Kind() != constant.String {
				lc.setUnknown("clause.Eq's column is not a constant string")
				return
			}
			t.Column = constant.StringVal(tv.Value)
		case key.Name == "Value":
			fc.describeValue(&t, kv.Value)
		}
	}
	if t.Column == "" {
		lc.setUnknown("clause.Eq has no column")
		return
	}
	lc.add(t)
}
