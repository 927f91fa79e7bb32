// Package notfound has the ways code tells that an ent lookup found
// nothing, each leading to an insert of the same entity, and the shapes
// where the insert is not on that path.
package notfound

import (
	"context"
	"errors"
	"fmt"

	"example.com/entapp/ent"
	"example.com/entapp/ent/pet"
)

func isNotFound(ctx context.Context, client *ent.Client, name string) (*ent.Pet, error) {
	p, err := client.Pet.Query().Where(pet.Name(name)).Only(ctx) // want `^Only then Create \(line 18\) on pets looks up \(name\)`
	if ent.IsNotFound(err) {
		return client.Pet.Create().SetName(name).Save(ctx)
	}
	return p, err
}

func errorsAs(ctx context.Context, client *ent.Client, name string) (*ent.Pet, error) {
	p, err := client.Pet.Query().Where(pet.Name(name)).Only(ctx) // want `^Only then Create \(line 27\) on pets looks up \(name\)`
	var nfe *ent.NotFoundError
	if errors.As(err, &nfe) {
		return client.Pet.Create().SetName(name).Save(ctx)
	}
	return p, err
}

func earlyReturn(ctx context.Context, client *ent.Client, name string) (*ent.Pet, error) {
	p, err := client.Pet.Query().Where(pet.Name(name)).Only(ctx) // want `^Only then Create \(line 40\) on pets looks up \(name\)`
	if err == nil {
		return p, nil
	}
	if !ent.IsNotFound(err) {
		return nil, fmt.Errorf("looking up pet: %w", err)
	}
	return client.Pet.Create().SetName(name).Save(ctx)
}

func nestedInError(ctx context.Context, client *ent.Client, name string) (*ent.Pet, error) {
	p, err := client.Pet.Query().Where(pet.Name(name)).First(ctx) // want `^First then Create \(line 47\) on pets looks up \(name\)`
	if err != nil {
		if ent.IsNotFound(err) {
			return client.Pet.Create().SetName(name).Save(ctx)
		}
		return nil, err
	}
	return p, nil
}

func elseIf(ctx context.Context, client *ent.Client, name string) (*ent.Pet, error) {
	p, err := client.Pet.Query().Where(pet.Name(name)).Only(ctx) // want `^Only then Create \(line 59\) on pets looks up \(name\)`
	if err == nil {
		return p, nil
	} else if ent.IsNotFound(err) {
		return client.Pet.Create().SetName(name).Save(ctx)
	} else {
		return nil, err
	}
}

func switchTrue(ctx context.Context, client *ent.Client, name string) (*ent.Pet, error) {
	p, err := client.Pet.Query().Where(pet.Name(name)).Only(ctx) // want `^Only then Create \(line 71\) on pets looks up \(name\)`
	switch {
	case err == nil:
		return p, nil
	case ent.IsNotFound(err):
		return client.Pet.Create().SetName(name).Save(ctx)
	default:
		return nil, err
	}
}

func switchErr(ctx context.Context, client *ent.Client, name string) (*ent.Pet, error) {
	p, err := client.Pet.Query().Where(pet.Name(name)).Only(ctx) // want `^Only then Create \(line 84\) on pets looks up \(name\)`
	switch err {
	case nil:
		return p, nil
	}
	if ent.IsNotFound(err) {
		return client.Pet.Create().SetName(name).Save(ctx)
	}
	return nil, err
}

func nilResult(ctx context.Context, client *ent.Client, name string) (*ent.Pet, error) {
	p, _ := client.Pet.Query().Where(pet.Name(name)).First(ctx) // want `^First then Create \(line 94\) on pets looks up \(name\)`
	if p != nil {
		return p, nil
	}
	return client.Pet.Create().SetName(name).Save(ctx)
}

func notExists(ctx context.Context, client *ent.Client, name string) error {
	exists, err := client.Pet.Query().Where(pet.Name(name)).Exist(ctx) // want `^Exist then Create \(line 103\) on pets looks up \(name\)`
	if err != nil {
		return err
	}
	if !exists {
		return client.Pet.Create().SetName(name).Exec(ctx)
	}
	return nil
}

func countZero(ctx context.Context, client *ent.Client, name string) error {
	if n, err := client.Pet.Query().Where(pet.Name(name)).Count(ctx); err != nil { // want `^Count then Create \(line 112\) on pets looks up \(name\)`
		return err
	} else if n == 0 {
		return client.Pet.Create().SetName(name).Exec(ctx)
	}
	return nil
}

func nopeCreateWhenFound(ctx context.Context, client *ent.Client, name string) error { // want nopeCreateWhenFound:`lookup pets\(name\) err#0`
	p, err := client.Pet.Query().Where(pet.Name(name)).Only(ctx)
	if err != nil {
		return err
	}
	return client.Pet.Create().SetName(p.Name + " junior").Exec(ctx)
}

func nopeCreateWhenExists(ctx context.Context, client *ent.Client, name string) {
	if client.Pet.Query().Where(pet.Name(name)).ExistX(ctx) {
		client.Pet.Create().SetName(name + " copy").ExecX(ctx)
	}
}

func nopeAnyError(ctx context.Context, client *ent.Client, name string) error { // want nopeAnyError:`lookup pets\(name\) err#0`
	// Any error returns, so the insert only runs when the pet exists.
	if _, err := client.Pet.Query().Where(pet.Name(name)).Only(ctx); err != nil {
		return err
	}
	return client.Pet.Create().SetName(name + " copy").Exec(ctx)
}

func nopeReassigned(ctx context.Context, client *ent.Client, name string) error {
	_, err := client.Pet.Query().Where(pet.Name(name)).Only(ctx)
	err = validate(name)
	if ent.IsNotFound(err) {
		return client.Pet.Create().SetName(name).Exec(ctx)
	}
	return err
}

func nopeNotFoundOfCount(ctx context.Context, client *ent.Client, name string) error {
	// Count returns no NotFoundError: IsNotFound says nothing about it.
	_, err := client.Pet.Query().Where(pet.Name(name)).Count(ctx)
	if ent.IsNotFound(err) {
		return client.Pet.Create().SetName(name).Exec(ctx)
	}
	return err
}

func validate(string) error { return nil }
