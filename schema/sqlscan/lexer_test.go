package sqlscan

import (
	"fmt"
	"strings"
	"testing"
)

func kinds(toks []Token) string {
	names := map[Kind]string{EOF: "EOF", Ident: "id", QIdent: "qid", String: "str", Number: "num",
		Param: "param", Template: "tmpl", DollarBody: "dollar", Op: "op", Punct: "p"}
	var parts []string
	for _, t := range toks {
		if t.Kind == EOF {
			break
		}
		parts = append(parts, fmt.Sprintf("%s:%s", names[t.Kind], t.Text))
	}
	return strings.Join(parts, " ")
}

func TestLex(t *testing.T) {
	tests := []struct {
		d    Dialect
		src  string
		want string
	}{
		{Postgres, `SELECT "Email", x::text FROM t WHERE a = $1 -- c`,
			`id:SELECT qid:"Email" p:, id:x op::: id:text id:FROM id:t id:WHERE id:a op:= param:$1`},
		{MySQL, "SELECT `a` FROM t # comment\nWHERE b = ? AND c = \"s\\\"x\"",
			"id:SELECT qid:`a` id:FROM id:t id:WHERE id:b op:= param:? id:AND id:c op:= str:\"s\\\"x\""},
		{Postgres, `CREATE FUNCTION f() AS $body$ BEGIN; END; $body$; SELECT 1`,
			`id:CREATE id:FUNCTION id:f p:( p:) id:AS dollar:$body$ BEGIN; END; $body$ p:; id:SELECT num:1`},
		{Postgres, `x = 'it''s' AND y = E'a\'b' /* c /* nested */ still */ z`,
			`id:x op:= str:'it''s' id:AND id:y op:= str:E'a\'b' id:z`},
		{SQLite, `SELECT [weird name] FROM t WHERE a = ?1 AND b = :name AND c = @p`,
			`id:SELECT qid:[weird name] id:FROM id:t id:WHERE id:a op:= param:?1 id:AND id:b op:= param::name id:AND id:c op:= param:@p`},
		{Postgres, `CREATE TABLE {{ index .Options "Namespace" }}.users (id int)`,
			`id:CREATE id:TABLE tmpl:{{ index .Options "Namespace" }} p:. id:users p:( id:id id:int p:)`},
		{Postgres, `a <> 1.5e3 AND b != 0x1F`, `id:a op:<> num:1.5e3 id:AND id:b op:!= num:0x1F`},
	}
	for _, tt := range tests {
		if got := kinds(Lex(tt.src, tt.d)); got != tt.want {
			t.Errorf("Lex(%q)\n got %s\nwant %s", tt.src, got, tt.want)
		}
	}
}

func TestLexUnterminated(t *testing.T) {
	for _, src := range []string{`'abc`, `"abc`, "`abc", `/* abc`, `$$ abc`, `$q$ abc $x$`, `{{ abc`, `E'\`} {
		toks := Lex(src, Generic)
		if last := toks[len(toks)-1]; last.Kind != EOF {
			t.Errorf("Lex(%q): last token %v, want EOF", src, last)
		}
		if len(toks) > 3 {
			t.Errorf("Lex(%q) = %s: unterminated input should run to the end", src, kinds(toks))
		}
	}
}

func TestLexLines(t *testing.T) {
	toks := Lex("a\n/* x\ny */ b\n'c\nd' e", Generic)
	var lines []int
	for _, tk := range toks[:len(toks)-1] {
		lines = append(lines, tk.Line)
	}
	if got := fmt.Sprint(lines); got != "[1 3 4 5]" {
		t.Errorf("lines = %s, want [1 3 4 5]", got)
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{`LOWER( "Email" )`, `lower(email)`},
		{`(lower((name)::text))`, `lower(name)`},
		{`(deleted_at IS NULL)`, `deleted_at is null`},
		{`CAST(point AS text)`, `cast(point as text)`},
		{`lower($1)`, `lower(?)`},
		{`coalesce(a,b)`, `coalesce(a, b)`},
		{`(status)::text = 'active'::character varying`, `status = 'active'`},
		{`"Mixed Case"`, `"Mixed Case"`},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in, Postgres); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestExprColumns(t *testing.T) {
	tests := []struct{ in, want string }{
		{`lower(email)`, `[email]`},
		{`cast(point as text)`, `[point]`},
		{`coalesce(u.org_id, 0) + x`, `[org_id x]`},
		{`now()`, `[]`},
	}
	for _, tt := range tests {
		toks := NormalizeTokens(trimEOF(Lex(tt.in, Generic)))
		if got := fmt.Sprint(ExprColumns(toks)); got != tt.want {
			t.Errorf("ExprColumns(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
