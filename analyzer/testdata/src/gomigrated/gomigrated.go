// Package gomigrated looks up a table whose unique key a goose Go
// migration creates.
package gomigrated

import "gorm.io/gorm"

type Invite struct {
	ID    uint
	Email string
	Token string
}

func nopeKeyFromGoMigration(db *gorm.DB, email string) {
	var i Invite
	db.Where(Invite{Email: email}).FirstOrCreate(&i)
}

func tokenHasNoKey(db *gorm.DB, token string) {
	var i Invite
	db.Where(Invite{Token: token}).FirstOrCreate(&i) // want `FirstOrCreate on invites looks up \(token\) but no unique constraint covers it; concurrent calls can insert duplicates: add a unique index in a migration: CREATE UNIQUE INDEX CONCURRENTLY idx_invites_token ON invites \(token\)`
}
