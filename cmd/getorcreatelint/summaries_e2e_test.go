package main_test

import (
	"strings"
	"testing"
)

// Under go vet a summary is a fact in the vetx file of its package, and
// go vet keys a package's result by its imports' vetx content: a
// body-only edit of a repository function two imports away clears, and
// then brings back, the finding in the package that calls its wrapper.
func TestVetSummariesFollowBodyEdits(t *testing.T) {
	mod := copyModule(t, "testdata/gormapp")
	const repoFound = `package repo

import "gorm.io/gorm"

type Tag struct {
	ID   uint
	Name string
}

func FindByName(db *gorm.DB, name string) (*Tag, error) {
	var t Tag
	err := db.Where("name = ?", name).First(&t).Error
	return &t, err
}

func Create(db *gorm.DB, t *Tag) error { return db.Create(t).Error }
`
	// The same API; the body hides "not found" behind a nil error.
	repoSwallowed := strings.Replace(repoFound, "return &t, err", "_ = err\n\treturn &t, nil", 1)
	writeFiles(t, mod, map[string]string{
		"repo/repo.go": repoFound,
		"store/store.go": `package store

import (
	"gorm.io/gorm"

	"example.com/gormapp/repo"
)

func Tag(db *gorm.DB, name string) (*repo.Tag, error) { return repo.FindByName(db, name) }

func AddTag(db *gorm.DB, t *repo.Tag) error { return repo.Create(db, t) }
`,
		"service/service.go": `package service

import (
	"errors"

	"gorm.io/gorm"

	"example.com/gormapp/repo"
	"example.com/gormapp/store"
)

func EnsureTag(db *gorm.DB, name string) error {
	_, err := store.Tag(db, name)
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return store.AddTag(db, &repo.Tag{Name: name})
	}
	return err
}
`,
	})
	vet := func() string {
		_, stderr, code := run(t, mod, "go", "vet", "-vettool="+binary(t), "./service")
		if why := crashed("", stderr, code, 0, 1); why != "" {
			t.Fatalf("go vet: %s\n%s", why, stderr)
		}
		return stderr
	}
	const finding = "EnsureTag: Tag (lookup on tags (name)"
	if out := vet(); !strings.Contains(out, finding) {
		t.Fatalf("first run: no finding %q:\n%s", finding, out)
	}
	writeFiles(t, mod, map[string]string{"repo/repo.go": repoSwallowed})
	if out := vet(); strings.Contains(out, finding) {
		t.Fatalf("after hiding not-found in repo: the finding stayed:\n%s", out)
	}
	writeFiles(t, mod, map[string]string{"repo/repo.go": repoFound})
	if out := vet(); !strings.Contains(out, finding) {
		t.Fatalf("after restoring repo: no finding:\n%s", out)
	}
}
