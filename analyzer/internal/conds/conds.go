// Package conds reads what lookup conditions pin down, in terms every
// framework shares: WHERE text (GORM fragments, raw SQL) and Go values
// bound to it become schema.Terms.
package conds

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/site"
	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// Conds accumulates what the conditions of one lookup pin down.
type Conds struct {
	Terms       []schema.Term
	Predicates  []string
	Unsupported []string    // conjuncts that are not equalities (OR, IN, LIKE, ...)
	Why         site.Reason // set when the conditions cannot be read at all
	Dropped     []string    // struct-condition fields GORM drops as zero values
	Table       string      // the table qualifiers must name
}

// Lookup returns the lookup the conditions describe.
func (c *Conds) Lookup() schema.Lookup {
	return schema.Lookup{Terms: c.Terms, Predicates: c.Predicates}
}

// Add pins a term; the same column twice keeps the stricter reading.
func (c *Conds) Add(t schema.Term) {
	t.Column = strings.ToLower(t.Column)
	for i, old := range c.Terms {
		if old.Column == t.Column && old.Expr == t.Expr {
			c.Terms[i].IsNull = old.IsNull || t.IsNull
			c.Terms[i].MayBeNull = old.MayBeNull || t.MayBeNull
			if c.Terms[i].Value == "" {
				c.Terms[i].Value = t.Value
			}
			return
		}
	}
	c.Terms = append(c.Terms, t)
}

// AddWhere adds the conditions of a parsed WHERE clause, with what the
// bound values tell (constants, NULLs). With sameTable, a condition
// qualified by another table makes the lookup unknown: a GORM fragment
// names the model's table or none.
func (c *Conds) AddWhere(info *types.Info, w sqlscan.Where, values []ast.Expr, sameTable bool) {
	c.Unsupported = append(c.Unsupported, w.Unsupported...)
	for _, cond := range w.Conds {
		if sameTable && cond.Qualifier != "" && c.Table != "" && schema.TableKey(cond.Qualifier) != schema.TableKey(c.Table) {
			c.Why.Set("a condition names another table (" + cond.Qualifier + ")")
			continue
		}
		t := schema.Term{Column: cond.Column, Expr: cond.Expr}
		switch cond.Op {
		case sqlscan.IsNull:
			t.IsNull = true
		case sqlscan.IsNotNull:
			c.Predicates = append(c.Predicates, t.String()+" is not null")
			continue
		default:
			switch cond.Value.Kind {
			case sqlscan.Literal:
				t.Value = cond.Value.Text
			case sqlscan.Placeholder:
				if len(cond.Value.Params) == 0 {
					break
				}
				if v := ParamValue(cond.Value.Params[0], values, info); v != nil {
					DescribeValue(info, &t, v)
				}
			}
		}
		c.Add(t)
	}
}

// ParamValue returns the argument bound to a placeholder: a positional
// value, or for @name a sql.Named("name", v) argument or a map literal key.
func ParamValue(p sqlscan.ParamRef, values []ast.Expr, info *types.Info) ast.Expr {
	if p.Name == "" {
		if p.Index >= 0 && p.Index < len(values) {
			return values[p.Index]
		}
		return nil
	}
	for _, v := range values {
		if call, ok := ast.Unparen(v).(*ast.CallExpr); ok && flow.IsFunc(flow.Callee(info, call), "database/sql", "Named") && len(call.Args) == 2 {
			if tv := info.Types[call.Args[0]]; tv.Value != nil && constant.StringVal(tv.Value) == p.Name {
				return call.Args[1]
			}
		}
		if lit := CompositeLit(v); lit != nil {
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

// DescribeValue records what a bound value tells about the term: a known
// constant, an explicit nil, or a type whose values can be NULL.
func DescribeValue(info *types.Info, t *schema.Term, v ast.Expr) {
	tv := info.Types[v]
	switch {
	case tv.IsNil():
		t.MayBeNull = true
	case tv.Value != nil:
		t.Value = ConstantText(tv.Value)
	case tv.Type != nil && IsNullableType(tv.Type):
		t.MayBeNull = true
	}
}

// ConstantText writes a constant as SQL.
func ConstantText(v constant.Value) string {
	if v.Kind() == constant.String {
		return "'" + strings.ReplaceAll(constant.StringVal(v), "'", "''") + "'"
	}
	return v.ExactString()
}

// CompositeLit returns the literal behind T{...} or &T{...}.
func CompositeLit(e ast.Expr) *ast.CompositeLit {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	lit, _ := e.(*ast.CompositeLit)
	return lit
}

// StripAddr returns x for &x.
func StripAddr(e ast.Expr) ast.Expr {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		return ast.Unparen(u.X)
	}
	return e
}

// IsZeroValue reports whether e is certainly its type's zero value: a zero
// constant, nil, or an empty composite literal.
func IsZeroValue(info *types.Info, e ast.Expr) bool {
	tv := info.Types[e]
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
