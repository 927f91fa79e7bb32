package gorm

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	gormschema "gorm.io/gorm/schema"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/conds"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
	"github.com/getorcreatelint/getorcreatelint/schema"
)

// FuzzGORMStringCondition drives the recogniser's reading of a GORM string
// condition (Where("email = ? AND org = @org", ...), First(&u, "10")) with
// arbitrary text and up to three bound values: a string constant, a
// pointer (may be NULL) and a value of unknown type. The path needs type information
// only for the values, so a hand-built types.Info stands in for a pass.
// The terms must be usable: a column or an expression each, columns in
// lower case, no column twice.
func FuzzGORMStringCondition(f *testing.F) {
	for _, s := range []string{
		"email = ?", "email = ? AND tenant_id = ?", "users.email = ? AND orgs.id = ?",
		`"Email" = $1`, "lower(email) = lower(?)", "name = @name AND org_id = @org",
		"email", "10", "", "a = 1 OR b = 2", "deleted_at IS NULL AND code IS NOT NULL",
		"email = ? AND email = ?", "x IN ? AND y LIKE ?", "(a = ?) AND ((b = ?))",
		"email = 'it''s' AND n = -1", "?", "= ?", "a.b.c = ?", "`code` = ?", "users.", " ",
	} {
		f.Add(s, uint8(1))
	}
	f.Fuzz(func(t *testing.T, cond string, nvalues uint8) {
		fc, model, values := conditionFixture(int(nvalues % 4))
		lc := &conds.Conds{Table: "users"}
		fc.gormStringCondition(lc, model, cond, values)
		seen := map[string]bool{}
		for _, term := range lc.Terms {
			if term.Column == "" && term.Expr == "" {
				t.Fatalf("%q: a term with neither column nor expression: %+v", cond, lc.Terms)
			}
			if term.Column != strings.ToLower(term.Column) {
				t.Fatalf("%q: column %q not in lower case", cond, term.Column)
			}
			key := term.Column + "\x00" + term.Expr
			if seen[key] {
				t.Fatalf("%q: %s pinned twice: %+v", cond, term, lc.Terms)
			}
			seen[key] = true
		}
	})
}

// conditionFixture returns a function context over a types.Info that
// knows n bound values, and a model User with an ID primary key.
func conditionFixture(n int) (*fnCtx, *gormModelInfo, []ast.Expr) {
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}}
	candidates := []struct {
		expr ast.Expr
		tv   types.TypeAndValue
	}{
		{&ast.BasicLit{Kind: token.STRING, Value: `"a@b.c"`}, types.TypeAndValue{Type: types.Typ[types.String], Value: constant.MakeString("a@b.c")}},
		{ast.NewIdent("p"), types.TypeAndValue{Type: types.NewPointer(types.Typ[types.String])}},
		{ast.NewIdent("v"), types.TypeAndValue{}},
	}
	var values []ast.Expr
	for i := 0; i < n; i++ {
		c := candidates[i%len(candidates)]
		info.Types[c.expr] = c.tv
		values = append(values, c.expr)
	}
	model := &gormModelInfo{schema: schema.ParseGORM(&schema.GORMModel{Name: "User", Fields: []schema.GORMField{
		{Name: "ID", Column: true},
		{Name: "Email", Tag: `gorm:"uniqueIndex"`, Column: true},
	}}, gormschema.NamingStrategy{})}
	fc := &fnCtx{Func: &flow.Func{Info: info}, r: New(&analysis.Pass{TypesInfo: info}, gormschema.NamingStrategy{}, nil)}
	return fc, model, values
}
