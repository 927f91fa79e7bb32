package app

import (
	"context"

	"entgo.io/ent/dialect/sql"

	"example.com/entapp/ent"
	"example.com/entapp/ent/pet"
	"example.com/entapp/ent/user"
)

// PetNamed masks the not-found error and tells by the nil pet that there
// was none; nothing stops two calls from both creating it.
func PetNamed(ctx context.Context, client *ent.Client, name string) (*ent.Pet, error) {
	p, err := client.Pet.Query().Where(pet.Name(name)).Only(ctx)
	if err = ent.MaskNotFound(err); err != nil {
		return nil, err
	}
	if p == nil {
		return client.Pet.Create().SetName(name).Save(ctx)
	}
	return p, nil
}

// UpsertByEmail is the atomic form, on the unique email field.
func UpsertByEmail(ctx context.Context, client *ent.Client, email string) (int, error) {
	return client.User.Create().SetEmail(email).OnConflictColumns(user.FieldEmail).Ignore().ID(ctx)
}

// UpsertByName targets the name alone, which only (tenant, name) keys.
func UpsertByName(ctx context.Context, client *ent.Client, tenant, name string) error {
	return client.User.Create().SetTenant(tenant).SetName(name).
		OnConflictColumns(user.FieldName).UpdateNewValues().Exec(ctx)
}

// UpsertByConstraint names a constraint the schema does not have.
func UpsertByConstraint(ctx context.Context, client *ent.Client, email string) error {
	return client.User.Create().SetEmail(email).
		OnConflict(sql.ConflictConstraint("users_email_uniq"), sql.DoNothing()).Exec(ctx)
}
