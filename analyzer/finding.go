package analyzer

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/schema"
)

// finding is a get-or-create site with its lookup resolved, in terms common
// to every ORM.
type finding struct {
	node   ast.Node      // where to report: the lookup call
	stmt   ast.Node      // the statement holding it, for ignore directives
	what   string        // "FirstOrCreate", "First then Create", ...
	create *ast.CallExpr // the insert, when separate from the lookup
	table  string
	model  string // Go type name of the model, "" if none

	lookup      schema.Lookup
	unknown     string   // why the lookup cannot be checked; "" when it can
	unsupported []string // conjuncts that are not equalities
	dropped     []string // zero-valued struct-condition fields GORM ignores
	softDelete  string   // the soft-delete column whose IS NULL the lookup adds
	liveOnly    string   // the soft-delete column when the lookup skips deleted rows (any soft-delete kind)

	// ormTables are the keys the ORM's own schema declares for the table
	// (ent: its generated migrate package).
	ormTables []*schema.Table
	ent       *entEntity // the ent entity, for the wording of fixes

	orm          ormKind            // which API the code uses, for the wording of fixes
	gorm         *schema.GORMSchema // the model's GORM schema, for tag fixes
	modelType    *types.Named       // the model's type, for fixes that edit its declaration
	modelInScope bool               // the model is declared in the analysed package
	// migrated is set when a migration or the live database describes the
	// table: the schema is managed there, so a struct tag would not change
	// the database and the fix is a migration.
	migrated bool
}

// ormKind is the database API a finding's code uses.
type ormKind uint8

const (
	ormGORM ormKind = iota
	ormEnt
	ormSQL // database/sql, sqlx, pgx
)

// check decides a finding and reports it when no unique key backs it.
func (c *checker) check(f finding) {
	if f.unknown != "" {
		c.reportUnknown(f, f.unknown)
		return
	}
	table := c.keysFor(f)
	f.migrated = c.inCatalogs(f.table)
	if table == nil {
		c.reportUnknown(f, "no schema source describes table "+f.table)
		return
	}
	v := schema.Check(table, f.lookup)
	if v.Backed {
		c.checkSoftDeleteConflict(f, v.By)
		return
	}
	if table.Uncertain {
		// A migration changed the table in SQL the reader cannot follow
		// (DDL inside a DO block): prefer silence to a guess.
		c.reportUnknown(f, "migrations change table "+f.table+" in a DO block the linter cannot follow")
		return
	}
	if len(f.unsupported) > 0 {
		// The equality part alone is not backed, and the rest of the
		// condition (OR, IN, LIKE, ...) cannot be matched to a key.
		c.reportUnknown(f, "the condition uses "+strings.Join(dedupe(f.unsupported), ", "))
		return
	}
	c.report(f, CategoryGetOrCreate, c.message(f, v))
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

// keysFor gathers the unique keys every schema source knows for the table.
func (c *checker) keysFor(f finding) *schema.Table {
	var tables []*schema.Table
	if f.gorm != nil && schema.TableKey(f.gorm.Table.Name) == schema.TableKey(f.table) {
		tables = append(tables, f.gorm.Table)
	}
	tables = append(tables, f.ormTables...)
	for _, cat := range c.catalogs() {
		if t := cat.Table(f.table); t != nil {
			tables = append(tables, t)
		}
	}
	if len(tables) == 0 {
		return nil
	}
	return schema.Merge(f.table, tables...)
}
