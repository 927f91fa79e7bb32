// Package predicates resolves the columns of ent predicates through the
// generated code and checks them against the keys ent declares: unique
// fields, a mixin's unique field, a storage key, an optional unique field,
// a composite unique index, a partial one, edge fields and edges.
package predicates

import (
	"context"

	"example.com/entapp/ent"
	"example.com/entapp/ent/card"
	"example.com/entapp/ent/city"
	"example.com/entapp/ent/pet"
	"example.com/entapp/ent/predicate"
	"example.com/entapp/ent/street"
	"example.com/entapp/ent/tag"
	"example.com/entapp/ent/user"

	"entgo.io/ent/dialect/sql"
)

func eqSuffix(ctx context.Context, client *ent.Client, name string) {
	if !client.User.Query().Where(user.NameEQ(name)).ExistX(ctx) { // want `ExistX then Create \(line 24\) on users looks up \(name\)`
		client.User.Create().SetName(name).ExecX(ctx)
	}
}

func nopeEmailEQ(ctx context.Context, client *ent.Client, email string) {
	if !client.User.Query().Where(user.EmailEQ(email)).ExistX(ctx) {
		client.User.Create().SetEmail(email).ExecX(ctx)
	}
}

// The composite unique index (tenant, name) backs a lookup on both
// columns, in one Where, in two, or grouped by And.
func nopeCompositeIndex(ctx context.Context, client *ent.Client, tenant, name string) {
	if !client.User.Query().Where(user.Tenant(tenant), user.Name(name)).ExistX(ctx) {
		client.User.Create().SetTenant(tenant).SetName(name).ExecX(ctx)
	}
}

func nopeCompositeTwoWheres(ctx context.Context, client *ent.Client, tenant, name string) {
	if !client.User.Query().Where(user.Name(name)).Where(user.Tenant(tenant)).ExistX(ctx) {
		client.User.Create().SetTenant(tenant).SetName(name).ExecX(ctx)
	}
}

func nopeCompositeAnd(ctx context.Context, client *ent.Client, tenant, name string) {
	if !client.User.Query().Where(user.And(user.Tenant(tenant), user.Name(name))).ExistX(ctx) {
		client.User.Create().SetTenant(tenant).SetName(name).ExecX(ctx)
	}
}

func compositeHalf(ctx context.Context, client *ent.Client, tenant string) {
	if !client.User.Query().Where(user.Tenant(tenant)).ExistX(ctx) { // want `looks up \(tenant\) but no unique constraint covers it \(unique index user_tenant_name \(tenant, name\) also needs name\); concurrent calls can insert duplicates: include name in the lookup, or add \.Unique\(\) to the "tenant" field of the User schema or a unique index on users\(tenant\)`
		client.User.Create().SetTenant(tenant).ExecX(ctx)
	}
}

// A field from a mixin, with its unique key.
func nopeMixinField(ctx context.Context, client *ent.Client, ext string) {
	if !client.User.Query().Where(user.ExternalID(ext)).ExistX(ctx) {
		client.User.Create().SetExternalID(ext).ExecX(ctx)
	}
}

// The phone field is stored in phone_number: the key is on that column.
func nopeStorageKey(ctx context.Context, client *ent.Client, phone string) {
	if !client.User.Query().Where(user.Phone(phone)).ExistX(ctx) {
		client.User.Create().SetPhone(phone).ExecX(ctx)
	}
}

func storageKeyAndName(ctx context.Context, client *ent.Client, phone, handle string) {
	if !client.User.Query().Where(user.Handle(handle)).ExistX(ctx) { // want `looks up \(handle\) but no unique constraint covers it \(unique index user_handle \(handle\) where active is partial and the lookup does not imply active\)`
		client.User.Create().SetPhone(phone).SetHandle(handle).ExecX(ctx)
	}
}

// The partial unique index on handle WHERE active backs a lookup that
// requires active.
func nopePartialIndex(ctx context.Context, client *ent.Client, handle string) {
	if !client.User.Query().Where(user.Handle(handle), user.Active(true)).ExistX(ctx) {
		client.User.Create().SetHandle(handle).ExecX(ctx)
	}
}

// An optional unique field: NULLs never conflict, but the value looked up
// is a string, never NULL.
func nopeOptionalUnique(ctx context.Context, client *ent.Client, nick string) {
	if !client.User.Query().Where(user.Nickname(nick)).ExistX(ctx) {
		client.User.Create().SetNickname(nick).ExecX(ctx)
	}
}

// Looking for the users without a nickname: the unique key allows many.
func optionalIsNil(ctx context.Context, client *ent.Client) {
	if !client.User.Query().Where(user.NicknameIsNil()).ExistX(ctx) { // want `looks up \(nickname IS NULL\) but no unique constraint covers it \(unique constraint \(nickname\) does not help: the lookup requires nickname IS NULL and NULLs never conflict\); concurrent calls can insert duplicates: add a unique index on users\(nickname\) NULLS NOT DISTINCT`
		client.User.Create().ExecX(ctx)
	}
}

// A predicate stored in a variable, and one written out with sql.FieldEQ.
func nopePredicateVariable(ctx context.Context, client *ent.Client, email string) {
	byEmail := user.Email(email)
	if !client.User.Query().Where(byEmail).ExistX(ctx) {
		client.User.Create().SetEmail(email).ExecX(ctx)
	}
}

func fieldEQWrittenOut(ctx context.Context, client *ent.Client, name string) {
	if !client.User.Query().Where(predicate.User(sql.FieldEQ(user.FieldName, name))).ExistX(ctx) { // want `looks up \(name\)`
		client.User.Create().SetName(name).ExecX(ctx)
	}
}

// Edge fields: the pet's owner_id has no unique key; the card's owner_id
// is unique (a one-to-one edge).
func edgeField(ctx context.Context, client *ent.Client, owner int) {
	if !client.Pet.Query().Where(pet.OwnerID(owner)).ExistX(ctx) { // want `looks up \(owner_id\) but no unique constraint covers it; concurrent calls can insert duplicates: add \.Unique\(\) to the "owner_id" field of the Pet schema or a unique index on pets\(owner_id\); then Create\(\)\.\.\.OnConflictColumns\(pet\.FieldOwnerID\)\.Ignore\(\)\.ID\(ctx\) \(sql/upsert feature\) gets or creates in one statement`
		client.Pet.Create().SetOwnerID(owner).ExecX(ctx)
	}
}

func nopeUniqueEdgeField(ctx context.Context, client *ent.Client, owner int, number string) {
	if !client.Card.Query().Where(card.OwnerID(owner)).ExistX(ctx) {
		client.Card.Create().SetOwnerID(owner).SetNumber(number).ExecX(ctx)
	}
}

// A street name is unique within its city: index.Fields("name").Edges("city").
func nopeEdgeIndexByField(ctx context.Context, client *ent.Client, cityID int, name string) {
	if !client.Street.Query().Where(street.Name(name), street.CityID(cityID)).ExistX(ctx) {
		client.Street.Create().SetName(name).SetCityID(cityID).ExecX(ctx)
	}
}

func nopeEdgeIndexByEdge(ctx context.Context, client *ent.Client, cityID int, name string) {
	if !client.Street.Query().Where(street.Name(name), street.HasCityWith(city.ID(cityID))).ExistX(ctx) {
		client.Street.Create().SetName(name).SetCityID(cityID).ExecX(ctx)
	}
}

func streetName(ctx context.Context, client *ent.Client, cityID int, name string) {
	if !client.Street.Query().Where(street.Name(name)).ExistX(ctx) { // want `looks up \(name\) but no unique constraint covers it \(unique index street_name_city_id \(name, city_id\) also needs city_id\)`
		client.Street.Create().SetName(name).SetCityID(cityID).ExecX(ctx)
	}
}

// A tag name is unique per owner, through an edge without an edge field.
func nopeEdgeWithoutField(ctx context.Context, client *ent.Client, owner int, name string) {
	if !client.Tag.Query().Where(tag.Name(name), tag.HasOwnerWith(user.ID(owner))).ExistX(ctx) {
		client.Tag.Create().SetName(name).SetOwnerID(owner).ExecX(ctx)
	}
}

func tagsOfOwner(ctx context.Context, client *ent.Client, owner int) {
	if !client.Tag.Query().Where(tag.HasOwnerWith(user.IDEQ(owner))).ExistX(ctx) { // want `looks up \(user_tags\) but no unique constraint covers it \(unique index tag_name_user_tags \(name, user_tags\) also needs name\); concurrent calls can insert duplicates: include name in the lookup, or add index\.Edges\("owner"\)\.Unique\(\) to the Indexes of the Tag schema or a unique index on tags\(user_tags\); then Create\(\)\.\.\.OnConflictColumns\(tag\.OwnerColumn\)`
		client.Tag.Create().SetName("default").SetOwnerID(owner).ExecX(ctx)
	}
}

func compositeFix(ctx context.Context, client *ent.Client, name string, owner int) {
	if !client.Pet.Query().Where(pet.Name(name), pet.OwnerID(owner)).ExistX(ctx) { // want `looks up \(name, owner_id\) but no unique constraint covers it; concurrent calls can insert duplicates: add index\.Fields\("name", "owner_id"\)\.Unique\(\) to the Indexes of the Pet schema or a unique index on pets\(name, owner_id\); then Create\(\)\.\.\.OnConflictColumns\(pet\.FieldName, pet\.FieldOwnerID\)\.Ignore\(\)\.ID\(ctx\)`
		client.Pet.Create().SetName(name).SetOwnerID(owner).ExecX(ctx)
	}
}

// The query is built in a variable and refined by statements before it
// runs.
func nopeBuiltInVariable(ctx context.Context, client *ent.Client, tenant, name string) {
	q := client.User.Query()
	q.Where(user.Tenant(tenant))
	q = q.Where(user.Name(name))
	if !q.ExistX(ctx) {
		client.User.Create().SetTenant(tenant).SetName(name).ExecX(ctx)
	}
}

func builtInVariable(ctx context.Context, client *ent.Client, tenant string) {
	q := client.User.Query().Order(user.ByName())
	q.Where(user.Tenant(tenant))
	if !q.ExistX(ctx) { // want `looks up \(tenant\)`
		client.User.Create().SetTenant(tenant).ExecX(ctx)
	}
}

// A primary-key lookup is backed.
func nopeByID(ctx context.Context, client *ent.Client, id int, name string) {
	if !client.Pet.Query().Where(pet.ID(id)).ExistX(ctx) {
		client.Pet.Create().SetName(name).ExecX(ctx)
	}
}
