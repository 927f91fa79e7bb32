package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// User has a unique field, a non-unique one, an optional unique one, a
// field with a storage key, a composite unique index and a partial one.
type User struct {
	ent.Schema
}

func (User) Mixin() []ent.Mixin {
	return []ent.Mixin{ExternalID{}}
}

func (User) Fields() []ent.Field {
	return []ent.Field{
		field.String("email").Unique(),
		field.String("name"),
		field.String("tenant"),
		field.String("nickname").Optional().Unique(),
		field.String("phone").StorageKey("phone_number").Unique(),
		field.String("handle"),
		field.Bool("active").Default(true),
	}
}

func (User) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("tenant", "name").Unique(),
		index.Fields("handle").Unique().Annotations(entsql.IndexWhere("active")),
	}
}

func (User) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("pets", Pet.Type),
		edge.To("card", Card.Type).Unique(),
		edge.To("tags", Tag.Type),
	}
}
