// Package nocandidate queries and inserts through the ent client, but
// never inserts on a lookup's not-found path, and no function returns a
// lookup's result to its callers.
package nocandidate

import (
	"context"
	"log"

	"example.com/entapp/ent"
	"example.com/entapp/ent/user"
)

func nopeQueryOnly(ctx context.Context, client *ent.Client, name string) {
	u, err := client.User.Query().Where(user.Name(name)).Only(ctx)
	log.Println(u, err)
}

func nopeInsertOnly(ctx context.Context, client *ent.Client, name string) error { // want nopeInsertOnly:`insert users`
	return client.User.Create().SetName(name).Exec(ctx)
}

func nopeInsertWhenFound(ctx context.Context, client *ent.Client, name string) error {
	if client.User.Query().Where(user.Name(name)).ExistX(ctx) {
		return client.User.Create().SetName(name + "2").Exec(ctx)
	}
	return nil
}
