package migrations

import (
	"reflect"
	"testing"
)

func TestEmbedPatterns(t *testing.T) {
	for args, want := range map[string][]string{
		"dbschema":                           {"dbschema"},
		"  a  b\tc ":                         {"a", "b", "c"},
		"all:dbschema":                       {"dbschema"},
		`"my schema"`:                        {"my schema"},
		`"my schema/*.sql" other`:            {"my schema/*.sql", "other"},
		"`raw dir/x.sql` \"all:quoted dir\"": {"raw dir/x.sql", "quoted dir"},
		`"esc\"aped"`:                        {`esc"aped`},
		`ok "unterminated`:                   {"ok"},
		"":                                   nil,
	} {
		if got := EmbedPatterns(args); !reflect.DeepEqual(got, want) {
			t.Errorf("EmbedPatterns(%q) = %q, want %q", args, got, want)
		}
	}
}

// A directory embedded with all: is discovered, and so is one whose name
// has a space.
func TestDiscoverEmbedAllAndQuotedDirectories(t *testing.T) {
	root := writeTree(t, map[string]string{
		"store/dbschema/0001_init.up.sql":  "CREATE TABLE coupons (id bigserial PRIMARY KEY, code text UNIQUE);",
		"store/my schema/0001_init.up.sql": "CREATE TABLE tags (id bigserial PRIMARY KEY, name text UNIQUE);",
	})
	var hints Hints
	for _, p := range append(EmbedPatterns("all:dbschema"), EmbedPatterns(`"my schema"`)...) {
		hints.EmbedDirs = append(hints.EmbedDirs, "store/"+p)
	}
	hints.EmbedDirs = append(hints.EmbedDirs, "store/all:dbschema") // as the analyzer builds it today
	dirs, err := Discover(root, hints)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range dirs {
		got = append(got, d.Path+" "+d.Found)
	}
	want := []string{"store/dbschema go:embed", "store/my schema go:embed"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Discover = %q, want %q", got, want)
	}
}
