package schema

import (
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"

	gormschema "gorm.io/gorm/schema"
)

func TestAddGORMTagSettings(t *testing.T) {
	tests := []struct {
		name     string
		lit      string
		settings []string
		want     string // "" when the tag must be refused
	}{
		{"no tag", "", []string{"uniqueIndex"}, "`gorm:\"uniqueIndex\"`"},
		{"two settings on an untagged field", "", []string{"uniqueIndex", "uniqueIndex:idx_seats_team_member"},
			"`gorm:\"uniqueIndex;uniqueIndex:idx_seats_team_member\"`"},
		{"other key kept, gorm key added once", "`json:\"member\"`", []string{"uniqueIndex", "uniqueIndex:idx_seats_team_member"},
			"`json:\"member\" gorm:\"uniqueIndex;uniqueIndex:idx_seats_team_member\"`"},
		{"merged into the existing gorm key", "`gorm:\"not null\"`", []string{"uniqueIndex"}, "`gorm:\"not null;uniqueIndex\"`"},
		{"keys around the gorm key keep their place", "`json:\"a\" gorm:\"size:10\" yaml:\"b\"`", []string{"uniqueIndex"},
			"`json:\"a\" gorm:\"size:10;uniqueIndex\" yaml:\"b\"`"},
		{"a trailing separator is reused", "`gorm:\"not null;\"`", []string{"uniqueIndex"}, "`gorm:\"not null;uniqueIndex\"`"},
		{"an escaped trailing separator is not", "`gorm:\"comment:a\\\\;\"`", []string{"uniqueIndex"}, "`gorm:\"comment:a\\\\;;uniqueIndex\"`"},
		{"present setting not repeated, any case", "`gorm:\"UNIQUEINDEX\"`", []string{"uniqueIndex"}, "`gorm:\"UNIQUEINDEX\"`"},
		{"same setting asked twice is written once", "", []string{"uniqueIndex:idx_a", "uniqueIndex:idx_a"}, "`gorm:\"uniqueIndex:idx_a\"`"},
		{"another index on an indexed field", "`gorm:\"uniqueIndex:idx_a\"`", []string{"uniqueIndex:idx_b"},
			"`gorm:\"uniqueIndex:idx_a;uniqueIndex:idx_b\"`"},
		{"empty gorm key", "`gorm:\"\"`", []string{"uniqueIndex"}, "`gorm:\"uniqueIndex\"`"},
		{"only the first gorm key is what GORM reads", "`gorm:\"size:5\" gorm:\"unique\"`", []string{"uniqueIndex"},
			"`gorm:\"size:5;uniqueIndex\" gorm:\"unique\"`"},
		{"interpreted string literal stays one", `"json:\"x\""`, []string{"uniqueIndex"}, strconv.Quote(`json:"x" gorm:"uniqueIndex"`)},
		{"a quote in a setting is escaped", "", []string{`uniqueIndex:idx_a,where:name <> "x"`},
			"`gorm:\"uniqueIndex:idx_a,where:name <> \\\"x\\\"\"`"},
		{"trailing spaces in the tag", "`json:\"x\"  `", []string{"uniqueIndex"}, "`json:\"x\"  gorm:\"uniqueIndex\"`"},
		{"malformed tag refused", "`json:x`", []string{"uniqueIndex"}, ""},
		{"unterminated value refused", "`gorm:\"size`", []string{"uniqueIndex"}, ""},
		{"value ending in a backslash refused", "`gorm:\"comment:a\\\\\"`", []string{"uniqueIndex"}, ""},
		{"setting with a separator refused", "", []string{"uniqueIndex:a;b"}, ""},
		{"backquote cannot go in a raw tag", "", []string{"uniqueIndex:idx,where:`a` = 1"}, ""},
		{"not a string literal", "tag", []string{"uniqueIndex"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := AddGORMTagSettings(tt.lit, tt.settings)
			if tt.want == "" {
				if err == nil {
					t.Fatalf("AddGORMTagSettings(%s) = %s, want an error", tt.lit, got)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("AddGORMTagSettings(%s, %q) = %s, %v; want %s", tt.lit, tt.settings, got, err, tt.want)
			}
		})
	}
}

// TestAddGORMTagSettingsGORMIndexes checks the merged tags with GORM
// itself: the composite index of D3 keeps both columns, and a field gets
// both its own and the shared index.
func TestAddGORMTagSettingsGORMIndexes(t *testing.T) {
	team, err := AddGORMTagSettings("", []string{"uniqueIndex", "uniqueIndex:idx_seats_team_member"})
	if err != nil {
		t.Fatal(err)
	}
	member, err := AddGORMTagSettings("`json:\"member\"`", []string{"uniqueIndex", "uniqueIndex:idx_seats_team_member"})
	if err != nil {
		t.Fatal(err)
	}
	got := gormIndexesOf(t, "Seat", []reflect.StructField{
		{Name: "ID", Type: reflect.TypeFor[uint]()},
		{Name: "Team", Type: reflect.TypeFor[uint](), Tag: tagBody(t, team)},
		{Name: "Member", Type: reflect.TypeFor[uint](), Tag: tagBody(t, member)},
	})
	want := "primary key (id); unique index idx_seats_member (member); unique index idx_seats_team (team); unique index idx_seats_team_member (team, member)"
	if got != want {
		t.Errorf("GORM reads\n%s\nwant\n%s", got, want)
	}
}

// tagBody unquotes a tag literal into the reflect.StructTag it declares.
func tagBody(t *testing.T, lit string) reflect.StructTag {
	t.Helper()
	s, err := strconv.Unquote(lit)
	if err != nil {
		t.Fatal(err)
	}
	return reflect.StructTag(s)
}

// gormIndexesOf runs GORM's schema.Parse on a struct built from fields and
// describes its primary key, unique constraints and unique indexes, sorted.
func gormIndexesOf(t *testing.T, name string, fields []reflect.StructField) string {
	t.Helper()
	typ := reflect.StructOf(fields)
	s, err := gormschema.Parse(reflect.New(typ).Interface(), &sync.Map{}, namedTable{name: name})
	if err != nil {
		t.Fatalf("gorm schema.Parse: %v", err)
	}
	return describeGORMKeys(s)
}

func FuzzAddGORMTagSettings(f *testing.F) {
	for _, s := range [][3]string{
		{"", "uniqueIndex", "uniqueIndex:idx_a"},
		{"`json:\"member\"`", "uniqueIndex", "uniqueIndex:idx_seats_team_member"},
		{"`gorm:\"not null;\" json:\"x,omitempty\"`", "uniqueIndex:idx_x,where:a = 1", "UNIQUEINDEX"},
		{"`gorm:\"comment:a\\\\;\"`", "uniqueIndex", "index:,unique"},
		{`"gorm:\"size:3\" xml:\"y\""`, "uniqueIndex", "uniqueIndex"},
		{"`gorm:\"a\" gorm:\"b\"`", "uniqueIndex:x,where:n <> \"q\"", "uniqueIndex"},
	} {
		f.Add(s[0], s[1], s[2])
	}
	f.Fuzz(func(t *testing.T, lit, add1, add2 string) {
		adds := []string{add1, add2}
		got, err := AddGORMTagSettings(lit, adds)
		if err != nil {
			return
		}
		body, err := strconv.Unquote(got)
		if err != nil {
			t.Fatalf("result %s is not a string literal: %v", got, err)
		}
		before := ""
		if lit != "" {
			if before, err = strconv.Unquote(lit); err != nil {
				t.Fatalf("accepted %s, which is not a string literal", lit)
			}
		}
		oldGorm, _ := reflect.StructTag(before).Lookup("gorm")
		newGorm, ok := reflect.StructTag(body).Lookup("gorm")
		if !ok {
			t.Fatalf("%s: no gorm key in %s", lit, got)
		}
		pairs, ok := tagPairs(body)
		if !ok {
			t.Fatalf("%s is not well-formed", got)
		}
		oldPairs, _ := tagPairs(before)
		for _, p := range oldPairs {
			if v, _ := reflect.StructTag(body).Lookup(p.key); p.key != "gorm" && v != mustLookup(before, p.key) {
				t.Fatalf("key %s changed: %q -> %q", p.key, mustLookup(before, p.key), v)
			}
		}
		if len(pairs) != len(oldPairs) && !(len(pairs) == len(oldPairs)+1 && !hasKey(oldPairs, "gorm")) {
			t.Fatalf("%d keys became %d", len(oldPairs), len(pairs))
		}

		// GORM's own reading: the settings map and the index entries are
		// exactly the old ones plus the new ones, each new one once.
		want := gormschema.ParseTagSetting(oldGorm, ";")
		wantEntries := indexEntries(oldGorm)
		present := splitGORMSettings(oldGorm)
		for _, a := range adds {
			if containsSetting(present, a) {
				continue
			}
			present = append(present, a)
			for k, v := range gormschema.ParseTagSetting(a, ";") {
				want[k] = v
			}
			wantEntries = append(wantEntries, a)
		}
		if gotSettings := gormschema.ParseTagSetting(newGorm, ";"); !reflect.DeepEqual(gotSettings, want) {
			t.Fatalf("%s + %q: GORM settings %v, want %v", lit, adds, gotSettings, want)
		}
		if gotEntries := indexEntries(newGorm); !reflect.DeepEqual(gotEntries, wantEntries) {
			t.Fatalf("%s + %q: GORM index entries %q, want %q", lit, adds, gotEntries, wantEntries)
		}
	})
}

func mustLookup(tag, key string) string {
	v, _ := reflect.StructTag(tag).Lookup(key)
	return v
}

func hasKey(pairs []tagPair, key string) bool {
	for _, p := range pairs {
		if p.key == key {
			return true
		}
	}
	return false
}

func containsSetting(list []string, s string) bool {
	for _, x := range list {
		if normalGORMSetting(x) == normalGORMSetting(s) {
			return true
		}
	}
	return false
}

// indexEntries splits a gorm value as GORM's parseFieldIndexes does: on
// every ';', escaped or not, dropping empty entries.
func indexEntries(value string) []string {
	var out []string
	for _, v := range strings.Split(value, ";") {
		if v != "" {
			out = append(out, v)
		}
	}
	return out
}
