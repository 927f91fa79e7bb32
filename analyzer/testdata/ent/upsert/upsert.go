// Package upsert has ent upserts (the sql/upsert feature) on a database
// the code does not name: a conflict target no unique key matches fails
// on PostgreSQL and SQLite.
package upsert

import (
	"context"

	"entgo.io/ent/dialect/sql"

	"example.com/entapp/ent"
	"example.com/entapp/ent/device"
	"example.com/entapp/ent/pet"
	"example.com/entapp/ent/user"
)

func ignoreOnName(ctx context.Context, client *ent.Client, tenant, name string) (int, error) {
	return client.User.Create().SetTenant(tenant).SetName(name).
		OnConflictColumns(user.FieldName).Ignore().ID(ctx) // want `^ID on users: the conflict target \(name\) matches no unique key \(unique index user_tenant_name \(tenant, name\) has other columns\); PostgreSQL and SQLite reject the INSERT at run time: add \.Unique\(\) to the "name" field of the User schema or a unique index on users\(name\)$`
}

func updateNewValues(ctx context.Context, client *ent.Client, name string) error {
	return client.Pet.Create().SetName(name).OnConflictColumns(pet.FieldName).UpdateNewValues().Exec(ctx) // want `^Exec on pets: the conflict target \(name\) matches no unique key; PostgreSQL and SQLite reject the INSERT at run time: add \.Unique\(\) to the "name" field of the Pet schema`
}

func doNothing(ctx context.Context, client *ent.Client, name string) {
	client.Pet.Create().SetName(name).OnConflictColumns(pet.FieldName).DoNothing().ExecX(ctx) // want `^ExecX on pets: the conflict target \(name\) matches no unique key`
}

func conflictColumnsOption(ctx context.Context, client *ent.Client, name string) error {
	return client.Pet.Create().SetName(name).
		OnConflict(sql.ConflictColumns(pet.FieldName, pet.FieldOwnerID), sql.ResolveWithNewValues()).
		Exec(ctx) // want `^Exec on pets: the conflict target \(name, owner_id\) matches no unique key; .* add index\.Fields\("name", "owner_id"\)\.Unique\(\) to the Indexes of the Pet schema`
}

func setterOnUpsert(ctx context.Context, client *ent.Client, tenant, name string) error {
	return client.User.Create().SetTenant(tenant).SetName(name).
		OnConflict(sql.ConflictColumns(user.FieldTenant)).SetName(name).Exec(ctx) // want `^Exec on users: the conflict target \(tenant\) matches no unique key \(unique index user_tenant_name \(tenant, name\) has other columns\)`
}

func constraintThatDoesNotExist(ctx context.Context, client *ent.Client, email string) error {
	return client.User.Create().SetEmail(email).
		OnConflict(sql.ConflictConstraint("users_mail_key"), sql.DoNothing()).Exec(ctx) // want `^Exec on users: ON CONFLICT ON CONSTRAINT users_mail_key DO NOTHING names no constraint of users \(its keys: users_external_id_key \(external_id\), users_email_key \(email\), .*, users_pkey \(id\), user_tenant_name \(tenant, name\), user_handle \(handle\) where active\); PostgreSQL rejects the INSERT at run time with "constraint \\"users_mail_key\\" for table \\"users\\" does not exist"`
}

func bulk(ctx context.Context, client *ent.Client, names []string) error {
	builders := make([]*ent.PetCreate, len(names))
	for i, n := range names {
		builders[i] = client.Pet.Create().SetName(n)
	}
	return client.Pet.CreateBulk(builders...).OnConflictColumns(pet.FieldName).Ignore().Exec(ctx) // want `^Exec on pets: the conflict target \(name\) matches no unique key`
}

func storedBuilder(ctx context.Context, client *ent.Client, name string) {
	c := client.Pet.Create()
	c.SetName(name)
	up := c.OnConflictColumns(pet.FieldName)
	up.Ignore()
	up.ExecX(ctx) // want `^ExecX on pets: the conflict target \(name\) matches no unique key`
}

func partialIndexWithoutWhere(ctx context.Context, client *ent.Client, handle string) error {
	return client.User.Create().SetHandle(handle).OnConflictColumns(user.FieldHandle).Ignore().Exec(ctx) // want `^Exec on users: the conflict target \(handle\) matches no unique key \(unique index user_handle \(handle\) where active is partial: repeat its predicate in the target`
}

func doNothingWithoutKey(ctx context.Context, client *ent.Client, name string) error {
	return client.Pet.Create().SetName(name).OnConflict(sql.DoNothing()).Exec(ctx) // want `^Exec on pets: ON CONFLICT DO NOTHING only skips rows that conflict with a unique key, and pets has none but its primary key \(id\), which the insert does not set; every call inserts a row, duplicates included: add a unique index on the columns that identify a row \(the insert sets name\) and name them as the conflict target$`
}

func primaryKeyTargetNotSet(ctx context.Context, client *ent.Client, name string) error {
	return client.Pet.Create().SetName(name).OnConflictColumns(pet.FieldID).Ignore().Exec(ctx) // want `^Exec on pets: ON CONFLICT \(id\) DO UPDATE targets the primary key \(id\), which the insert does not set, so it never conflicts; every call inserts a row`
}

func targetOfGeneratedIDEntity(ctx context.Context, client *ent.Client, serial string) error {
	return client.Device.Create().SetSerial(serial).OnConflictColumns(device.FieldSerial).DoNothing().Exec(ctx) // want `^Exec on devices: the conflict target \(serial\) matches no unique key; PostgreSQL and SQLite reject the INSERT at run time: add \.Unique\(\) to the "serial" field of the Device schema`
}

func nopeGeneratedID(ctx context.Context, client *ent.Client, serial string) error {
	// ent sets the ID from DefaultID when the code does not: whether the
	// insert sets it is not told.
	return client.Device.Create().SetSerial(serial).OnConflict(sql.DoNothing()).Exec(ctx)
}

func nopeBulkSetsUnknown(ctx context.Context, client *ent.Client, names []string) error {
	builders := make([]*ent.PetCreate, len(names))
	for i, n := range names {
		builders[i] = client.Pet.Create().SetName(n)
	}
	// What each builder sets is not followed into the slice.
	return client.Pet.CreateBulk(builders...).OnConflict(sql.DoNothing()).Exec(ctx)
}

func nopeUniqueField(ctx context.Context, client *ent.Client, email string) (int, error) {
	return client.User.Create().SetEmail(email).OnConflictColumns(user.FieldEmail).Ignore().ID(ctx)
}

func nopeIndexInAnotherOrder(ctx context.Context, client *ent.Client, tenant, name string) error {
	return client.User.Create().SetTenant(tenant).SetName(name).
		OnConflictColumns(user.FieldName, user.FieldTenant).UpdateNewValues().Exec(ctx)
}

func nopeStorageKey(ctx context.Context, client *ent.Client, phone string) error {
	// The phone field is stored in phone_number, which is unique.
	return client.User.Create().SetPhone(phone).OnConflictColumns(user.FieldPhone).Ignore().Exec(ctx)
}

func nopeEdgeIndex(ctx context.Context, client *ent.Client, name string, owner int) error {
	return client.Tag.Create().SetName(name).SetOwnerID(owner).
		OnConflict(sql.ConflictColumns("name", "user_tags"), sql.ResolveWithIgnore()).Exec(ctx)
}

func nopePartialWithWhere(ctx context.Context, client *ent.Client, handle string) error {
	return client.User.Create().SetHandle(handle).
		OnConflict(sql.ConflictColumns(user.FieldHandle), sql.ConflictWhere(sql.EQ(user.FieldActive, true)), sql.ResolveWithNewValues()).
		Exec(ctx)
}

func nopePrimaryKeyConstraint(ctx context.Context, client *ent.Client, email string) error {
	return client.User.Create().SetEmail(email).OnConflict(sql.ConflictConstraint("users_pkey"), sql.ResolveWithIgnore()).Exec(ctx)
}

func nopeNamedIndex(ctx context.Context, client *ent.Client, tenant, name string) error {
	// Only names no key has are reported.
	return client.User.Create().SetTenant(tenant).SetName(name).
		OnConflict(sql.ConflictConstraint("user_tenant_name"), sql.DoNothing()).Exec(ctx)
}

func nopeColumnsNotConstant(ctx context.Context, client *ent.Client, name string, cols []string) error {
	return client.Pet.Create().SetName(name).OnConflictColumns(cols...).Ignore().Exec(ctx)
}

func nopeNoAction(ctx context.Context, client *ent.Client, name string) error {
	// ent itself fails the INSERT: "missing action for 'DO UPDATE SET' clause".
	return client.Pet.Create().SetName(name).OnConflictColumns(pet.FieldName).Exec(ctx)
}

func nopeBothTargets(ctx context.Context, client *ent.Client, name string) error {
	// ent itself fails the INSERT: "duplicate CONFLICT clauses".
	return client.Pet.Create().SetName(name).
		OnConflict(sql.ConflictColumns(pet.FieldName), sql.ConflictConstraint("pets_name_key"), sql.DoNothing()).Exec(ctx)
}

func nopeBuilderPassedIn(ctx context.Context, c *ent.PetCreate) error {
	// Conflict options set before c was passed in are not seen.
	return c.OnConflictColumns(pet.FieldName).Ignore().Exec(ctx)
}

func nopeBuilderChangedConditionally(ctx context.Context, client *ent.Client, name string, byName bool) error {
	up := client.Pet.Create().SetName(name).OnConflict(sql.DoNothing())
	if byName {
		up = client.Pet.Create().SetName(name).OnConflictColumns(pet.FieldName).DoNothing()
	}
	return up.Exec(ctx)
}

func nopeOnConflictWithOptionsSlice(ctx context.Context, client *ent.Client, name string, opts []sql.ConflictOption) error {
	return client.Pet.Create().SetName(name).OnConflict(opts...).Exec(ctx)
}
