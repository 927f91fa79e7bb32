// Package app is a small service over the generated ent client, with the
// get-or-create code such services have.
package app

import (
	"context"
	"fmt"

	"example.com/entapp/ent"
	"example.com/entapp/ent/pet"
	"example.com/entapp/ent/street"
	"example.com/entapp/ent/tag"
	"example.com/entapp/ent/user"
)

// Users keeps the generated client of one entity, as services often do.
type Users struct {
	client *ent.UserClient
}

// ByEmail is backed: email is a unique field.
func (s *Users) ByEmail(ctx context.Context, email string) (*ent.User, error) {
	u, err := s.client.Query().Where(user.Email(email)).Only(ctx)
	if ent.IsNotFound(err) {
		return s.client.Create().SetEmail(email).Save(ctx)
	}
	return u, err
}

// ByName is not: the unique index is on (tenant, name).
func (s *Users) ByName(ctx context.Context, name string) (*ent.User, error) {
	u, err := s.client.Query().Where(user.Name(name)).Only(ctx)
	if err == nil {
		return u, nil
	}
	if !ent.IsNotFound(err) {
		return nil, fmt.Errorf("looking up %s: %w", name, err)
	}
	return s.client.Create().SetName(name).Save(ctx)
}

// AdoptPet gets or creates a pet of an owner in a transaction; the
// owner's pets may share names, so nothing stops a duplicate.
func AdoptPet(ctx context.Context, client *ent.Client, owner int, name string) (*ent.Pet, error) {
	tx, err := client.Tx(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	p, err := tx.Pet.Query().Where(pet.Name(name), pet.OwnerID(owner)).First(ctx)
	switch {
	case err == nil:
		return p, tx.Commit()
	case ent.IsNotFound(err):
		p, err = tx.Pet.Create().SetName(name).SetOwnerID(owner).Save(ctx)
		if err != nil {
			return nil, err
		}
		return p, tx.Commit()
	default:
		return nil, err
	}
}

// EnsureStreet is backed by the unique index on (name, city_id).
func EnsureStreet(ctx context.Context, client *ent.Client, cityID int, name string) error {
	exists, err := client.Street.Query().Where(street.Name(name), street.CityID(cityID)).Exist(ctx)
	if err != nil || exists {
		return err
	}
	return client.Street.Create().SetName(name).SetCityID(cityID).Exec(ctx)
}

// TagFor is backed by the unique index over the tag's name and its owner
// edge.
func TagFor(ctx context.Context, client *ent.Client, owner int, name string) (*ent.Tag, error) {
	t, err := client.Tag.Query().Where(tag.Name(name), tag.HasOwnerWith(user.ID(owner))).Only(ctx)
	if ent.IsNotFound(err) {
		return client.Tag.Create().SetName(name).SetOwnerID(owner).Save(ctx)
	}
	return t, err
}

// EnsureTenantUser looks up by tenant only, though the key also needs the
// name.
func EnsureTenantUser(ctx context.Context, client *ent.Client, tenant, name string) {
	if client.User.Query().Where(user.Tenant(tenant)).CountX(ctx) == 0 {
		client.User.Create().SetTenant(tenant).SetName(name).ExecX(ctx)
	}
}
