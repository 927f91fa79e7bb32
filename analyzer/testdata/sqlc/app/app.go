// Package app gets or creates through sqlc's generated queries.
package app

import (
	"context"
	"database/sql"
	"errors"

	"example.com/sqlccases/store"
)

func EnsureTag(ctx context.Context, q *store.Queries, name string) (store.Tag, error) {
	t, err := q.GetTag(ctx, name) // want `EnsureTag: GetTag \(lookup on tags \(name\), store/tags.sql.go:\d+\) then CreateTag \(insert into tags, store/tags.sql.go:\d+\): no unique constraint covers \(name\) on tags; concurrent calls can insert duplicates`
	if errors.Is(err, sql.ErrNoRows) {
		return q.CreateTag(ctx, name)
	}
	return t, err
}

// The schema's UNIQUE on authors.email backs the lookup.
func nopeEnsureAuthor(ctx context.Context, q *store.Queries, email, name string) (store.Author, error) {
	a, err := q.GetAuthorByEmail(ctx, email)
	if errors.Is(err, sql.ErrNoRows) {
		return q.CreateAuthor(ctx, store.CreateAuthorParams{Email: email, Name: name})
	}
	return a, err
}

// Found path: no get-or-create.
func nopeFound(ctx context.Context, q *store.Queries, name string) {
	if _, err := q.GetTag(ctx, name); err == nil {
		_, _ = q.CreateTag(ctx, name)
	}
}
