// Package clients reaches the generated client in the ways applications
// do: a stored *ent.PetClient, a transaction's clients, aliased imports,
// and a transaction callback.
package clients

import (
	"context"
	"fmt"

	entgen "example.com/entapp/ent"
	petpred "example.com/entapp/ent/pet"
)

// Pets keeps the generated client of one entity.
type Pets struct {
	client *entgen.PetClient
}

func (s *Pets) Ensure(ctx context.Context, name string) (*entgen.Pet, error) {
	p, err := s.client.Query().Where(petpred.Name(name)).Only(ctx) // want `^Only then Create \(line 22\) on pets looks up \(name\)`
	if entgen.IsNotFound(err) {
		return s.client.Create().SetName(name).Save(ctx)
	}
	return p, err
}

func (s *Pets) nopeByID(ctx context.Context, id int, name string) (*entgen.Pet, error) {
	p, err := s.client.Query().Where(petpred.ID(id)).Only(ctx)
	if entgen.IsNotFound(err) {
		return s.client.Create().SetName(name).Save(ctx)
	}
	return p, err
}

func inTx(ctx context.Context, client *entgen.Client, name string) error {
	tx, err := client.Tx(ctx)
	if err != nil {
		return err
	}
	exists, err := tx.Pet.Query().Where(petpred.Name(name)).Exist(ctx) // want `^Exist then Create \(line 45\) on pets looks up \(name\)`
	if err != nil {
		return rollback(tx, err)
	}
	if !exists {
		if err := tx.Pet.Create().SetName(name).Exec(ctx); err != nil {
			return rollback(tx, err)
		}
	}
	return tx.Commit()
}

// The lookup goes through the client, the insert through a transaction:
// the same entity all the same.
func clientThenTx(ctx context.Context, client *entgen.Client, tx *entgen.Tx, name string) error {
	if client.Pet.Query().Where(petpred.Name(name)).CountX(ctx) == 0 { // want `^CountX then Create \(line 56\) on pets looks up \(name\)`
		return tx.Pet.Create().SetName(name).Exec(ctx)
	}
	return nil
}

// WithTx is the helper the ent documentation recommends.
func WithTx(ctx context.Context, client *entgen.Client, fn func(tx *entgen.Tx) error) error {
	tx, err := client.Tx(ctx)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		return rollback(tx, err)
	}
	return tx.Commit()
}

func inCallback(ctx context.Context, client *entgen.Client, name string) error {
	return WithTx(ctx, client, func(tx *entgen.Tx) error {
		p, err := tx.Pet.Query().Where(petpred.Name(name)).First(ctx) // want `^First then Create \(line 77\) on pets looks up \(name\)`
		if p == nil && entgen.IsNotFound(err) {
			_, err = tx.Pet.Create().SetName(name).Save(ctx)
		}
		return err
	})
}

func rollback(tx *entgen.Tx, err error) error {
	if rerr := tx.Rollback(); rerr != nil {
		return fmt.Errorf("%w: rolling back: %v", err, rerr)
	}
	return err
}

func nopeIgnored(ctx context.Context, client *entgen.Client, name string) error {
	//getorcreatelint:ignore pets are created by the nightly import only
	if client.Pet.Query().Where(petpred.Name(name)).CountX(ctx) == 0 {
		return client.Pet.Create().SetName(name).Exec(ctx)
	}
	return nil
}
