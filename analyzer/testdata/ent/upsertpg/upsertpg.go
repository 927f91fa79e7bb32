// Package upsertpg has ent upserts on PostgreSQL (-dialect postgres).
package upsertpg

import (
	"context"

	"entgo.io/ent/dialect/sql"

	"example.com/entapp/ent"
	"example.com/entapp/ent/pet"
	"example.com/entapp/ent/user"
)

func updateWithoutTarget(ctx context.Context, client *ent.Client, email string) error {
	return client.User.Create().SetEmail(email).OnConflict(sql.ResolveWithNewValues()).Exec(ctx) // want `^Exec on users: ON CONFLICT DO UPDATE has no conflict target; PostgreSQL rejects the INSERT at run time with "ON CONFLICT DO UPDATE requires inference specification or constraint name": name the columns of a unique key such as \(external_id\) or \(email\)`
}

func targetWithoutKey(ctx context.Context, client *ent.Client, name string) (int, error) {
	return client.Pet.Create().SetName(name).OnConflictColumns(pet.FieldName).Ignore().ID(ctx) // want `^ID on pets: the conflict target \(name\) matches no unique key; PostgreSQL rejects the INSERT at run time with "there is no unique or exclusion constraint matching the ON CONFLICT specification": add \.Unique\(\) to the "name" field of the Pet schema or a unique index on pets\(name\)$`
}

func constraintThatDoesNotExist(ctx context.Context, client *ent.Client, email string) error {
	return client.User.Create().SetEmail(email).OnConflict(sql.ConflictConstraint("users_email_unique"), sql.ResolveWithIgnore()).Exec(ctx) // want `^Exec on users: ON CONFLICT ON CONSTRAINT users_email_unique DO UPDATE names no constraint of users`
}

func nopeTargetOfUniqueField(ctx context.Context, client *ent.Client, email string) error {
	return client.User.Create().SetEmail(email).OnConflictColumns(user.FieldEmail).UpdateNewValues().Exec(ctx)
}

func nopeDoNothingWithoutTarget(ctx context.Context, client *ent.Client, email string) error {
	// DO NOTHING needs no target, and users has unique keys to conflict on.
	return client.User.Create().SetEmail(email).OnConflict(sql.DoNothing()).Exec(ctx)
}

func nopeImpliedName(ctx context.Context, client *ent.Client, email string) error {
	// ent's migration names the unique index of the email field users_email_key.
	return client.User.Create().SetEmail(email).OnConflict(sql.ConflictConstraint("users_email_key"), sql.DoNothing()).Exec(ctx)
}
