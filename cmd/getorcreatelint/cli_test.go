package main

import (
	"bytes"
	"go/token"
	"strings"
	"testing"

	"github.com/getorcreatelint/getorcreatelint/analyzer"
)

func TestParseLint(t *testing.T) {
	for _, tc := range []struct {
		args    []string
		format  string
		pattern string
	}{
		{[]string{"./..."}, "text", "./..."},
		{[]string{"-format", "sarif", "./..."}, "sarif", "./..."},
		{[]string{"--format=github", "-strict", "./..."}, "github", "./..."},
		{[]string{"-json", "./x"}, "json", "./x"},
		{[]string{"-c", "2", "-fix", "./..."}, "text", "./..."},
		{[]string{"fmt"}, "text", "fmt"},
	} {
		l, patterns, err := parseLint(tc.args)
		if err != nil {
			t.Errorf("%q: %v", tc.args, err)
			continue
		}
		if l.format != tc.format || len(patterns) != 1 || patterns[0] != tc.pattern {
			t.Errorf("%q: format %q, patterns %q", tc.args, l.format, patterns)
		}
	}
}

func TestParseLintErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-format", "xml", "./..."}, `unknown -format "xml"`},
		{[]string{"-format"}, "flag needs an argument"},
		{[]string{"-format=sarif", "-fix", "./..."}, "-fix and -diff go with -format text only"},
		{[]string{"-json", "-format=sarif", "./..."}, "disagree"},
		{[]string{"-strict"}, "no packages given"},
		{[]string{"./...", "-strict"}, "flag -strict after the package patterns"},
		{[]string{"./a", "./b", "-format", "sarif"}, "flags go before the packages"},
		{[]string{"-dsn", "x.db", "schema"}, "flags go after the subcommand"},
		{[]string{"-strict", "version"}, "flags go after the subcommand"},
		{[]string{"-no-such-flag", "./..."}, "flag provided but not defined"},
	} {
		_, _, err := parseLint(tc.args)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want %q", tc.args, err, tc.want)
		}
	}
}

func TestCheckSubcommand(t *testing.T) {
	for _, ok := range []string{"./...", "fmt", "net/http", "example.com/x/...", "std", "..."} {
		if err := checkSubcommand(ok); err != nil {
			t.Errorf("%q: %v", ok, err)
		}
	}
	err := checkSubcommand("verison")
	if err == nil || !strings.Contains(err.Error(), "did you mean version?") {
		t.Errorf("verison: %v, want a hint", err)
	}
	if err := checkSubcommand("lint"); err == nil || !strings.Contains(err.Error(), `unknown command "lint"`) {
		t.Errorf("lint: %v", err)
	}
}

// -help lists every flag that does something, the formats, the
// subcommands and every check; not the deprecated no-op flags.
func TestHelpListsEverything(t *testing.T) {
	var b bytes.Buffer
	printHelp(&b)
	help := b.String()
	want := []string{"-C dir", "-format", "-fix", "-diff", "-json", "-version", "-strict", "-dsn", "GETORCREATELINT_DSN",
		"schema", "help [check]", "version", "text", "github", "sarif", "Exit codes"}
	for _, c := range analyzer.Checks {
		want = append(want, c.Category, c.Title)
	}
	for _, w := range want {
		if !strings.Contains(help, w) {
			t.Errorf("-help does not mention %q", w)
		}
	}
	for name := range hiddenFlags {
		if strings.Contains(help, "\n  -"+name+" ") || strings.Contains(help, "\n  -"+name+"\n") {
			t.Errorf("-help lists the no-op flag -%s", name)
		}
	}
}

func TestHelpCheck(t *testing.T) {
	for _, c := range analyzer.Checks {
		var b bytes.Buffer
		if code := runHelp(&b, []string{c.Category}); code != 0 {
			t.Fatalf("help %s: exit %d", c.Category, code)
		}
		out := b.String()
		for _, w := range []string{c.Title, strings.Fields(c.Doc)[0], strings.Fields(c.Help)[0], "#" + c.Category} {
			if !strings.Contains(out, w) {
				t.Errorf("help %s lacks %q:\n%s", c.Category, w, out)
			}
		}
	}
	if code := runHelp(&bytes.Buffer{}, []string{"get-or-creat"}); code != 2 {
		t.Errorf("help of an unknown check: exit %d, want 2", code)
	}
}

func TestSuggest(t *testing.T) {
	for _, tc := range []struct{ word, want string }{
		{"strictt", "strict"}, {"migration", "migrations"}, {"dialekt", "dialect"}, {"zzzz", ""},
	} {
		if got := suggest(tc.word, []string{"strict", "migrations", "dialect", "dsn"}); got != tc.want {
			t.Errorf("suggest(%q) = %q, want %q", tc.word, got, tc.want)
		}
	}
}

// A relative URI whose first segment holds a colon would read as a scheme.
func TestURIPathWithColon(t *testing.T) {
	for in, want := range map[string]string{
		"x:y.go":         "./x:y.go",
		"store/x:y.go":   "store/x:y.go",
		"store/a b.go":   "store/a%20b.go",
		"c:/abs/path.go": "./c:/abs/path.go",
		"plain.go":       "plain.go",
	} {
		if got := uriPath(in); got != want {
			t.Errorf("uriPath(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNeutralize(t *testing.T) {
	for in, want := range map[string]string{
		"::error file=a.go::x":        ": :error file=a.go::x",
		"  \t::add-mask::secret":      "  \t: :add-mask::secret",
		"##[error]x":                  "# #[error]x",
		"/abs/store.go:1:2: fine ::x": "/abs/store.go:1:2: fine ::x",
		"":                            "",
	} {
		if got := neutralize(in); got != want {
			t.Errorf("neutralize(%q) = %q, want %q", in, got, want)
		}
	}
	var b bytes.Buffer
	w := &neutralizingWriter{w: &b}
	w.Write([]byte("ok\n::warning::a\r\n::err"))
	w.Write([]byte("or::b\rc\n::stop-commands::x"))
	w.Close()
	want := "ok\n: :warning::a\n: :error::b\\rc\n: :stop-commands::x\n"
	if b.String() != want {
		t.Errorf("neutralizingWriter wrote %q, want %q", b.String(), want)
	}
}

func TestOneLine(t *testing.T) {
	if got := oneLine("on x\n::error::y\r\nz"); got != `on x\n::error::y\r\nz` {
		t.Errorf("oneLine = %q", got)
	}
}

func edits(src string, spans ...any) []edit {
	var out []edit
	for i := 0; i+2 < len(spans); i += 3 {
		s, e, text := spans[i].(int), spans[i+1].(int), spans[i+2].(string)
		out = append(out, edit{Start: token.Position{Filename: "f.go", Offset: s}, End: token.Position{Filename: "f.go", Offset: e}, NewText: text})
	}
	return out
}

func TestApplyEdits(t *testing.T) {
	src := "package p\n\ntype T struct {\n\tName string\n}\n"
	at := strings.Index(src, "string") + len("string")
	got, err := applyEdits([]byte(src), edits(src, at, at, " `gorm:\"uniqueIndex\"`", at, at, " `gorm:\"uniqueIndex\"`"))
	if err != nil || string(got) != strings.Replace(src, "string", "string `gorm:\"uniqueIndex\"`", 1) {
		t.Errorf("identical edits: %q, %v", got, err)
	}
	if _, err := applyEdits([]byte(src), edits(src, at, at, " `a:\"1\"`", at, at, " `b:\"2\"`")); err == nil || !isSkip(err) {
		t.Errorf("different insertions at one point: err %v, want a conflict", err)
	}
	if _, err := applyEdits([]byte(src), edits(src, 0, 7, "x", 5, 9, "y")); err == nil {
		t.Error("overlapping edits applied")
	}
	if _, err := applyEdits([]byte(src), edits(src, 0, len(src)+5, "x")); err == nil {
		t.Error("an edit past the end applied")
	}
	// New text takes the file's CRLF line endings; the rest is untouched.
	crlf := strings.ReplaceAll(src, "\n", "\r\n")
	at = strings.Index(crlf, "}")
	got, err = applyEdits([]byte(crlf), edits(crlf, at, at, "\tCode string\n"))
	if err != nil || string(got) != strings.Replace(crlf, "}", "\tCode string\r\n}", 1) {
		t.Errorf("CRLF: %q, %v", got, err)
	}
}

func TestWriteDiff(t *testing.T) {
	var lines []string
	for i := range 30 {
		lines = append(lines, "line "+string(rune('a'+i%26)))
	}
	before := strings.Join(lines, "\n") + "\n"
	after := strings.Replace(strings.Replace(before, "line c\n", "line C\n", 1), "line x\n", "line x\nline y2\n", 1)
	var b bytes.Buffer
	if err := writeDiff(&b, "f.go", []byte(before), []byte(after)); err != nil {
		t.Fatal(err)
	}
	want := `--- f.go (old)
+++ f.go (new)
@@ -1,6 +1,6 @@
 line a
 line b
-line c
+line C
 line d
 line e
 line f
@@ -22,6 +22,7 @@
 line v
 line w
 line x
+line y2
 line y
 line z
 line a
`
	if b.String() != want {
		t.Errorf("diff:\n%s\nwant:\n%s", b.String(), want)
	}
	b.Reset()
	writeDiff(&b, "f.go", []byte("a"), []byte("b"))
	if want := "--- f.go (old)\n+++ f.go (new)\n@@ -1,1 +1,1 @@\n-a\n\\ No newline at end of file\n+b\n\\ No newline at end of file\n"; b.String() != want {
		t.Errorf("diff without final newline:\n%q\nwant\n%q", b.String(), want)
	}
}
