package sqlscan

import (
	"fmt"
	"strings"
	"testing"
)

func describe(w Where) string {
	var parts []string
	for _, c := range w.Conds {
		lhs := c.Column
		if c.Qualifier != "" {
			lhs = c.Qualifier + "." + lhs
		}
		if c.Expr != "" {
			lhs = c.Expr
		}
		switch c.Op {
		case IsNull:
			parts = append(parts, lhs+" is null")
		case IsNotNull:
			parts = append(parts, lhs+" is not null")
		default:
			v := c.Value.Text
			for _, p := range c.Value.Params {
				if p.Name != "" {
					v += "@" + p.Name
				} else {
					v += fmt.Sprint(p.Index)
				}
			}
			parts = append(parts, lhs+"="+v)
		}
	}
	for _, u := range w.Unsupported {
		parts = append(parts, "!"+u)
	}
	return strings.Join(parts, " ")
}

func TestParseWhere(t *testing.T) {
	tests := []struct{ in, want string }{
		{`email = ?`, `email=?0`},
		{`a = ? AND b = ?`, `a=?0 b=?1`},
		{`"users"."email" = $1 and tenant_id = $2`, `users.email=?0 tenant_id=?1`},
		{"`name` = ?", `name=?0`},
		{`name = @name AND org = @org`, `name=?@name org=?@org`},
		{`(a = ? AND (b = ? AND c = ?))`, `a=?0 b=?1 c=?2`},
		{`? = email`, `email=?0`},
		{`deleted_at IS NULL AND email = ?`, `deleted_at is null email=?0`},
		{`x IS NOT NULL`, `x is not null`},
		{`status = 'active' AND n = 3 AND v = -1`, `status='active' n=3 v=-1`},
		{`active AND NOT archived`, `active=true archived=false`},
		{`flag IS TRUE`, `flag=true`},
		{`lower(email) = lower(?)`, `lower(email)=lower(?)0`},
		{`1 = 1 AND a = ?`, `a=?0`},
		{`NOT 1 AND a = ?`, `a=?0 !constant false`},
		{`a = ? OR b = ?`, `!OR`},
		{`t = ? AND (a = ? OR b = ?)`, `t=?0 !OR`},
		{`id IN (?)`, `!IN`},
		{`name LIKE ?`, `!LIKE`},
		{`name NOT LIKE ?`, `!NOT LIKE`},
		{`a <> ?`, `!<>`},
		{`a > ? AND b = ?`, `b=?1 !>`},
		{`a = b`, `!column comparison`},
		{`a = NULL`, `!= NULL`},
		{`created_at = now()`, `created_at=now()`},
		{`EXISTS (SELECT 1 FROM x)`, `!subquery`},
		{`x = $2 AND y = $1`, `x=?1 y=?0`},
	}
	for _, tt := range tests {
		if got := describe(ParseWhere(Lex(tt.in, Generic))); got != tt.want {
			t.Errorf("ParseWhere(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
