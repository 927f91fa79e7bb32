// Package sqlstrict: a database/sql helper's query that the call does
// not complete is an unknown lookup there, shown only with -strict.
package sqlstrict

import (
	"context"
	"database/sql"
	"errors"

	"summaries/sqlrepo"
)

func EnsureColumnVariable(ctx context.Context, u *sqlrepo.Users, column, v string) error {
	if _, err := u.FindBy(ctx, column, v); errors.Is(err, sql.ErrNoRows) { // want `EnsureColumnVariable: FindBy \(lookup on users, sqlrepo/sqlrepo\.go:38\) then Add \(insert into users, sqlrepo/sqlrepo\.go:50\): lookup columns unknown \(the column passed to FindBy is not a constant\)`
		return u.Add(ctx, v, v)
	}
	return nil
}

// A constant column: a finding, not an unknown lookup.
func EnsureName(ctx context.Context, u *sqlrepo.Users, name string) error {
	if _, err := u.FindBy(ctx, "name", name); errors.Is(err, sql.ErrNoRows) { // want `EnsureName: FindBy \(lookup on users \(name\), sqlrepo/sqlrepo\.go:38\) then Add \(insert into users, sqlrepo/sqlrepo\.go:50\): no unique constraint covers \(name\) on users`
		return u.Add(ctx, "", name)
	}
	return nil
}
