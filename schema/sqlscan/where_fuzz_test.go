package sqlscan

import (
	"testing"
)

// FuzzParseWhere feeds GORM-style conditions ("email = ? AND org_id = @org")
// to the lexer, ParseWhere and Normalize in every dialect. Beyond not
// panicking: each condition names what it pins, positional parameters stay
// below the count ParseWhere reports, and, in the Generic dialect the
// analyzer reads GORM conditions in, a condition's expression is already
// normal (it is compared with index expressions and re-read as a partial
// index predicate, so normalising again must not change it).
func FuzzParseWhere(f *testing.F) {
	for _, s := range []string{
		"email = ?",
		"email = ? AND tenant_id = ?",
		`"users"."email" = $1 and org = $2`,
		"lower(email) = lower(?) AND deleted_at IS NULL",
		"name = @name AND (org_id = @org AND active)",
		"a = 1 OR b = 2",
		"id IN (?) AND x LIKE 'a%'",
		"`code` <=> ? AND flag IS TRUE AND k IS NOT NULL",
		"(((a = ?)))",
		"a = ?::text AND CAST(b AS int) = 3",
		"status = 'it''s' AND n = -1.5e3",
		"x = ?2 AND y = ?1 AND z = :name",
		"NOT a = ?", "a = (SELECT 1)", "a = b", "= ?", "a =", "( AND )", "?",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, d := range []Dialect{Generic, Postgres, MySQL, SQLite} {
			w := ParseWhere(Lex(s, d))
			for _, c := range w.Conds {
				if c.Column == "" && c.Expr == "" {
					t.Fatalf("%s %q: condition pins nothing: %+v", d, s, c)
				}
				for _, p := range c.Value.Params {
					if p.Name == "" && p.Index >= w.Positional {
						t.Fatalf("%s %q: parameter index %d with %d positional", d, s, p.Index, w.Positional)
					}
				}
				if d == Generic && c.Expr != "" {
					if again := Normalize(c.Expr, Generic); again != c.Expr {
						t.Fatalf("%s %q: expression %q normalises again to %q", d, s, c.Expr, again)
					}
				}
			}
			_ = Normalize(s, d)
		}
	})
}

// TestUnclosedParen: a condition or partial-index predicate with a
// parenthesis never closed is not understood. It used to lose the
// parenthesis and its last token and read as no condition at all, so a
// unique index WHERE (( was taken for one every lookup implies.
func TestUnclosedParen(t *testing.T) {
	for _, s := range []string{"((", "(a", "(deleted_at IS NULL", "(email = ? AND org = ?", "a = ? AND (b = ?"} {
		if w := ParseWhere(Lex(s, Generic)); len(w.Unsupported) == 0 {
			t.Errorf("%q: %+v, want an unsupported conjunct", s, w)
		}
	}
}
