// Package strict has lookups whose columns cannot be known: silent by
// default, reported under -strict.
package strict

import (
	"context"

	"example.com/entapp/ent"
	"example.com/entapp/ent/pet"
	"example.com/entapp/ent/predicate"
	"example.com/entapp/ent/user"

	"entgo.io/ent/dialect/sql"
)

func or(ctx context.Context, client *ent.Client, a, b string) {
	if !client.User.Query().Where(user.Or(user.Name(a), user.Name(b))).ExistX(ctx) { // want `^ExistX then Create on users: lookup columns unknown \(the condition uses user\.Or \(a disjunction\)\)`
		client.User.Create().SetName(a).ExecX(ctx)
	}
}

func not(ctx context.Context, client *ent.Client, name string) {
	if !client.User.Query().Where(user.Not(user.Name(name))).ExistX(ctx) { // want `lookup columns unknown \(the condition uses user\.Not \(a negation\)\)`
		client.User.Create().SetName(name).ExecX(ctx)
	}
}

func in(ctx context.Context, client *ent.Client, names ...string) {
	if !client.User.Query().Where(user.NameIn(names...)).ExistX(ctx) { // want `lookup columns unknown \(the condition uses user\.NameIn\)`
		client.User.Create().SetName(names[0]).ExecX(ctx)
	}
}

func contains(ctx context.Context, client *ent.Client, name string) {
	if !client.User.Query().Where(user.NameContains(name)).ExistX(ctx) { // want `lookup columns unknown \(the condition uses user\.NameContains\)`
		client.User.Create().SetName(name).ExecX(ctx)
	}
}

// EqualFold compares case-insensitively: the unique key on email allows
// "A@x" and "a@x" side by side, so it does not back the lookup.
func equalFold(ctx context.Context, client *ent.Client, email string) {
	if !client.User.Query().Where(user.EmailEqualFold(email)).ExistX(ctx) { // want `lookup columns unknown \(the condition uses user\.EmailEqualFold \(case-insensitive: a unique index on the column allows case variants\)\)`
		client.User.Create().SetEmail(email).ExecX(ctx)
	}
}

func edgeByName(ctx context.Context, client *ent.Client, owner, name string) {
	if !client.Pet.Query().Where(pet.Name(name), pet.HasOwnerWith(user.Name(owner))).ExistX(ctx) { // want `lookup columns unknown \(the condition uses pet\.HasOwnerWith \(an edge predicate\)\)`
		client.Pet.Create().SetName(name).ExecX(ctx)
	}
}

func spread(ctx context.Context, client *ent.Client, preds []predicate.User) {
	if !client.User.Query().Where(preds...).ExistX(ctx) { // want `lookup columns unknown \(the predicates are passed as a slice\)`
		client.User.Create().ExecX(ctx)
	}
}

func fromParameter(ctx context.Context, client *ent.Client, q *ent.UserQuery) {
	if !q.ExistX(ctx) { // want `lookup columns unknown \(the query is built elsewhere\)`
		client.User.Create().ExecX(ctx)
	}
}

func noPredicates(ctx context.Context, client *ent.Client) {
	if !client.User.Query().ExistX(ctx) { // want `lookup columns unknown \(the query has no predicates\)`
		client.User.Create().ExecX(ctx)
	}
}

func conditional(ctx context.Context, client *ent.Client, name string, byName bool) {
	q := client.User.Query()
	if byName {
		q.Where(user.Name(name))
	}
	if !q.ExistX(ctx) { // want `lookup columns unknown \(the query is changed elsewhere\)`
		client.User.Create().SetName(name).ExecX(ctx)
	}
}

func customPredicate(ctx context.Context, client *ent.Client, name string) {
	if !client.User.Query().Where(func(s *sql.Selector) { s.Where(sql.EQ(s.C(user.FieldName), name)) }).ExistX(ctx) { // want `lookup columns unknown \(the condition uses a custom predicate\)`
		client.User.Create().SetName(name).ExecX(ctx)
	}
}

func offset(ctx context.Context, client *ent.Client, name string) {
	if !client.User.Query().Where(user.Name(name)).Offset(1).ExistX(ctx) { // want `lookup columns unknown \(the query calls Offset\)`
		client.User.Create().SetName(name).ExecX(ctx)
	}
}

func throughEdge(ctx context.Context, client *ent.Client, u *ent.User, name string) {
	if !client.User.QueryPets(u).Where(pet.Name(name)).ExistX(ctx) { // want `lookup columns unknown \(the query starts with QueryPets\)`
		client.Pet.Create().SetName(name).SetOwner(u).ExecX(ctx)
	}
}

// Unknown conjuncts next to a backed equality do not matter: the unique
// email alone decides.
func nopeOrBesideUnique(ctx context.Context, client *ent.Client, email, a, b string) {
	if !client.User.Query().Where(user.Email(email), user.Or(user.Name(a), user.Name(b))).ExistX(ctx) {
		client.User.Create().SetEmail(email).ExecX(ctx)
	}
}
