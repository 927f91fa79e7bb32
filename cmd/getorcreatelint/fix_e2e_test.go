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

	stdout, stderr, code := run(t, mod, binary(t), "-fix", "-diff", "./shop")
	if code == 1 || !strings.Contains(stdout, "+\tName string `gorm:\"uniqueIndex\"`") {
		t.Fatalf("-fix -diff: exit code %d, want a diff adding the tag; stdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	if after, _ := os.ReadFile(file); string(after) != fixSource {
		t.Fatalf("-fix -diff changed %s", file)
	}

	if _, stderr, code := run(t, mod, binary(t), "-fix", "./shop"); code != 0 {
		t.Fatalf("-fix: exit code %d, want 0; stderr:\n%s", code, stderr)
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
