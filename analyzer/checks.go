package analyzer

import "github.com/getorcreatelint/getorcreatelint/analyzer/internal/verdict"

// Diagnostic categories: one per check, so that users can tell findings
// apart and filter them (SARIF rule IDs, -categories). See Checks.
const (
	CategoryGetOrCreate        = verdict.CategoryGetOrCreate
	CategoryUnknownLookup      = verdict.CategoryUnknownLookup
	CategoryDirective          = verdict.CategoryDirective
	CategoryUpsertTarget       = verdict.CategoryUpsertTarget
	CategoryUpsertNoKey        = verdict.CategoryUpsertNoKey
	CategorySoftDeleteConflict = verdict.CategorySoftDeleteConflict
)

// Check documents one diagnostic category. The command's SARIF rules, its
// GitHub annotation levels and the README's check table are written from
// this data, so they cannot drift apart.
type Check struct {
	Category  string
	Title     string   // one line
	Doc       string   // what is reported and why
	Help      string   // what to do about a finding, plain text
	HelpMD    string   // the same in Markdown
	Level     string   // error, warning or note
	Default   bool     // reported unless -categories says otherwise
	Tags      []string // SARIF tags
	Precision string   // SARIF precision: very-high, high, medium, low
}

// Checks lists every category, in the order reports show them.
var Checks = []Check{
	{
		Category: CategoryGetOrCreate,
		Title:    "Get-or-create lookup that no unique constraint backs",
		Doc: "A get-or-create (GORM FirstOrCreate, FirstOrInit then Save, or a lookup followed by an insert " +
			"where nothing was found, with GORM, ent, database/sql, sqlx or pgx) looks rows up by columns that no " +
			"unique constraint covers. Two concurrent calls can both miss and both insert, so the table collects duplicates.",
		Help: "Add a unique index on the lookup's columns (or a subset of them), in the model's tags, the ent " +
			"schema or a migration, so that the second insert fails instead of duplicating the row; or look up by " +
			"the columns of an existing unique key. The message names the index to add.",
		HelpMD: "Add a unique index on the lookup's columns (or a subset of them), in the model's tags " +
			"(`gorm:\"uniqueIndex\"`), the ent schema (`.Unique()`) or a migration (`CREATE UNIQUE INDEX`), so " +
			"that the second insert fails instead of duplicating the row; or look up by the columns of an existing " +
			"unique key. The message names the index to add.",
		Level: "error", Default: true,
		Tags: []string{"correctness", "concurrency", "database"}, Precision: "high",
	},
	{
		Category: CategoryUnknownLookup,
		Title:    "Get-or-create whose lookup cannot be resolved (strict mode)",
		Doc: "A get-or-create whose model, table or lookup columns the analyzer cannot work out (OR, IN or LIKE " +
			"conditions, scopes, conditions held in variables, queries built at run time, tables no schema source " +
			"describes), so it cannot tell whether a unique constraint backs it. Reported only with -strict.",
		Help: "Check by hand that a unique constraint covers the lookup, and rewrite the lookup with plain " +
			"equality conditions if you can; suppress the finding with a reason otherwise.",
		HelpMD: "Check by hand that a unique constraint covers the lookup, and rewrite the lookup with plain " +
			"equality conditions if you can; suppress the finding with `//getorcreatelint:ignore <reason>` otherwise.",
		Level: "warning", Default: false,
		Tags: []string{"correctness", "concurrency", "database"}, Precision: "medium",
	},
	{
		Category: CategoryUpsertTarget,
		Title:    "ON CONFLICT target that no unique key matches",
		Doc: "An INSERT ... ON CONFLICT (cols) (raw SQL or GORM clause.OnConflict{Columns: ...}) on PostgreSQL or " +
			"SQLite whose conflict target no unique index or constraint matches exactly. The database rejects the " +
			"statement at run time: there is no unique or exclusion constraint matching the ON CONFLICT specification.",
		Help: "Name the columns of an existing unique key in ON CONFLICT (with the partial index's WHERE for a " +
			"partial one), or add a unique index on exactly those columns.",
		HelpMD: "Name the columns of an existing unique key in `ON CONFLICT (...)` (with `ON CONFLICT (...) WHERE " +
			"pred` for a partial index), or add a unique index on exactly those columns.",
		Level: "error", Default: true,
		Tags: []string{"correctness", "database"}, Precision: "high",
	},
	{
		Category: CategoryUpsertNoKey,
		Title:    "Upsert that relies on a conflict no unique key can raise",
		Doc: "An upsert that relies on a conflict (ON CONFLICT DO NOTHING without a target, INSERT IGNORE, INSERT " +
			"OR IGNORE, GORM OnConflict{DoNothing: true}) on a table whose only unique key is a primary key the " +
			"INSERT does not set. Nothing can conflict, so every call inserts a new row.",
		Help:   "Add a unique index on the columns that identify a row, so that the upsert has a conflict to act on.",
		HelpMD: "Add a unique index on the columns that identify a row, so that the upsert has a conflict to act on.",
		Level:  "error", Default: true,
		Tags: []string{"correctness", "database"}, Precision: "high",
	},
	{
		Category: CategorySoftDeleteConflict,
		Title:    "Soft-deleted rows block re-creating a get-or-create row",
		Doc: "A get-or-create on a soft-deleted model (gorm.DeletedAt, gorm.io/plugin/soft_delete) is backed by a " +
			"unique key that also holds soft-deleted rows. The lookup does not see a deleted row, so the insert " +
			"that follows fails with a duplicate-key error for as long as the deleted row exists.",
		Help: "Make the unique index partial (WHERE deleted_at IS NULL) on PostgreSQL and SQLite, or use " +
			"gorm.io/plugin/soft_delete and add deleted_at to the key.",
		HelpMD: "Make the unique index partial (`WHERE deleted_at IS NULL`, or the tag option " +
			"`where:deleted_at IS NULL`) on PostgreSQL and SQLite, or use `gorm.io/plugin/soft_delete` and add " +
			"`deleted_at` to the key.",
		Level: "warning", Default: true,
		Tags: []string{"correctness", "database"}, Precision: "high",
	},
	{
		Category: CategoryDirective,
		Title:    "Suppression directive without a reason",
		Doc:      "A //getorcreatelint:ignore comment gives no reason. It suppresses nothing until it says why the get-or-create is safe.",
		Help:     "Write the reason after the directive: //getorcreatelint:ignore <why the get-or-create is safe>.",
		HelpMD:   "Write the reason after the directive: `//getorcreatelint:ignore <why the get-or-create is safe>`.",
		Level:    "warning", Default: true,
		Tags: []string{"maintainability"}, Precision: "very-high",
	},
}

// Categories lists every diagnostic category, for validation and docs.
var Categories = func() []string {
	names := make([]string, len(Checks))
	for i, c := range Checks {
		names[i] = c.Category
	}
	return names
}()

// CheckFor returns the documentation of a category.
func CheckFor(category string) (Check, bool) {
	for _, c := range Checks {
		if c.Category == category {
			return c, true
		}
	}
	return Check{}, false
}
