// Package nocandidate queries and inserts through the ent client, but
// never inserts on a lookup's not-found path.
package nocandidate

import (
	"context"

	"example.com/entapp/ent"
	"example.com/entapp/ent/user"
)

func nopeQueryOnly(ctx context.Context, client *ent.Client, name string) (*ent.User, error) {
	return client.User.Query().Where(user.Name(name)).Only(ctx)
}

func nopeInsertOnly(ctx context.Context, client *ent.Client, name string) error {
	return client.User.Create().SetName(name).Exec(ctx)
}

func nopeInsertWhenFound(ctx context.Context, client *ent.Client, name string) error {
	if client.User.Query().Where(user.Name(name)).ExistX(ctx) {
		return client.User.Create().SetName(name + "2").Exec(ctx)
	}
	return nil
}
