package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// City has streets.
type City struct {
	ent.Schema
}

func (City) Fields() []ent.Field {
	return []ent.Field{field.String("name")}
}

func (City) Edges() []ent.Edge {
	return []ent.Edge{edge.To("streets", Street.Type)}
}

// Street names are unique within a city: a unique index over a field and
// an edge.
type Street struct {
	ent.Schema
}

func (Street) Fields() []ent.Field {
	return []ent.Field{
		field.String("name"),
		field.Int("city_id"),
	}
}

func (Street) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("city", City.Type).Ref("streets").Field("city_id").Unique().Required(),
	}
}

func (Street) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("name").Edges("city").Unique(),
	}
}
