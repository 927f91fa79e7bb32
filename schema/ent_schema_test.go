package schema

import (
	"go/ast"
	"go/parser"
	"go/token"
	"sort"
	"testing"
)

// entSchemaSources is an ent schema package in three files, written as
// ent's documentation writes schemas.
var entSchemaSources = map[string]string{
	"mixin.go": `package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
	"entgo.io/ent/schema/mixin"
)

type ExternalID struct{ mixin.Schema }

func (ExternalID) Fields() []ent.Field {
	return []ent.Field{field.String("external_id").Unique()}
}

type Slugged struct{ mixin.Schema }

func (Slugged) Fields() []ent.Field { return []ent.Field{field.String("slug")} }

func (Slugged) Indexes() []ent.Index { return []ent.Index{index.Fields("slug").Unique()} }
`,
	"user.go": `package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
	"entgo.io/ent/schema/mixin"
)

type User struct {
	ent.Schema
}

func (User) Mixin() []ent.Mixin {
	return []ent.Mixin{ExternalID{}, Slugged{}, mixin.Time{}}
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
		helperField(),
	}
}

func (User) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("tenant", "name").Unique(),
		index.Fields("handle").Unique().Annotations(entsql.IndexWhere("active")),
		index.Fields("name"),
		index.Fields("missing").Unique(),
	}
}

func (User) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("card", Card.Type).Unique(),
		edge.To("pets", Pet.Type),
		edge.To("tags", Tag.Type),
	}
}
`,
	"others.go": `package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

type Card struct{ ent.Schema }

func (Card) Fields() []ent.Field { return []ent.Field{field.Int("owner_id")} }

func (Card) Edges() []ent.Edge {
	return []ent.Edge{edge.From("owner", User.Type).Ref("card").Unique().Field("owner_id").Required()}
}

type Pet struct{ ent.Schema }

func (Pet) Fields() []ent.Field {
	return []ent.Field{field.String("name"), field.Int("owner_id").Optional()}
}

func (Pet) Edges() []ent.Edge {
	return []ent.Edge{edge.From("owner", User.Type).Ref("pets").Unique().Field("owner_id")}
}

func (Pet) Indexes() []ent.Index {
	return []ent.Index{index.Fields("name").Edges("owner").Unique()}
}

type Tag struct{ ent.Schema }

func (Tag) Fields() []ent.Field { return []ent.Field{field.String("name")} }

func (Tag) Edges() []ent.Edge {
	return []ent.Edge{edge.From("owner", User.Type).Ref("tags").Unique()}
}

func (Tag) Indexes() []ent.Index {
	return []ent.Index{index.Fields("name").Edges("owner").Unique()}
}

type Membership struct{ ent.Schema }

func (Membership) Annotations() []schema.Annotation {
	return []schema.Annotation{field.ID("user_id", "group_id")}
}

func (Membership) Fields() []ent.Field {
	return []ent.Field{field.Int("user_id"), field.Int("group_id").StorageKey("team_id")}
}

type Account struct{ ent.Schema }

func (Account) Fields() []ent.Field {
	return []ent.Field{field.String("id").StorageKey("account_id")}
}
`,
}

func parseEntSchemaSources(t *testing.T, sources map[string]string) *Catalog {
	t.Helper()
	fset := token.NewFileSet()
	var files []*ast.File
	names := make([]string, 0, len(sources))
	for name := range sources {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		f, err := parser.ParseFile(fset, name, sources[name], 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	return ParseEntSchema(fset, files)
}

func TestParseEntSchema(t *testing.T) {
	tables := parseEntSchemaSources(t, entSchemaSources)
	tests := []struct {
		schema string
		keys   string
	}{
		{"User", "unique constraint (external_id); unique constraint (email); unique constraint (nickname); " +
			"unique constraint (phone_number); primary key (id); unique index (slug); unique index (tenant, name); " +
			"unique index (handle) where active"},
		// The one-to-one edge's field is unique; the one-to-many's is not.
		{"Card", "primary key (id); unique constraint (owner_id)"},
		{"Pet", "primary key (id); unique index (name, owner_id)"},
		// The owner edge has no edge field: its column is the generated
		// code's to name.
		{"Tag", "primary key (id)"},
		{"Membership", "primary key (user_id, team_id)"},
		{"Account", "primary key (account_id)"},
	}
	if len(tables.Tables) != len(tests) {
		t.Errorf("schemas %v, want %d", tables.Names(), len(tests))
	}
	for _, tt := range tests {
		table := tables.Table(tt.schema)
		if table == nil {
			t.Errorf("no schema %s", tt.schema)
			continue
		}
		if got := keysOf(table); got != tt.keys {
			t.Errorf("%s keys:\n got %s\nwant %s", tt.schema, got, tt.keys)
		}
	}
	user := tables.Table("User")
	if user.ColumnNotNull("nickname") || !user.ColumnNotNull("email") || !user.ColumnNotNull("phone_number") {
		t.Errorf("nullability: nickname %v, email %v, phone_number %v; want false, true, true",
			user.ColumnNotNull("nickname"), user.ColumnNotNull("email"), user.ColumnNotNull("phone_number"))
	}
	if src := user.Keys[1].Source; src.File != "user.go" || src.Line != 22 {
		t.Errorf("source of the email key: %s, want user.go:22", src)
	}
}

// Packages that merely share ent's package names declare nothing.
func TestParseEntSchemaOtherPackages(t *testing.T) {
	tables := parseEntSchemaSources(t, map[string]string{"user.go": `package schema

import (
	"entgo.io/ent"
	"example.com/field"
)

type User struct{ ent.Schema }

func (User) Fields() []ent.Field { return []ent.Field{field.String("email").Unique()} }
`})
	if got := keysOf(tables.Table("User")); got != "primary key (id)" {
		t.Errorf("keys %s, want only the primary key", got)
	}
}
