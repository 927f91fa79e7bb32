// Package strict: a helper whose result does not tell "not found" on
// every path makes its caller's insert unknown, shown only with -strict.
package strict

import (
	"gorm.io/gorm"

	"summaries/store"
)

func EnsureSwallowed(db *gorm.DB, name string) {
	if t, err := store.SwallowTag(db, name); err == nil && t.ID == 0 { // want `EnsureSwallowed: SwallowTag \(lookup on tags \(name\), store/store.go:130\) then CreateTag \(insert into tags, store/store.go:39\): lookup columns unknown \(SwallowTag's results do not tell on every path whether it found a row\)`
		_ = store.CreateTag(db, &store.Tag{Name: name})
	}
}

// The insert comes before the lookup: nothing to say.
func nopeInsertFirst(db *gorm.DB, name string) { // want nopeInsertFirst:`insert tags`
	_ = store.CreateTag(db, &store.Tag{Name: name})
	_, _ = store.SwallowTag(db, name)
}
