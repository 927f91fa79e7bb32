package schema

import (
	"fmt"
	"strings"
	"testing"

	gormschema "gorm.io/gorm/schema"
)

func keysOf(t *Table) string {
	var out []string
	for _, k := range t.Keys {
		s := fmt.Sprintf("%s %s", k.Kind, k.Describe())
		if k.NullsNotDistinct {
			s += " nulls-not-distinct"
		}
		out = append(out, s)
	}
	return strings.Join(out, "; ")
}

// gormModel is the gorm.Model every GORM user embeds.
var gormModel = &GORMModel{Name: "Model", Fields: []GORMField{
	{Name: "ID", Tag: `gorm:"primarykey"`, Column: true},
	{Name: "CreatedAt", Column: true},
	{Name: "UpdatedAt", Column: true},
	{Name: "DeletedAt", Tag: `gorm:"index"`, Column: true, Nullable: true, SoftDelete: SoftDeleteNull},
}}

func TestParseGORM(t *testing.T) {
	tests := []struct {
		name       string
		model      *GORMModel
		wantTable  string
		wantKeys   string
		wantColumn map[string]string // Go field -> column
	}{
		{
			name: "default ID primary key and unique tags",
			model: &GORMModel{Name: "User", Fields: []GORMField{
				{Name: "ID", Column: true},
				{Name: "Email", Tag: `gorm:"uniqueIndex"`, Column: true},
				{Name: "Name", Tag: `gorm:"unique"`, Column: true},
				{Name: "Nick", Tag: `gorm:"index"`, Column: true},
			}},
			wantTable:  "users",
			wantKeys:   "primary key (id); unique constraint uni_users_name (name); unique index idx_users_email (email)",
			wantColumn: map[string]string{"Email": "email", "Nick": "nick"},
		},
		{
			name: "composite uniqueIndex by shared name and priority",
			model: &GORMModel{Name: "Membership", Fields: []GORMField{
				{Name: "OrgID", Tag: `gorm:"primaryKey;uniqueIndex:idx_org_user,priority:2"`, Column: true},
				{Name: "UserID", Tag: `gorm:"uniqueIndex:idx_org_user,priority:1"`, Column: true},
				{Name: "ID", Column: true},
			}},
			wantTable: "memberships",
			wantKeys:  "primary key (org_id); unique index idx_org_user (user_id, org_id)",
		},
		{
			name: "index with unique option and class",
			model: &GORMModel{Name: "Tag", Fields: []GORMField{
				{Name: "ID", Column: true},
				{Name: "A", Tag: `gorm:"index:idx_ab,unique"`, Column: true},
				{Name: "B", Tag: `gorm:"index:idx_ab"`, Column: true},
				{Name: "C", Tag: `gorm:"index:,class:UNIQUE"`, Column: true},
				{Name: "D", Tag: `gorm:"index:idx_d,where:deleted_at IS NULL,unique"`, Column: true},
				{Name: "E", Tag: `gorm:"uniqueIndex:idx_e,expression:LOWER(e)"`, Column: true},
			}},
			wantTable: "tags",
			wantKeys:  "primary key (id); unique index idx_ab (a, b); unique index idx_tags_c (c); unique index idx_d (d) where deleted_at is null; unique index idx_e (lower(e))",
		},
		{
			name: "gorm.Model, embedded prefix, column tag, TableName, ignored and relation fields",
			model: &GORMModel{Name: "Post", Table: "articles", Fields: []GORMField{
				{Name: "Model", Anonymous: true, Embedded: gormModel},
				{Name: "Author", Tag: `gorm:"embedded;embeddedPrefix:author_"`, Embedded: &GORMModel{Name: "Author", Fields: []GORMField{
					{Name: "Email", Tag: `gorm:"uniqueIndex"`, Column: true},
				}}},
				{Name: "Slug", Tag: `gorm:"column:url_slug;uniqueIndex:idx_slug"`, Column: true},
				{Name: "Cache", Tag: `gorm:"-"`, Column: true},
				{Name: "Comments"}, // has-many relation
			}},
			wantTable:  "articles",
			wantKeys:   "primary key (id); unique index idx_articles_email (author_email); unique index idx_slug (url_slug)",
			wantColumn: map[string]string{"Slug": "url_slug", "Email": "author_email", "ID": "id", "DeletedAt": "deleted_at"},
		},
		{
			name: "explicit non-ID primary key wins over ID",
			model: &GORMModel{Name: "Code", Fields: []GORMField{
				{Name: "ID", Column: true},
				{Name: "Code", Tag: `gorm:"primaryKey"`, Column: true},
			}},
			wantTable: "codes",
			wantKeys:  "primary key (code)",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := ParseGORM(tt.model, gormschema.NamingStrategy{})
			if s.Table.Name != tt.wantTable {
				t.Errorf("table = %q, want %q", s.Table.Name, tt.wantTable)
			}
			if got := keysOf(s.Table); got != tt.wantKeys {
				t.Errorf("keys\n got %s\nwant %s", got, tt.wantKeys)
			}
			for field, col := range tt.wantColumn {
				c, ok := s.ByField(field)
				if !ok || c.Column != col {
					t.Errorf("column of %s = %q (found %v), want %q", field, c.Column, ok, col)
				}
			}
			if _, ok := s.ByField("Cache"); ok {
				t.Errorf("field tagged gorm:\"-\" must not be a column")
			}
		})
	}
}

func TestParseGORMSoftDelete(t *testing.T) {
	s := ParseGORM(&GORMModel{Name: "User", Fields: []GORMField{
		{Name: "Model", Anonymous: true, Embedded: gormModel},
		{Name: "Email", Column: true},
	}}, gormschema.NamingStrategy{})
	if s.SoftDelete == nil || s.SoftDelete.Column != "deleted_at" || s.SoftDelete.SoftDelete != SoftDeleteNull {
		t.Fatalf("soft delete = %+v, want deleted_at IS NULL", s.SoftDelete)
	}
	if !s.Table.ColumnNotNull("id") || s.Table.ColumnNotNull("email") {
		t.Errorf("NOT NULL: id must be, email must not be")
	}
}

func TestParseGORMNamingStrategy(t *testing.T) {
	s := ParseGORM(&GORMModel{Name: "UserProfile", Fields: []GORMField{
		{Name: "ID", Column: true},
		{Name: "Handle", Tag: `gorm:"uniqueIndex"`, Column: true},
	}}, gormschema.NamingStrategy{TablePrefix: "app_", SingularTable: true})
	if s.Table.Name != "app_user_profile" {
		t.Errorf("table = %q, want app_user_profile", s.Table.Name)
	}
	if got := keysOf(s.Table); got != "primary key (id); unique index idx_app_user_profile_handle (handle)" {
		t.Errorf("keys = %s", got)
	}
}
