// Package store reads and writes users with bun.
package store

import (
	"context"
	"database/sql"
	"errors"

	"github.com/uptrace/bun"
)

type User struct {
	bun.BaseModel `bun:"table:users"`

	ID    int64 `bun:",pk,autoincrement"`
	Email string
	Name  string
}

type Visit struct {
	ID     int64 `bun:",pk,autoincrement"`
	UserID int64
	Day    string
	Hits   int
}

// UserByName races: two callers can both miss and both insert.
func UserByName(ctx context.Context, db *bun.DB, name string) (*User, error) {
	u := new(User)
	err := db.NewSelect().Model(u).Where("name = ?", name).Scan(ctx)
	if errors.Is(err, sql.ErrNoRows) {
		u = &User{Name: name}
		_, err = db.NewInsert().Model(u).Exec(ctx)
	}
	return u, err
}

// UserByEmail is backed by the migration's unique index on email.
func UserByEmail(ctx context.Context, db *bun.DB, email string) (*User, error) {
	u := new(User)
	err := db.NewSelect().Model(u).Where("email = ?", email).Scan(ctx)
	if errors.Is(err, sql.ErrNoRows) {
		u = &User{Email: email}
		_, err = db.NewInsert().Model(u).Exec(ctx)
	}
	return u, err
}

// CountVisit names a conflict target no unique key matches.
func CountVisit(ctx context.Context, db *bun.DB, userID int64, day string) error {
	_, err := db.NewInsert().Model(&Visit{UserID: userID, Day: day, Hits: 1}).
		On("CONFLICT (user_id, day) DO UPDATE").
		Set("hits = visit.hits + 1").
		Exec(ctx)
	return err
}
