// Package store is a repository layer: lookups and inserts behind
// functions and methods that callers in other packages use.
package store

import (
	"errors"
	"fmt"

	"gorm.io/gorm"
)

type Tag struct {
	ID   uint
	Name string
}

type Label struct {
	ID   uint
	Name string `gorm:"uniqueIndex"`
}

type User struct {
	ID    uint
	Email string
}

// ErrNotFound is the package's own "no such row".
var ErrNotFound = errors.New("not found")

// FindTagByName returns GORM's error as it is.
func FindTagByName(db *gorm.DB, name string) (*Tag, error) { // want FindTagByName:`lookup tags\(name\) err#1`
	var t Tag
	err := db.Where("name = ?", name).First(&t).Error
	return &t, err
}

// CreateTag inserts on every path.
func CreateTag(db *gorm.DB, t *Tag) error { // want CreateTag:`insert tags`
	return db.Create(t).Error
}

// GetTag wraps the wrapper and wraps its error with %w.
func GetTag(db *gorm.DB, name string) (*Tag, error) { // want GetTag:`lookup tags\(name\) err#1`
	t, err := FindTagByName(db, name)
	if err != nil {
		return nil, fmt.Errorf("get tag %q: %w", name, err)
	}
	return t, nil
}

// LoadTag forwards the wrapper's results.
func LoadTag(db *gorm.DB, name string) (*Tag, error) { // want LoadTag:`lookup tags\(name\) err#1`
	return GetTag(db, name)
}

// FindLabel looks up a table whose key backs the lookup.
func FindLabel(db *gorm.DB, name string) (*Label, error) { // want FindLabel:`lookup labels\(name\) nil#0,err#1`
	var l Label
	if err := db.Where("name = ?", name).First(&l).Error; err != nil {
		return nil, err
	}
	return &l, nil
}

// CreateLabel inserts a label.
func CreateLabel(db *gorm.DB, l *Label) error { // want CreateLabel:`insert labels`
	return db.Create(l).Error
}

// TagExists says whether a row exists.
func TagExists(db *gorm.DB, name string) (bool, error) { // want TagExists:`lookup tags\(name\) bool#0$`
	var n int64
	err := db.Model(&Tag{}).Where("name = ?", name).Count(&n).Error
	return n > 0, err
}

// LookupTag returns (row, found).
func LookupTag(db *gorm.DB, name string) (*Tag, bool) { // want LookupTag:`lookup tags\(name\) nil#0,bool#1`
	var t Tag
	if err := db.Where("name = ?", name).First(&t).Error; err != nil {
		return nil, false
	}
	return &t, true
}

// TagOrNil returns nil when there is no row.
func TagOrNil(db *gorm.DB, name string) *Tag { // want TagOrNil:`lookup tags\(name\) nil#0`
	var t Tag
	if db.Where("name = ?", name).First(&t).Error != nil {
		return nil
	}
	return &t
}

// IsNotFound is a not-found predicate.
func IsNotFound(err error) bool { // want IsNotFound:`predicate`
	return errors.Is(err, gorm.ErrRecordNotFound) || errors.Is(err, ErrNotFound)
}

// TagIfEnabled returns a row only when enabled, and a nil one without a
// lookup otherwise: its nil result does not tell "not found".
func TagIfEnabled(db *gorm.DB, name string, enabled bool) (*Tag, error) { // want TagIfEnabled:`lookup tags\(name\) err#1`
	if !enabled {
		return nil, nil
	}
	var t Tag
	err := db.Where("name = ?", name).First(&t).Error
	return &t, err
}

// TagOnePath says ErrNotFound without looking anything up on one path:
// its error does not tell "not found" either.
func TagOnePath(db *gorm.DB, name string, cached bool) (*Tag, error) { // want TagOnePath:`lookup tags\(name\) nil#0`
	if cached {
		return nil, ErrNotFound
	}
	var t Tag
	if err := db.Where("name = ?", name).First(&t).Error; err != nil {
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return nil, ErrNotFound
		}
		return nil, err
	}
	return &t, nil
}

// SwallowTag hides the miss: nil error whether or not a row was found.
func SwallowTag(db *gorm.DB, name string) (Tag, error) { // want SwallowTag:`lookup tags\(name\) unclear`
	var t Tag
	_ = db.Where("name = ?", name).First(&t).Error
	return t, nil
}

// CreateTagIf inserts only under a condition unrelated to any lookup.
func CreateTagIf(db *gorm.DB, t *Tag, really bool) error {
	if !really {
		return nil
	}
	return db.Create(t).Error
}

// Users is a repository with its own sentinel.
type Users struct{ db *gorm.DB }

func (r *Users) FindByEmail(email string) (*User, error) { // want FindByEmail:`lookup users\(email\) nil#0,sentinel#1`
	var u User
	err := r.db.Where("email = ?", email).First(&u).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	return &u, nil
}

func (r *Users) Create(u *User) error { // want Create:`insert users`
	return r.db.Create(u).Error
}

// EnsureLocal gets or creates through helpers of its own package.
func EnsureLocal(db *gorm.DB, name string) {
	if _, err := FindTagByName(db, name); errors.Is(err, gorm.ErrRecordNotFound) { // want `EnsureLocal: FindTagByName \(lookup on tags \(name\), store/store.go:33\) then CreateTag \(insert into tags, store/store.go:39\)`
		_ = CreateTag(db, &Tag{Name: name})
	}
}

// FindUserWrapped wraps the sentinel with %w where nothing was found:
// errors.Is(err, ErrNotFound) holds for its callers.
func (r *Users) FindUserWrapped(email string) (*User, error) { // want FindUserWrapped:`lookup users\(email\) nil#0,sentinel#1`
	var u User
	err := r.db.Where("email = ?", email).First(&u).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, fmt.Errorf("user %q: %w", email, ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	return &u, nil
}

// FindUserFormatted formats the sentinel with %v: errors.Is does not
// find it, so only the nil row tells "not found".
func (r *Users) FindUserFormatted(email string) (*User, error) { // want FindUserFormatted:`lookup users\(email\) nil#0$`
	var u User
	err := r.db.Where("email = ?", email).First(&u).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, fmt.Errorf("user %q: %v", email, ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	return &u, nil
}

// ErrTaken refuses a name in use.
var ErrTaken = errors.New("name taken")

// CheckTagFree refuses a name a row already has: nil when none has it.
func CheckTagFree(db *gorm.DB, name string) error { // want CheckTagFree:`lookup tags\(name\) nil#0$`
	if name == "" {
		return errors.New("empty name")
	}
	var n int64
	db.Model(&Tag{}).Where("name = ?", name).Count(&n)
	if n > 0 {
		return ErrTaken
	}
	return nil
}

// CheckTagFreeLoosely also says nil without looking: nil does not mean
// that nothing was found.
func CheckTagFreeLoosely(db *gorm.DB, name string, trusted bool) error { // want CheckTagFreeLoosely:`lookup tags\(name\) unclear`
	if trusted {
		return nil
	}
	var n int64
	db.Model(&Tag{}).Where("name = ?", name).Count(&n)
	if n > 0 {
		return fmt.Errorf("tag %q exists", name)
	}
	return nil
}

// CheckTagErr returns what the lookup returned: nil when a row was found.
func CheckTagErr(db *gorm.DB, name string) error { // want CheckTagErr:`lookup tags\(name\) err#0$`
	var t Tag
	return db.Where("name = ?", name).First(&t).Error
}
