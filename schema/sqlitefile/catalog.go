package sqlitefile

import (
	"fmt"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/migrations"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// Catalog builds the tables, columns and unique keys the CREATE statements
// of objs describe, by replaying them with the SQLite dialect's rules, as
// migrations are. Every table and key records src as its source. Keys
// SQLite backs with an automatic index get that index's name
// (sqlite_autoindex_<table>_<n>), and a rowid table's primary key columns
// are NOT NULL only if declared so, as SQLite allows NULLs there.
func Catalog(objs []Object, src schema.Source) *schema.Catalog {
	cat := schema.NewCatalog()
	r := migrations.NewReplayer(cat, sqlscan.SQLite)
	creates := map[string]string{} // table -> CREATE TABLE text
	// Tables first, then indexes: sqlite_schema's order is creation order,
	// but an index is only ever created on an existing table anyway.
	for _, pass := range []string{"table", "index"} {
		for _, o := range objs {
			if o.Type != pass || o.SQL == "" || strings.HasPrefix(strings.ToLower(o.Name), "sqlite_") {
				continue
			}
			r.Replay(src.File, o.SQL+";")
			if pass == "table" {
				creates[schema.TableKey(o.Name)] = o.SQL
			}
		}
	}
	for name, t := range cat.Tables {
		create := sqlscan.Lex(creates[name], sqlscan.SQLite)
		rowidAlias, withoutRowid := rowidInfo(t, create)
		n := 0
		for _, k := range t.Keys {
			k.Source = src
			if !k.Implicit {
				continue
			}
			if k.Kind == schema.PrimaryKey {
				if !rowidAlias {
					n++
				}
				if !withoutRowid && !rowidAlias {
					for _, p := range k.Parts {
						if c := t.Columns[p.Column]; c != nil {
							c.NotNull = declaredNotNull(create, p.Column)
						}
					}
				}
				continue
			}
			n++
			if k.Name == "" {
				k.Name = fmt.Sprintf("sqlite_autoindex_%s_%d", name, n)
			}
		}
		t.Source = src
	}
	return cat
}

// rowidInfo reports whether t's primary key is the rowid alias (a single
// column declared INTEGER exactly, in a rowid table) and whether the table
// is WITHOUT ROWID.
func rowidInfo(t *schema.Table, create []sqlscan.Token) (alias, withoutRowid bool) {
	toks := trimEOF(create)
	if n := len(toks); n >= 2 && toks[n-2].Is("without") && toks[n-1].Is("rowid") {
		withoutRowid = true
	}
	if withoutRowid {
		return false, true
	}
	for _, k := range t.Keys {
		if k.Kind != schema.PrimaryKey || len(k.Parts) != 1 {
			continue
		}
		def := columnDef(toks, k.Parts[0].Column)
		return len(def) >= 2 && def[1].Is("integer") && (len(def) == 2 || !def[2].IsName() || isConstraintWord(def[2])), false
	}
	return false, false
}

func isConstraintWord(t sqlscan.Token) bool {
	for _, w := range []string{"primary", "not", "null", "unique", "check", "default", "collate", "references", "generated", "as", "constraint"} {
		if t.Is(w) {
			return true
		}
	}
	return false
}

// declaredNotNull reports whether column's definition says NOT NULL.
func declaredNotNull(create []sqlscan.Token, column string) bool {
	def := columnDef(trimEOF(create), column)
	for i := 0; i+1 < len(def); i++ {
		if def[i].Is("not") && def[i+1].Is("null") {
			return true
		}
	}
	return false
}

// columnDef returns the tokens of column's definition in a CREATE TABLE.
func columnDef(toks []sqlscan.Token, column string) []sqlscan.Token {
	for _, item := range tableItems(toks) {
		if len(item) > 0 && item[0].IsName() && item[0].Name() == column {
			return item
		}
	}
	return nil
}

func trimEOF(toks []sqlscan.Token) []sqlscan.Token {
	if n := len(toks); n > 0 && toks[n-1].Kind == sqlscan.EOF {
		return toks[:n-1]
	}
	return toks
}
