// Package masknotfound has lookups whose error goes through the generated
// MaskNotFound, which turns "not found" into nil: the nil result then
// tells that nothing was found.
package masknotfound

import (
	"context"

	"example.com/entapp/ent"
	"example.com/entapp/ent/pet"
)

func maskInPlace(ctx context.Context, client *ent.Client, name string) (*ent.Pet, error) {
	p, err := client.Pet.Query().Where(pet.Name(name)).Only(ctx) // want `^Only then Create \(line 19\) on pets looks up \(name\)`
	if err = ent.MaskNotFound(err); err != nil {
		return nil, err
	}
	if p == nil {
		return client.Pet.Create().SetName(name).Save(ctx)
	}
	return p, nil
}

func maskIntoNewVariable(ctx context.Context, client *ent.Client, name string) (*ent.Pet, error) {
	p, err := client.Pet.Query().Where(pet.Name(name)).First(ctx) // want `^First then Create \(line 32\) on pets looks up \(name\)`
	if err := ent.MaskNotFound(err); err != nil {
		return nil, err
	}
	if p != nil {
		return p, nil
	}
	return client.Pet.Create().SetName(name).Save(ctx)
}

func maskCallInCondition(ctx context.Context, client *ent.Client, name string) error {
	p, err := client.Pet.Query().Where(pet.Name(name)).Only(ctx) // want `^Only then Create \(line 41\) on pets looks up \(name\)`
	if ent.MaskNotFound(err) != nil {
		return err
	}
	if p == nil {
		return client.Pet.Create().SetName(name).Exec(ctx)
	}
	return nil
}

func maskOnItsOwnLine(ctx context.Context, client *ent.Client, name string) error {
	p, err := client.Pet.Query().Where(pet.Name(name)).Only(ctx) // want `^Only then Create \(line 55\) on pets looks up \(name\)`
	err = ent.MaskNotFound(err)
	if err != nil {
		return err
	}
	if p != nil {
		return nil
	}
	return client.Pet.Create().SetName(name).Exec(ctx)
}

func maskDeclared(ctx context.Context, client *ent.Client, name string) error {
	p, err := client.Pet.Query().Where(pet.Name(name)).Only(ctx) // want `^Only then Create \(line 62\) on pets looks up \(name\)`
	var masked = ent.MaskNotFound(err)
	if masked == nil && p == nil {
		return client.Pet.Create().SetName(name).Exec(ctx)
	}
	return masked
}

func nopeCreateWhenMaskedIsNil(ctx context.Context, client *ent.Client, name string) error {
	// A nil masked error also means a row was found: the insert runs
	// whether or not the pet exists.
	_, err := client.Pet.Query().Where(pet.Name(name)).Only(ctx)
	if err = ent.MaskNotFound(err); err == nil {
		return client.Pet.Create().SetName(name + " copy").Exec(ctx)
	}
	return err
}

func nopeCreateWhenFound(ctx context.Context, client *ent.Client, name string) error {
	p, err := client.Pet.Query().Where(pet.Name(name)).Only(ctx)
	if err = ent.MaskNotFound(err); err != nil {
		return err
	}
	if p != nil {
		return client.Pet.Create().SetName(p.Name + " junior").Exec(ctx)
	}
	return nil
}

// MaskNotFound looks like the generated one but is this package's own:
// what it returns says nothing about the lookup.
func MaskNotFound(err error) error { return err }

func nopeLookalikeMask(ctx context.Context, client *ent.Client, name string) error {
	p, err := client.Pet.Query().Where(pet.Name(name)).Only(ctx)
	if err = MaskNotFound(err); err != nil {
		return err
	}
	if p == nil {
		return client.Pet.Create().SetName(name).Exec(ctx)
	}
	return nil
}

func nopeMaskOfAnotherError(ctx context.Context, client *ent.Client, name string) error {
	p, err := client.Pet.Query().Where(pet.Name(name)).Only(ctx)
	if err = ent.MaskNotFound(validate(name)); err != nil {
		return err
	}
	if p == nil {
		return client.Pet.Create().SetName(name).Exec(ctx)
	}
	return nil
}

func validate(string) error { return nil }
