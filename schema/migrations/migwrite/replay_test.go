package migwrite

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/migrations"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

type lookupCase struct {
	table  string
	lookup schema.Lookup
}

func cols(names ...string) schema.Lookup {
	var l schema.Lookup
	for _, n := range names {
		l.Terms = append(l.Terms, schema.Term{Column: n})
	}
	return l
}

func key(names ...string) []schema.Term { return cols(names...).Terms }

// softDeleted is a lookup on names that also requires deleted_at IS NULL.
func softDeleted(names ...string) schema.Lookup {
	l := cols(names...)
	l.Terms = append(l.Terms, schema.Term{Column: "deleted_at", IsNull: true})
	return l
}

var synthetic = map[string]map[string]string{
	"goose-seq": {
		"00001_init.sql":  "-- +goose Up\nCREATE TABLE tags (id bigserial PRIMARY KEY, name text NOT NULL, deleted_at timestamptz);\n\n-- +goose Down\nDROP TABLE tags;\n",
		"00002_users.sql": "-- +goose Up\n-- +goose StatementBegin\nCREATE TABLE users (id bigserial PRIMARY KEY, email text NOT NULL, org text);\n-- +goose StatementEnd\n\n-- +goose Down\nDROP TABLE users;\n",
	},
	"goose-timestamp": {
		"20240101120000_init.sql": "-- +goose Up\nCREATE TABLE tags (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL);\n-- +goose Down\nDROP TABLE tags;\n",
	},
	"dbmate": {
		"20231005093000_create_tags.sql": "-- migrate:up\nCREATE TABLE tags (id bigserial PRIMARY KEY, name text NOT NULL, kind text NOT NULL);\n\n-- migrate:down\nDROP TABLE tags;\n",
	},
	"dbmate-mysql": {
		"20231005093000_create_tags.sql": "-- migrate:up\nCREATE TABLE tags (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(191) NOT NULL, kind VARCHAR(20) NOT NULL) ENGINE=InnoDB;\n\n-- migrate:down\nDROP TABLE tags;\n",
	},
	"sql-migrate": {
		"1-init.sql": "-- +migrate Up\nCREATE TABLE tags (id bigserial PRIMARY KEY, name text NOT NULL);\n\n-- +migrate Down\nDROP TABLE tags;\n",
		"2-more.sql": "-- +migrate Up\nALTER TABLE tags ADD COLUMN slug text;\n\n-- +migrate Down\nALTER TABLE tags DROP COLUMN slug;\n",
	},
	"flyway-underscore": {
		"V1_1__init.sql":  "CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n",
		"V1_2__slugs.sql": "ALTER TABLE tags ADD COLUMN slug TEXT;\n",
		"U1_2__slugs.sql": "ALTER TABLE tags DROP COLUMN slug;\n",
	},
	"golang-migrate-timestamps": {
		"20220429102000_init.up.sql":   "CREATE TABLE identities (id uuid PRIMARY KEY, provider text NOT NULL, email text);\n",
		"20220429102000_init.down.sql": "DROP TABLE identities;\n",
	},
	"flyway-postgres": {
		"V1__init.sql": "CREATE TABLE tags (id bigserial PRIMARY KEY, name text NOT NULL, deleted_at timestamptz);\n",
		"V2__kind.sql": "ALTER TABLE tags ADD COLUMN kind text NOT NULL DEFAULT 'topic';\n",
	},
	"flyway-date": {
		"V20240101__init.sql": "CREATE TABLE `tags` (`id` BIGINT AUTO_INCREMENT PRIMARY KEY, `name` VARCHAR(191) NOT NULL) ENGINE=InnoDB;\n",
		"V20240315__more.sql": "ALTER TABLE `tags` ADD COLUMN `kind` VARCHAR(20) NOT NULL DEFAULT 'x';\n",
	},
}

func TestPlanReplaysInEveryFormat(t *testing.T) {
	tests := []struct {
		name       string
		dir        func(t *testing.T) string
		dialect    sqlscan.Dialect
		indexes    []Index
		wantFormat Format
		wantFiles  []string
		want       []string // in the up files
		lookups    []lookupCase
		noDown     bool // atlas plans its own down; flyway without undo files keeps it as a comment
	}{{
		name:       "golang-migrate example, zero-padded",
		dir:        func(t *testing.T) string { return copyDir(t, "../../../example/db/migrations") },
		dialect:    sqlscan.Postgres,
		indexes:    []Index{{Table: "tags", Key: key("name"), Concurrent: true}, {Table: "coupons", Key: key("code"), Concurrent: true}},
		wantFormat: GolangMigrate,
		wantFiles:  []string{"0004_idx_tags_name.up.sql", "0004_idx_tags_name.down.sql", "0005_idx_coupons_code.up.sql", "0005_idx_coupons_code.down.sql"},
		want:       []string{"CREATE UNIQUE INDEX CONCURRENTLY idx_tags_name ON tags (name);"},
		lookups:    []lookupCase{{"tags", cols("name")}, {"coupons", cols("code")}},
	}, {
		name:       "golang-migrate flipt postgres, unpadded, two indexes on one table",
		dir:        func(t *testing.T) string { return copyDir(t, testdata+"/postgres/replay/flipt-io__flipt") },
		dialect:    sqlscan.Postgres,
		indexes:    []Index{{Table: "segments", Key: key("name")}, {Table: "segments", Key: key("description")}},
		wantFormat: GolangMigrate,
		wantFiles:  []string{"17_unique_indexes_segments.up.sql", "17_unique_indexes_segments.down.sql"},
		want:       []string{"CREATE UNIQUE INDEX idx_segments_name ON segments (name);\nCREATE UNIQUE INDEX idx_segments_description ON segments (description);"},
		lookups:    []lookupCase{{"segments", cols("name")}, {"segments", cols("description")}},
	}, {
		name:       "golang-migrate flipt mysql",
		dir:        func(t *testing.T) string { return copyDir(t, testdata+"/mysql/replay/flipt-io__flipt") },
		dialect:    sqlscan.MySQL,
		indexes:    []Index{{Table: "segments", Key: key("name")}},
		wantFormat: GolangMigrate,
		wantFiles:  []string{"16_idx_segments_name.up.sql", "16_idx_segments_name.down.sql"},
		want:       []string{"CREATE UNIQUE INDEX idx_segments_name ON segments (name);"},
		lookups:    []lookupCase{{"segments", cols("name")}},
	}, {
		name:       "golang-migrate flipt sqlite",
		dir:        func(t *testing.T) string { return copyDir(t, testdata+"/sqlite/replay/flipt-io__flipt") },
		dialect:    sqlscan.SQLite,
		indexes:    []Index{{Table: "segments", Key: key("name")}},
		wantFormat: GolangMigrate,
		wantFiles:  []string{"16_idx_segments_name.up.sql", "16_idx_segments_name.down.sql"},
		lookups:    []lookupCase{{"segments", cols("name")}},
	}, {
		name:       "golang-migrate timestamps, lower() expression",
		dir:        func(t *testing.T) string { return writeDir(t, synthetic["golang-migrate-timestamps"]) },
		dialect:    sqlscan.Postgres,
		indexes:    []Index{{Table: "identities", Key: []schema.Term{{Column: "provider"}, {Expr: "lower(email)"}}}},
		wantFormat: GolangMigrate,
		wantFiles:  []string{"20261202150405_idx_identities_provider_lower_email.up.sql", "20261202150405_idx_identities_provider_lower_email.down.sql"},
		want:       []string{"ON identities (provider, lower(email));"},
		lookups:    []lookupCase{{"identities", schema.Lookup{Terms: []schema.Term{{Column: "provider"}, {Expr: "lower(email)"}}}}},
	}, {
		name:       "goose polygon, concurrent",
		dir:        func(t *testing.T) string { return copyDir(t, testdata+"/postgres/replay/getpolygon__polygon") },
		dialect:    sqlscan.Postgres,
		indexes:    []Index{{Table: "users", Key: key("first_name", "last_name"), Concurrent: true}, {Table: "users", Key: key("bio"), Concurrent: true}},
		wantFormat: Goose,
		wantFiles:  []string{"00025_unique_indexes_users.sql"},
		want:       []string{"-- +goose NO TRANSACTION\n-- +goose Up\n", "CREATE UNIQUE INDEX CONCURRENTLY idx_users_bio ON users (bio);", "-- +goose Down\nDROP INDEX CONCURRENTLY idx_users_bio;\nDROP INDEX CONCURRENTLY idx_users_first_name_last_name;\n"},
		lookups:    []lookupCase{{"users", cols("first_name", "last_name")}, {"users", cols("bio")}},
	}, {
		name:       "goose sequential, partial index for soft delete",
		dir:        func(t *testing.T) string { return writeDir(t, synthetic["goose-seq"]) },
		dialect:    sqlscan.Postgres,
		indexes:    []Index{{Table: "tags", Key: key("name"), Where: []string{"deleted_at IS NULL"}}},
		wantFormat: Goose,
		wantFiles:  []string{"00003_idx_tags_name.sql"},
		want:       []string{"-- +goose Up\n", "CREATE UNIQUE INDEX idx_tags_name ON tags (name) WHERE deleted_at IS NULL;"},
		lookups:    []lookupCase{{"tags", softDeleted("name")}},
	}, {
		name:       "goose timestamps, sqlite",
		dir:        func(t *testing.T) string { return writeDir(t, synthetic["goose-timestamp"]) },
		dialect:    sqlscan.SQLite,
		indexes:    []Index{{Table: "tags", Key: key("name")}},
		wantFormat: Goose,
		wantFiles:  []string{"20261202150405_idx_tags_name.sql"},
		lookups:    []lookupCase{{"tags", cols("name")}},
	}, {
		name:       "goose calendar, nullable column",
		dir:        func(t *testing.T) string { return copyDir(t, testdata+"/postgres/replay/Eeritvan__calendar") },
		dialect:    sqlscan.Postgres,
		indexes:    []Index{{Table: "user_recovery_codes", Key: []schema.Term{{Column: "user_id", MayBeNull: true}, {Column: "code_hash"}}}},
		wantFormat: Goose,
		wantFiles:  []string{"00008_idx_user_recovery_codes_user_id_code_hash.sql"},
		want:       []string{"ON user_recovery_codes (user_id, code_hash) NULLS NOT DISTINCT;"},
		lookups:    []lookupCase{{"user_recovery_codes", schema.Lookup{Terms: []schema.Term{{Column: "user_id", MayBeNull: true}, {Column: "code_hash"}}}}},
	}, {
		name:       "dbmate, constant column in the predicate, concurrent",
		dir:        func(t *testing.T) string { return writeDir(t, synthetic["dbmate"]) },
		dialect:    sqlscan.Postgres,
		indexes:    []Index{{Table: "tags", Key: key("name"), Where: []string{"kind = 'topic'"}, Concurrent: true}},
		wantFormat: Dbmate,
		wantFiles:  []string{"20261202150405_idx_tags_name.sql"},
		want:       []string{"-- migrate:up transaction:false\n", "-- migrate:down transaction:false\nDROP INDEX CONCURRENTLY idx_tags_name;\n"},
		lookups:    []lookupCase{{"tags", schema.Lookup{Terms: []schema.Term{{Column: "name"}, {Column: "kind", Value: "'topic'"}}}}},
	}, {
		name:       "dbmate mysql, two columns",
		dir:        func(t *testing.T) string { return writeDir(t, synthetic["dbmate-mysql"]) },
		dialect:    sqlscan.MySQL,
		indexes:    []Index{{Table: "tags", Key: key("kind", "name"), Concurrent: true}},
		wantFormat: Dbmate,
		wantFiles:  []string{"20261202150405_idx_tags_kind_name.sql"},
		want:       []string{"-- migrate:up\n", "CREATE UNIQUE INDEX idx_tags_kind_name ON tags (kind, name);", "-- migrate:down\nDROP INDEX idx_tags_kind_name ON tags;\n"},
		lookups:    []lookupCase{{"tags", cols("kind", "name")}},
	}, {
		name:       "sql-migrate, dash separator, concurrent",
		dir:        func(t *testing.T) string { return writeDir(t, synthetic["sql-migrate"]) },
		dialect:    sqlscan.Postgres,
		indexes:    []Index{{Table: "tags", Key: key("slug"), Concurrent: true}},
		wantFormat: SQLMigrate,
		wantFiles:  []string{"3-idx_tags_slug.sql"},
		want:       []string{"-- +migrate Up notransaction\n", "-- +migrate Down notransaction\nDROP INDEX CONCURRENTLY idx_tags_slug;\n"},
		lookups:    []lookupCase{{"tags", cols("slug")}},
	}, {
		name:       "flyway V1_2 with undo files, sqlite",
		dir:        func(t *testing.T) string { return writeDir(t, synthetic["flyway-underscore"]) },
		dialect:    sqlscan.SQLite,
		indexes:    []Index{{Table: "tags", Key: key("slug")}},
		wantFormat: Flyway,
		wantFiles:  []string{"V1_3__idx_tags_slug.sql", "U1_3__idx_tags_slug.sql"},
		lookups:    []lookupCase{{"tags", cols("slug")}},
	}, {
		name:       "flyway dated versions, mysql",
		dir:        func(t *testing.T) string { return writeDir(t, synthetic["flyway-date"]) },
		dialect:    sqlscan.MySQL,
		indexes:    []Index{{Table: "tags", Key: key("kind", "name")}},
		wantFormat: Flyway,
		wantFiles:  []string{"V20261202__idx_tags_kind_name.sql"},
		want:       []string{"-- Undo (no undo migrations in this directory):\n-- DROP INDEX idx_tags_kind_name ON tags;\n"},
		lookups:    []lookupCase{{"tags", cols("kind", "name")}},
		noDown:     true,
	}, {
		name: "atlas primind, concurrent",
		dir: func(t *testing.T) string {
			return copyDir(t, testdata+"/postgres/replay/KasumiMercury__primind-central-backend")
		},
		dialect:    sqlscan.Postgres,
		indexes:    []Index{{Table: "auth_users", Key: key("color"), Concurrent: true}},
		wantFormat: Atlas,
		wantFiles:  []string{"20261202150405_idx_auth_users_color.sql", "atlas.sum"},
		want:       []string{"-- atlas:txmode none\n\n-- Backs"},
		lookups:    []lookupCase{{"auth_users", cols("color")}},
		noDown:     true,
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := tc.dir(t)
			mdir := migrations.Dir{Path: dir, Dialect: tc.dialect}
			before, err := migrations.Load("", []migrations.Dir{mdir})
			if err != nil {
				t.Fatal(err)
			}
			for _, lc := range tc.lookups {
				if v := schema.Check(before.Table(lc.table), lc.lookup); v.Backed {
					t.Fatalf("before: %s %v already backed by %s", lc.table, lc.lookup.Columns(), v.By.Describe())
				}
			}
			layout, err := Detect(dir)
			if err != nil {
				t.Fatal(err)
			}
			if layout.Format != tc.wantFormat {
				t.Errorf("format %s, want %s", layout.Format, tc.wantFormat)
			}
			files, err := Plan("", mdir, tc.indexes, Options{Now: fixedNow})
			if err != nil {
				t.Fatal(err)
			}
			if got := baseNames(files); !slices.Equal(got, tc.wantFiles) {
				t.Fatalf("files %q, want %q", got, tc.wantFiles)
			}
			var all strings.Builder
			for _, f := range files {
				all.WriteString(f.Content)
			}
			for _, w := range tc.want {
				if !strings.Contains(all.String(), w) {
					t.Errorf("plan lacks %q:\n%s", w, all.String())
				}
			}
			if err := Apply(files); err != nil {
				t.Fatal(err)
			}
			after, err := migrations.Load("", []migrations.Dir{mdir})
			if err != nil {
				t.Fatal(err)
			}
			for _, lc := range tc.lookups {
				v := schema.Check(after.Table(lc.table), lc.lookup)
				if !v.Backed {
					t.Errorf("after replay: %s %v not backed; keys: %v", lc.table, lc.lookup.Columns(), describeKeys(after.Table(lc.table)))
				} else if !slices.Contains(baseNames(files), filepath.Base(v.By.Source.File)) {
					t.Errorf("%s backed by %s from %s, not by the new migration", lc.table, v.By.Describe(), v.By.Source)
				}
			}
			if tc.noDown {
				return
			}
			// The down side runs as one more migration after every other,
			// so that the replay knows the names it drops.
			var down strings.Builder
			for _, f := range files {
				if d, ok := downSection(f); ok {
					down.WriteString(d)
				}
			}
			if down.Len() == 0 {
				t.Fatal("no down migration planned")
			}
			if err := os.WriteFile(filepath.Join(dir, "99999999999999_zz_down.sql"), []byte(down.String()), 0o644); err != nil {
				t.Fatal(err)
			}
			if after, err = migrations.Load("", []migrations.Dir{mdir}); err != nil {
				t.Fatal(err)
			}
			for _, lc := range tc.lookups {
				if v := schema.Check(after.Table(lc.table), lc.lookup); v.Backed {
					t.Errorf("after the down migration: %s %v still backed by %s", lc.table, lc.lookup.Columns(), v.By.Describe())
				}
			}
		})
	}
}

func describeKeys(t *schema.Table) []string {
	if t == nil {
		return nil
	}
	var out []string
	for _, k := range t.Keys {
		out = append(out, k.Describe())
	}
	return out
}
