package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Tag names are unique per owner, through an edge without an edge field:
// ent names the foreign-key column itself.
type Tag struct {
	ent.Schema
}

func (Tag) Fields() []ent.Field {
	return []ent.Field{field.String("name")}
}

func (Tag) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("owner", User.Type).Ref("tags").Unique(),
	}
}

func (Tag) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("name").Edges("owner").Unique(),
	}
}
