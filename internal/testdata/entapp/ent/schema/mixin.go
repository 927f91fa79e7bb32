package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/mixin"
)

// ExternalID gives an entity a unique external identifier.
type ExternalID struct {
	mixin.Schema
}

func (ExternalID) Fields() []ent.Field {
	return []ent.Field{
		field.String("external_id").Unique(),
	}
}
