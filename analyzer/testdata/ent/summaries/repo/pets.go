package repo

import (
	"context"

	"example.com/entapp/ent"
	"example.com/entapp/ent/pet"
	"example.com/entapp/ent/tag"
	"example.com/entapp/ent/user"
)

// PetRepo reads and writes pets.
type PetRepo struct{ client *ent.Client }

// ByNameOwner looks up by two fields no key covers together.
func (r *PetRepo) ByNameOwner(ctx context.Context, name string, owner int) (*ent.Pet, error) { // want ByNameOwner:`lookup pets\(name,owner_id\) nil#0,err#1`
	return r.client.Pet.Query().Where(pet.Name(name), pet.OwnerID(owner)).Only(ctx)
}

func (r *PetRepo) Create(ctx context.Context, name string, owner int) error { // want Create:`insert pets`
	return r.client.Pet.Create().SetName(name).SetOwnerID(owner).Exec(ctx)
}

// TagRepo reads and writes tags.
type TagRepo struct{ client *ent.Client }

// OwnerTagged looks up by the owner edge's foreign key alone.
func (r *TagRepo) OwnerTagged(ctx context.Context, owner int) (bool, error) { // want OwnerTagged:`lookup tags\(user_tags\) bool#0`
	return r.client.Tag.Query().Where(tag.HasOwnerWith(user.IDEQ(owner))).Exist(ctx)
}

func (r *TagRepo) Create(ctx context.Context, name string, owner int) error { // want Create:`insert tags`
	return r.client.Tag.Create().SetName(name).SetOwnerID(owner).Exec(ctx)
}
