package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
)

// Member is kept through the ent client: its email is Unique(), its
// handle is not.
type Member struct {
	ent.Schema
}

func (Member) Fields() []ent.Field {
	return []ent.Field{
		field.String("email").Unique(),
		field.String("handle"),
	}
}
