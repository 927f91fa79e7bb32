// Package lookups has one get-or-create per way of running an ent query,
// each on the non-unique name field, and the same on the unique email
// field, which nothing reports.
package lookups

import (
	"context"

	"example.com/entapp/ent"
	"example.com/entapp/ent/user"
)

func only(ctx context.Context, client *ent.Client, name string) (*ent.User, error) {
	u, err := client.User.Query().Where(user.Name(name)).Only(ctx) // want `^Only then Create \(line 16\) on users looks up \(name\) but no unique constraint covers it`
	if ent.IsNotFound(err) {
		return client.User.Create().SetName(name).Save(ctx)
	}
	return u, err
}

func first(ctx context.Context, client *ent.Client, name string) (*ent.User, error) {
	u, err := client.User.Query().Where(user.Name(name)).First(ctx) // want `^First then Create \(line 24\) on users looks up \(name\)`
	if ent.IsNotFound(err) {
		return client.User.Create().SetName(name).Save(ctx)
	}
	return u, err
}

func onlyID(ctx context.Context, client *ent.Client, name string) (int, error) {
	id, err := client.User.Query().Where(user.Name(name)).OnlyID(ctx) // want `^OnlyID then Create \(line 32\) on users looks up \(name\)`
	if ent.IsNotFound(err) {
		u, err := client.User.Create().SetName(name).Save(ctx)
		if err != nil {
			return 0, err
		}
		return u.ID, nil
	}
	return id, err
}

func firstID(ctx context.Context, client *ent.Client, name string) error {
	_, err := client.User.Query().Where(user.Name(name)).FirstID(ctx) // want `^FirstID then Create \(line 44\) on users looks up \(name\)`
	if ent.IsNotFound(err) {
		return client.User.Create().SetName(name).Exec(ctx)
	}
	return err
}

func firstX(ctx context.Context, client *ent.Client, name string) *ent.User {
	if u := client.User.Query().Where(user.Name(name)).FirstX(ctx); u != nil { // want `^FirstX then Create \(line 53\) on users looks up \(name\)`
		return u
	}
	return client.User.Create().SetName(name).SaveX(ctx)
}

func onlyX(ctx context.Context, client *ent.Client, name string) *ent.User {
	u := client.User.Query().Where(user.Name(name)).OnlyX(ctx) // want `^OnlyX then Create \(line 59\) on users looks up \(name\)`
	if u == nil {
		u = client.User.Create().SetName(name).SaveX(ctx)
	}
	return u
}

func firstIDX(ctx context.Context, client *ent.Client, name string) {
	if id := client.User.Query().Where(user.Name(name)).FirstIDX(ctx); id == 0 { // want `^FirstIDX then Create \(line 66\) on users looks up \(name\)`
		client.User.Create().SetName(name).ExecX(ctx)
	}
}

func exist(ctx context.Context, client *ent.Client, name string) error {
	exists, err := client.User.Query().Where(user.Name(name)).Exist(ctx) // want `^Exist then Create \(line 78\) on users looks up \(name\)`
	if err != nil {
		return err
	}
	if exists {
		return nil
	}
	return client.User.Create().SetName(name).Exec(ctx)
}

func existX(ctx context.Context, client *ent.Client, name string) {
	if !client.User.Query().Where(user.Name(name)).ExistX(ctx) { // want `^ExistX then Create \(line 83\) on users looks up \(name\)`
		client.User.Create().SetName(name).ExecX(ctx)
	}
}

func count(ctx context.Context, client *ent.Client, name string) error {
	n, err := client.User.Query().Where(user.Name(name)).Count(ctx) // want `^Count then Create \(line 95\) on users looks up \(name\)`
	if err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	return client.User.Create().SetName(name).Exec(ctx)
}

func countX(ctx context.Context, client *ent.Client, name string) {
	if client.User.Query().Where(user.Name(name)).CountX(ctx) == 0 { // want `^CountX then Create \(line 100\) on users looks up \(name\)`
		client.User.Create().SetName(name).ExecX(ctx)
	}
}

func createBulk(ctx context.Context, client *ent.Client, name string) error {
	exists, err := client.User.Query().Where(user.Name(name)).Exist(ctx) // want `^Exist then CreateBulk \(line 109\) on users looks up \(name\)`
	if err != nil || exists {
		return err
	}
	return client.User.CreateBulk(
		client.User.Create().SetName(name),
	).Exec(ctx)
}

func nopeOnlyByEmail(ctx context.Context, client *ent.Client, email string) (*ent.User, error) {
	u, err := client.User.Query().Where(user.Email(email)).Only(ctx)
	if ent.IsNotFound(err) {
		return client.User.Create().SetEmail(email).Save(ctx)
	}
	return u, err
}

func nopeCountByEmail(ctx context.Context, client *ent.Client, email string) {
	if client.User.Query().Where(user.Email(email)).CountX(ctx) == 0 {
		client.User.Create().SetEmail(email).ExecX(ctx)
	}
}

func nopeExistByID(ctx context.Context, client *ent.Client, id int, name string) {
	if !client.User.Query().Where(user.ID(id)).ExistX(ctx) {
		client.User.Create().SetName(name).ExecX(ctx)
	}
}

// Listing rows and inserting is not a get-or-create: All is not a lookup.
func nopeAll(ctx context.Context, client *ent.Client, name string) {
	if len(client.User.Query().Where(user.Name(name)).AllX(ctx)) == 0 {
		client.User.Create().SetName(name).ExecX(ctx)
	}
}

// The insert is of another entity.
func nopeOtherEntity(ctx context.Context, client *ent.Client, name string) {
	if !client.User.Query().Where(user.Name(name)).ExistX(ctx) {
		client.Pet.Create().SetName(name).ExecX(ctx)
	}
}
