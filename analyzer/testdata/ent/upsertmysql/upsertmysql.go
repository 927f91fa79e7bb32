// Package upsertmysql has ent upserts on MySQL (-dialect mysql), where ent
// writes ON DUPLICATE KEY UPDATE whatever the conflict target.
package upsertmysql

import (
	"context"

	"entgo.io/ent/dialect/sql"

	"example.com/entapp/ent"
	"example.com/entapp/ent/pet"
	"example.com/entapp/ent/user"
)

func noKeyToConflictOn(ctx context.Context, client *ent.Client, name string) error {
	return client.Pet.Create().SetName(name).OnConflictColumns(pet.FieldName).Ignore().Exec(ctx) // want `^Exec on pets: ON DUPLICATE KEY UPDATE only skips rows that conflict with a unique key, and pets has none but its primary key \(id\), which the insert does not set; every call inserts a row, duplicates included: add a unique index on the columns that identify a row \(the insert sets name\)$`
}

func nopeTargetIgnored(ctx context.Context, client *ent.Client, tenant, name string) error {
	// MySQL takes no target: the INSERT conflicts on any unique key of users.
	return client.User.Create().SetTenant(tenant).SetName(name).OnConflictColumns(user.FieldName).Ignore().Exec(ctx)
}

func nopeConstraintIgnored(ctx context.Context, client *ent.Client, email string) error {
	return client.User.Create().SetEmail(email).OnConflict(sql.ConflictConstraint("no_such_key"), sql.DoNothing()).Exec(ctx)
}
