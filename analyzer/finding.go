package analyzer

import (
	"strings"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/site"
	"github.com/getorcreatelint/getorcreatelint/schema"
)

// check decides a site and reports it when no unique key backs it.
func (c *checker) check(s *site.Site) {
	if s.Why.Unknown() {
		c.reportUnknown(s, string(s.Why))
		return
	}
	table := c.keysFor(s.Table, s.OwnKeys)
	migrated := c.inCatalogs(s.Table)
	if table == nil {
		c.reportUnknown(s, "no schema source describes table "+s.Table)
		return
	}
	v := schema.Check(table, s.Lookup)
	if v.Backed {
		c.checkSoftDeleteConflict(s, v.By)
		return
	}
	if table.Uncertain {
		// A migration changed the table in SQL the reader cannot follow
		// (DDL inside a DO block): prefer silence to a guess.
		c.reportUnknown(s, "migrations change table "+s.Table+" in a DO block the linter cannot follow")
		return
	}
	if len(s.Unsupported) > 0 {
		// The equality part alone is not backed, and the rest of the
		// condition (OR, IN, LIKE, ...) cannot be matched to a key.
		c.reportUnknown(s, "the condition uses "+strings.Join(dedupe(s.Unsupported), ", "))
		return
	}
	fix := site.Fix{Index: site.IndexFor(s, c.dialect()), Keys: table, Migrated: migrated}
	c.reportSite(s, CategoryGetOrCreate, c.message(s, v, fix), fix)
}

// inCatalogs reports whether a migration or the live database describes
// the table.
func (c *checker) inCatalogs(table string) bool {
	for _, cat := range c.catalogs() {
		if cat.Table(table) != nil {
			return true
		}
	}
	return false
}

// keysFor gathers the unique keys every schema source knows for the table:
// the framework's own first, then migrations and the live database.
func (c *checker) keysFor(table string, own []*schema.Table) *schema.Table {
	var tables []*schema.Table
	tables = append(tables, own...)
	for _, cat := range c.catalogs() {
		if t := cat.Table(table); t != nil {
			tables = append(tables, t)
		}
	}
	if len(tables) == 0 {
		return nil
	}
	return schema.Merge(table, tables...)
}
