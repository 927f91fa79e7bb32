package main

import (
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

func TestGitHubCommands(t *testing.T) {
	root := t.TempDir()
	odd := filepath.Join(root, "a,b", "c:d.go") // separators of the command syntax
	findings := []finding{
		{
			Category: "get-or-create",
			Message:  "100% of\nthe lookup",
			Start:    token.Position{Filename: odd, Line: 3, Column: 5},
			End:      token.Position{Filename: odd, Line: 3, Column: 12},
		},
		{
			Category: "unknown-lookup",
			Message:  "spans lines",
			Start:    token.Position{Filename: odd, Line: 7, Column: 2},
			End:      token.Position{Filename: odd, Line: 9, Column: 3},
		},
		{
			Category: "directive",
			Message:  "no end",
			Start:    token.Position{Filename: filepath.Join(root, "x.go"), Line: 1, Column: 1},
		},
	}
	var b strings.Builder
	if err := writeGitHub(&b, findings, &locator{root: root, lines: map[string][]string{}}); err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{
		"::error file=a%2Cb/c%3Ad.go,line=3,endLine=3,col=5,endColumn=12,title=getorcreatelint (get-or-create)::100%25 of%0Athe lookup",
		// Columns only for a range within one line.
		"::warning file=a%2Cb/c%3Ad.go,line=7,endLine=9,col=2,title=getorcreatelint (unknown-lookup)::spans lines",
		"::warning file=x.go,line=1,endLine=1,col=1,endColumn=1,title=getorcreatelint (directive)::no end",
	}, "\n") + "\n"
	if got := b.String(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestGitHubColumnsAreUTF16(t *testing.T) {
	src, err := filepath.Abs(filepath.Join("testdata", "report", "shop.go"))
	if err != nil {
		t.Fatal(err)
	}
	content := readFile(t, src)
	f := finding{Category: "get-or-create", Message: "m", Start: at(t, src, content, "FirstOrCreate", 0), End: at(t, src, content, "FirstOrCreate", len("FirstOrCreate"))}
	if f.Start.Column == 0 {
		t.Fatal("FirstOrCreate not found in the test source")
	}
	var b strings.Builder
	loc := &locator{root: filepath.Dir(src), lines: map[string][]string{}}
	if err := writeGitHub(&b, []finding{f}, loc); err != nil {
		t.Fatal(err)
	}
	// "é", "☕" and "🙂" take 2, 3 and 4 bytes but 1, 1 and 2 UTF-16
	// units: the columns are 5 less than go/token's.
	wantCol, wantEnd := f.Start.Column-5, f.End.Column-5
	if !strings.Contains(b.String(), ",col="+itoa(wantCol)+",endColumn="+itoa(wantEnd)+",") {
		t.Errorf("want col=%d endColumn=%d, got %s", wantCol, wantEnd, b.String())
	}
}

func TestGitHubErrorsHaveNoFile(t *testing.T) {
	var b strings.Builder
	if err := writeGitHubErrors(&b, []string{"example.com/shop: -migrations: db/x: no such file,\nor directory"}); err != nil {
		t.Fatal(err)
	}
	want := "::error title=getorcreatelint failed::example.com/shop: -migrations: db/x: no such file,%0Aor directory\n"
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}
