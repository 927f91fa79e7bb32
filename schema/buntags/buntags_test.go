package buntags

import (
	"reflect"
	"testing"

	"github.com/getorcreatelint/getorcreatelint/schema"
)

func TestParseTag(t *testing.T) {
	tests := []struct {
		tag  string
		want Tag
	}{
		{"", Tag{}},
		{"email", Tag{Name: "email"}},
		{",unique", Tag{Options: map[string][]string{"unique": {""}}}},
		{"email,unique,notnull", Tag{Name: "email", Options: map[string][]string{"unique": {""}, "notnull": {""}}}},
		{",unique:org_email", Tag{Options: map[string][]string{"unique": {"org_email"}}}},
		{`,unique:"a,b"`, Tag{Options: map[string][]string{"unique": {"a,b"}}}},
		{",unique:a,unique:b", Tag{Options: map[string][]string{"unique": {"a", "b"}}}},
		{"table:users,alias:u", Tag{Options: map[string][]string{"table": {"users"}, "alias": {"u"}}}},
		{"id,pk,autoincrement", Tag{Name: "id", Options: map[string][]string{"pk": {""}, "autoincrement": {""}}}},
		{"created,default:now(),notnull", Tag{Name: "created", Options: map[string][]string{"default": {"now()"}, "notnull": {""}}}},
		{"x,default:f(a, b),pk", Tag{Name: "x", Options: map[string][]string{"default": {"f(a, b)"}, "pk": {""}}}},
		{`"quoted,name",pk`, Tag{Name: "quoted,name", Options: map[string][]string{"pk": {""}}}},
	}
	for _, tt := range tests {
		if got := ParseTag(tt.tag); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParseTag(%q) = %+v, want %+v", tt.tag, got, tt.want)
		}
	}
}

func TestUnderscore(t *testing.T) {
	for in, want := range map[string]string{
		"ID": "id", "UserID": "user_id", "Email": "email", "HTTPServer": "http_server", "CreatedAt": "created_at", "OrgUser": "org_user",
	} {
		if got := Underscore(in); got != want {
			t.Errorf("Underscore(%q) = %q, want %q", in, got, want)
		}
	}
}

func keys(tb *schema.Table) []string {
	var out []string
	for _, k := range tb.Keys {
		out = append(out, k.Kind.String()+" "+k.Describe())
	}
	return out
}

func TestParse(t *testing.T) {
	base := &Model{Name: "Timestamps", Fields: []Field{{Name: "DeletedAt", Tag: ",soft_delete,nullzero", Exported: true}}}
	m := &Model{Name: "OrgUser", Fields: []Field{
		{Name: "BaseModel", Tag: "table:members,alias:m", BaseModel: true, Anonymous: true},
		{Name: "ID", Tag: ",pk,autoincrement", Exported: true},
		{Name: "Email", Tag: ",unique", Exported: true},
		{Name: "OrgID", Tag: ",unique:org_name", Exported: true},
		{Name: "Name", Tag: "display_name,unique:org_name", Exported: true},
		{Name: "Nick", Tag: `,unique:"org_nick,nick"`, Exported: true},
		{Name: "Org", Tag: "rel:belongs-to,join:org_id=id", Exported: true},
		{Name: "Secret", Tag: "-", Exported: true},
		{Name: "internal", Exported: false},
		{Name: "Timestamps", Anonymous: true, Embedded: base},
	}}
	s := Parse(m)
	if s.Table.Name != "members" {
		t.Errorf("table %q, want members", s.Table.Name)
	}
	want := []string{
		"primary key (id)",
		"unique constraint (email)",
		"unique constraint nick (nick)",
		"unique constraint org_name (org_id, display_name)",
		// org_nick (nick) is the same key as nick (nick): the table keeps one.
	}
	if got := keys(s.Table); !reflect.DeepEqual(got, want) {
		t.Errorf("keys:\n got %q\nwant %q", got, want)
	}
	if s.SoftDelete == nil || s.SoftDelete.Column != "deleted_at" || s.SoftDelete.Field() != "DeletedAt" {
		t.Errorf("soft delete column %+v, want deleted_at", s.SoftDelete)
	}
	if _, ok := s.ByColumn("org"); ok {
		t.Error("a relation field has a column")
	}
	if _, ok := s.ByColumn("secret"); ok {
		t.Error(`a field tagged "-" has a column`)
	}
	if c, ok := s.ByColumn("display_name"); !ok || c.Field() != "Name" {
		t.Errorf("display_name: %+v %v", c, ok)
	}
}

func TestDefaultTableName(t *testing.T) {
	for name, want := range map[string]string{"User": "users", "OrgUser": "org_users", "Category": "categories", "Person": "people"} {
		if got := Parse(&Model{Name: name}).Table.Name; got != want {
			t.Errorf("%s: table %q, want %q", name, got, want)
		}
	}
}
