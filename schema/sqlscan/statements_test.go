package sqlscan

import (
	"fmt"
	"strings"
	"testing"
)

// stmtTexts renders each statement as its source text and first line.
func stmtTexts(src string, d Dialect) []string {
	var out []string
	for _, st := range SplitStatements(src, d) {
		out = append(out, fmt.Sprintf("%d:%s", st.Line, strings.Join(strings.Fields(st.Text(src)), " ")))
	}
	return out
}

func TestSplitStatements(t *testing.T) {
	tests := []struct {
		name string
		d    Dialect
		src  string
		want []string
	}{
		{"plain", Generic, "CREATE TABLE a (x int);\n\nCREATE TABLE b (y int)",
			[]string{"1:CREATE TABLE a (x int)", "3:CREATE TABLE b (y int)"}},
		{"empty statements dropped", Generic, ";;\n;SELECT 1;;",
			[]string{"2:SELECT 1"}},
		{"semicolon in string and comment", Postgres, "INSERT INTO t VALUES ('a;b'); -- c; d\nSELECT 2",
			[]string{"1:INSERT INTO t VALUES ('a;b')", "2:SELECT 2"}},
		{"sqlite trigger body", SQLite,
			"CREATE TRIGGER tr AFTER UPDATE ON t BEGIN\n UPDATE t SET a = 1; UPDATE t SET b = 2;\nEND;\nCREATE UNIQUE INDEX i ON t (a);",
			[]string{"1:CREATE TRIGGER tr AFTER UPDATE ON t BEGIN UPDATE t SET a = 1; UPDATE t SET b = 2; END",
				"4:CREATE UNIQUE INDEX i ON t (a)"}},
		{"mysql procedure with END IF, END LOOP and END CASE", MySQL,
			"CREATE PROCEDURE p() BEGIN IF x THEN SET y = 1; END IF; l: LOOP LEAVE l; END LOOP; CASE z WHEN 1 THEN SET y = 2; END CASE; SET w = CASE WHEN a THEN 1 END; END;\nSELECT 1;",
			[]string{"1:CREATE PROCEDURE p() BEGIN IF x THEN SET y = 1; END IF; l: LOOP LEAVE l; END LOOP; CASE z WHEN 1 THEN SET y = 2; END CASE; SET w = CASE WHEN a THEN 1 END; END",
				"2:SELECT 1"}},
		{"mysql routines without bodies", MySQL,
			"CREATE TRIGGER t BEFORE UPDATE ON c FOR EACH ROW SET NEW.u = NOW();\nCREATE FUNCTION f() RETURNS INT RETURN 1;\nCREATE TABLE x (id INT);",
			[]string{"1:CREATE TRIGGER t BEFORE UPDATE ON c FOR EACH ROW SET NEW.u = NOW()",
				"2:CREATE FUNCTION f() RETURNS INT RETURN 1", "3:CREATE TABLE x (id INT)"}},
		{"begin outside routines is a statement", Postgres, "BEGIN;\nCREATE TABLE a (x int);\nCOMMIT;",
			[]string{"1:BEGIN", "2:CREATE TABLE a (x int)", "3:COMMIT"}},
		{"case expression in a table does not nest", Generic,
			"CREATE TABLE a (x int GENERATED ALWAYS AS (CASE WHEN y THEN 1 END));\nSELECT 2;",
			[]string{"1:CREATE TABLE a (x int GENERATED ALWAYS AS (CASE WHEN y THEN 1 END))", "2:SELECT 2"}},
		{"dollar body is one token", Postgres,
			"CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN x; END; $$ LANGUAGE plpgsql;\nSELECT 3;",
			[]string{"1:CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN x; END; $$ LANGUAGE plpgsql", "2:SELECT 3"}},
		{"DELIMITER $$", Generic,
			"DELIMITER $$\nCREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND$$\nDELIMITER ;\nCREATE UNIQUE INDEX i ON t (a);",
			[]string{"2:CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END", "8:CREATE UNIQUE INDEX i ON t (a)"}},
		{"DELIMITER //", MySQL,
			"DELIMITER //\nCREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 1; END //\nCREATE TABLE z (id int) //\nDELIMITER ;\nSELECT 1;",
			[]string{"2:CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 1; END", "3:CREATE TABLE z (id int)", "5:SELECT 1"}},
		{"delimiter word inside a statement is not a directive", MySQL,
			"SELECT delimiter FROM t;\nSELECT 2;",
			[]string{"1:SELECT delimiter FROM t", "2:SELECT 2"}},
		{"unbalanced routine runs to the end", SQLite,
			"CREATE TRIGGER tr AFTER UPDATE ON t BEGIN UPDATE t SET a = 1;\nCREATE TABLE q (id int);",
			[]string{"1:CREATE TRIGGER tr AFTER UPDATE ON t BEGIN UPDATE t SET a = 1; CREATE TABLE q (id int)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := stmtTexts(tt.src, tt.d)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

func TestSplitStatementsTerminates(t *testing.T) {
	for _, src := range []string{"DELIMITER", "DELIMITER \n", "DELIMITER $$\nEND$", "DELIMITER $$\n'x$$", "CREATE TRIGGER t BEGIN END END END;", "END; END IF;"} {
		for _, d := range []Dialect{Generic, Postgres, MySQL, SQLite} {
			_ = SplitStatements(src, d)
		}
	}
}

func TestLexMySQLDollar(t *testing.T) {
	if got := kinds(Lex("a $$ b $$", MySQL)); got != "id:a op:$ op:$ id:b op:$ op:$" {
		t.Errorf("MySQL $$ lexed as %s", got)
	}
	if got := kinds(Lex("a $$ b $$", Postgres)); got != "id:a dollar:$$ b $$" {
		t.Errorf("PostgreSQL $$ lexed as %s", got)
	}
}
