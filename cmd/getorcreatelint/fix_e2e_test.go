package main_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const fixSource = `package shop

import "gorm.io/gorm"

type Tag struct {
	ID   uint
	Name string
}

type Seat struct {
	ID     uint
	Team   uint
	Member uint ` + "`json:\"member\"`" + `
}

func TagByName(db *gorm.DB, name string) (Tag, error) {
	var t Tag
	err := db.Where(Tag{Name: name}).FirstOrCreate(&t).Error
	return t, err
}

func Join(db *gorm.DB, team, member uint) error {
	var s Seat
	return db.Where("team = ? AND member = ?", team, member).FirstOrCreate(&s).Error
}
`

// -fix adds the missing uniqueIndex tags to models whose table only struct
// tags describe, when the model is declared beside the call; -fix -diff
// shows the change without making it.
func TestFixAndDiff(t *testing.T) {
	mod := copyModule(t, "testdata/gormapp")
	if err := os.MkdirAll(filepath.Join(mod, "shop"), 0o755); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(mod, "shop", "shop.go")
	if err := os.WriteFile(file, []byte(fixSource), 0o644); err != nil {
		t.Fatal(err)
	}

	for _, args := range [][]string{{"-fix", "-diff"}, {"-diff"}} {
		stdout, stderr, code := run(t, mod, binary(t), append(args, "./shop")...)
		if code != 3 || !strings.Contains(stdout, "+\tName string `gorm:\"uniqueIndex\"`") {
			t.Fatalf("%q: exit code %d, want 3 (nothing fixed) and a diff adding the tag; stdout:\n%s\nstderr:\n%s", args, code, stdout, stderr)
		}
		if after, _ := os.ReadFile(file); string(after) != fixSource {
			t.Fatalf("%q changed %s", args, file)
		}
	}

	os.Chmod(file, 0o600)
	_, stderr, code := run(t, mod, binary(t), "-fix", "./shop")
	if code != 0 {
		t.Fatalf("-fix: exit code %d, want 0 (everything fixed); stderr:\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "shop.go:18:") || !strings.Contains(stderr, "fixed: Add gorm:\"uniqueIndex\" to Tag.Name") || !strings.Contains(stderr, "fixed 2 of 2 findings in 1 files; 0 left") {
		t.Errorf("-fix does not say what it changed:\n%s", stderr)
	}
	if info, err := os.Stat(file); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("-fix changed the file's mode: %v %v", info.Mode(), err)
	}
	if entries, _ := os.ReadDir(filepath.Dir(file)); len(entries) != 1 {
		t.Errorf("-fix left files behind: %v", entries)
	}
	after, _ := os.ReadFile(file)
	for _, want := range []string{
		"Name string `gorm:\"uniqueIndex\"`",
		"Team   uint `gorm:\"uniqueIndex:idx_seats_team_member\"`",
		"Member uint `json:\"member\" gorm:\"uniqueIndex:idx_seats_team_member\"`",
	} {
		if !strings.Contains(string(after), want) {
			t.Errorf("after -fix, shop.go lacks %s:\n%s", want, after)
		}
	}
	if _, stderr, code := run(t, mod, binary(t), "./shop"); code != 0 {
		t.Errorf("after -fix: exit code %d, want 0 (the tags back both lookups); stderr:\n%s", code, stderr)
	}
}

// -fix changes the tag lines only: CRLF line endings and the formatting of
// the rest of the file (not gofmt'd here) stay as they were.
func TestFixKeepsLineEndingsAndFormatting(t *testing.T) {
	mod := copyModule(t, "testdata/gormapp")
	src := strings.Replace(fixSource, "func TagByName(db *gorm.DB, name string) (Tag, error) {",
		"func   TagByName( db *gorm.DB,name string ) (Tag,error) {\n\n\n", 1)
	src = strings.ReplaceAll(src, "\n", "\r\n")
	file := filepath.Join(mod, "shop", "shop.go")
	writeFiles(t, mod, map[string]string{"shop/shop.go": src})
	if _, stderr, code := run(t, mod, binary(t), "-fix", "./shop"); code != 0 {
		t.Fatalf("-fix: exit code %d; stderr:\n%s", code, stderr)
	}
	after, _ := os.ReadFile(file)
	before := strings.Split(src, "\r\n")
	got := strings.Split(string(after), "\r\n")
	if len(got) != len(before) || strings.Count(string(after), "\n") != strings.Count(string(after), "\r\n") {
		t.Fatalf("line endings changed:\n%q", after)
	}
	changed := 0
	for i := range before {
		if before[i] != got[i] {
			changed++
			if !strings.Contains(got[i], "gorm:") {
				t.Errorf("line %d changed without a tag: %q -> %q", i+1, before[i], got[i])
			}
		}
	}
	if changed != 3 {
		t.Errorf("%d lines changed, want 3 (Name, Team, Member):\n%s", changed, after)
	}
	if _, stderr, code := run(t, mod, "go", "build", "./..."); code != 0 {
		t.Errorf("the fixed module does not build:\n%s", stderr)
	}
}

// Findings without a fix (the model is in another package) stay reported,
// and -fix exits 3 with them.
func TestFixReportsWhatItLeaves(t *testing.T) {
	mod := copyModule(t, "testdata/gormapp")
	before, _ := os.ReadFile(filepath.Join(mod, "models", "models.go"))
	_, stderr, code := run(t, mod, binary(t), "-fix", "./app")
	if code != 3 || !strings.Contains(stderr, "looks up") || !strings.Contains(stderr, "left") {
		t.Errorf("-fix with unfixable findings: exit %d, want 3 and the findings; stderr:\n%s", code, stderr)
	}
	if after, _ := os.ReadFile(filepath.Join(mod, "models", "models.go")); string(after) != string(before) {
		t.Errorf("-fix edited another package's model")
	}
}

// Two findings that want different tags on one field would write a field
// with two gorm keys (GORM reads the first only) or code that does not
// compile: the file is left alone and the findings stay.
func TestFixConflictLeavesTheFileAlone(t *testing.T) {
	mod := copyModule(t, "testdata/gormapp")
	src := fixSource + `
func JoinTeam(db *gorm.DB, team uint) error {
	var s Seat
	return db.Where("team = ?", team).FirstOrCreate(&s).Error
}
`
	writeFiles(t, mod, map[string]string{"shop/shop.go": src})
	file := filepath.Join(mod, "shop", "shop.go")
	_, stderr, code := run(t, mod, binary(t), "-fix", "./shop")
	after, _ := os.ReadFile(file)
	if string(after) == src {
		if code != 3 || !strings.Contains(stderr, "not fixed") {
			t.Errorf("exit %d, want 3 and a note that the file was not fixed; stderr:\n%s", code, stderr)
		}
		return
	}
	// The analyzer may merge the tags into one valid edit: then the result
	// must be sound.
	for _, line := range strings.Split(string(after), "\n") {
		if strings.Count(line, "gorm:") > 1 {
			t.Errorf("-fix wrote two gorm keys on one field: %q", line)
		}
	}
	if _, verr, vcode := run(t, mod, "go", "vet", "./shop"); vcode != 0 {
		t.Errorf("-fix wrote code that does not pass go vet:\n%s\n%s", after, verr)
	}
}
