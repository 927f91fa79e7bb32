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
// GitHub annotation levels and the README's checks (the table is tested,
// the sections generated) are written from this data, so they cannot
// drift apart.
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

	// The README's section on the check is written from these (see
	// readme_test.go): Intro and Notes are Markdown before and after the
	// example, Before is Go code the check reports and After the same code
	// fixed, each with a comment saying why.
	Intro  string
	Before string
	After  string
	Notes  string
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
		Before: "// BAD: the lookup is by email, and nothing makes email unique.\n" +
			"err := db.Where(\"email = ?\", email).First(&u).Error\n" +
			"if errors.Is(err, gorm.ErrRecordNotFound) {\n" +
			"\terr = db.Create(&User{Email: email}).Error\n" +
			"}",
		After: "// GOOD: a unique key on email (or on a subset of the lookup's columns).\n" +
			"type User struct {\n" +
			"\tID    uint\n" +
			"\tEmail string `gorm:\"uniqueIndex\"`\n" +
			"}",
		Notes: "The fix depends on where the schema lives. When only struct tags describe the table, the message names the tag\n" +
			"to add, and `-fix` adds it (for a model declared in the package of the call). The tag fixes of all of a package's\n" +
			"lookups are merged into one edit per field (a composite key under one shared index name, every fix touching the\n" +
			"field carrying the same edit), a declaration of several fields (`Name, Color string`) is split so that only the\n" +
			"looked-up field gets the key, and no fix is offered where the edit cannot be made safely. When a migration or the live\n" +
			"database describes it, the message gives the DDL for a new migration in the database's dialect:\n" +
			"`CREATE UNIQUE INDEX CONCURRENTLY` on PostgreSQL, `NULLS NOT DISTINCT` when the lookup can compare a column with\n" +
			"NULL, `WHERE deleted_at IS NULL` for soft-deleted models, and columns compared with a constant\n" +
			"(`status = 'open'`) moved to the partial index's `WHERE`. ent code gets `.Unique()` or `index.Fields(...).Unique()`\n" +
			"and the atomic `Create()...OnConflictColumns(...).Ignore()`; SQL code gets `INSERT ... ON CONFLICT (cols) DO\n" +
			"NOTHING` (or MySQL's `ON DUPLICATE KEY UPDATE`). When a wider key exists (`(tenant_id, email)` for a lookup on\n" +
			"`email`), the message says so: looking up by all of its columns may be the real fix.",
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
		Intro: "Reported only with `-strict`. When the analyzer cannot tell a lookup's columns or model (an `OR`, `IN`, `LIKE`\n" +
			"or `<>` condition, a scope in another package, a condition on a joined table, a condition variable that\n" +
			"changes, a query built in a branch, a query text\n" +
			"built at run time, a `TableName()` that does not return a constant, a table no schema source describes, a\n" +
			"table a migration changes inside a `DO` block), it stays silent rather than guess: a linter that cries wolf\n" +
			"gets turned off. `-strict` lists those sites, to review by hand:",
		Before: "db.Where(\"email = ? OR phone = ?\", e, p).FirstOrCreate(&u)\n" +
			"// FirstOrCreate on users: lookup columns unknown (the condition uses OR); cannot tell whether a unique constraint covers it",
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
		Before: "// BAD: PostgreSQL and SQLite refuse this at run time (\"there is no unique or exclusion constraint matching the\n" +
			"// ON CONFLICT specification\") unless a unique key is exactly (user_id, day).\n" +
			"db.ExecContext(ctx, `INSERT INTO visits (user_id, day, hits) VALUES ($1, $2, 1)\n" +
			"\tON CONFLICT (user_id, day) DO UPDATE SET hits = visits.hits + 1`, userID, day)\n" +
			"db.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: \"user_id\"}, {Name: \"day\"}}, UpdateAll: true}).Create(&v)\n" +
			"client.Visit.Create().SetUserID(userID).SetDay(day).OnConflictColumns(visit.FieldUserID, visit.FieldDay).UpdateNewValues().Exec(ctx)",
		After: "// GOOD: CREATE UNIQUE INDEX visits_user_day ON visits (user_id, day);",
		Notes: "The target must match a unique key as a set of columns; a partial index needs the matching\n" +
			"`ON CONFLICT (cols) WHERE pred`, and an expression target matches an expression index. MySQL ignores conflict\n" +
			"targets, so this check is PostgreSQL and SQLite only.\n\n" +
			"`ON CONFLICT ON CONSTRAINT name` must name a primary key, unique constraint or exclusion constraint of the table\n" +
			"that the migrations (read as PostgreSQL, up to the last one: a later migration may drop it) leave in place; a\n" +
			"unique index made by `CREATE UNIQUE INDEX` is not a constraint, and an exclusion constraint takes `DO NOTHING` only.\n" +
			"ent's `OnConflict(sql.ConflictConstraint(name))` is reported when no key of a table that only ent's schema\n" +
			"describes has that name.",
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
		Before: "// BAD: events has only a serial primary key, which the insert does not set: nothing ever conflicts, so\n" +
			"// DO NOTHING never happens and every call inserts a row.\n" +
			"db.ExecContext(ctx, `INSERT INTO events (source, ref) VALUES ($1, $2) ON CONFLICT DO NOTHING`, src, ref)",
		After: "// GOOD: CREATE UNIQUE INDEX events_source_ref ON events (source, ref);",
		Notes: "Covers `ON CONFLICT DO NOTHING` without a target, `INSERT IGNORE`, `INSERT OR IGNORE`, `REPLACE`,\n" +
			"`ON DUPLICATE KEY UPDATE`, GORM's `clause.OnConflict{DoNothing: true}` and ent's `OnConflict(sql.DoNothing())`.",
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
		Before: "// BAD: the lookup skips soft-deleted rows (GORM adds deleted_at IS NULL), but the unique index holds them:\n" +
			"// once a user is soft-deleted, FirstOrCreate for that email fails with a duplicate-key error, every time.\n" +
			"type User struct {\n" +
			"\tgorm.Model\n" +
			"\tEmail string `gorm:\"uniqueIndex\"`\n" +
			"}\n" +
			"db.Where(User{Email: email}).FirstOrCreate(&u)",
		After: "// GOOD: a partial index, unique among live rows only (PostgreSQL, SQLite).\n" +
			"Email string `gorm:\"uniqueIndex:idx_users_email,where:deleted_at IS NULL\"`",
		Notes: "On MySQL, which has no partial indexes, use `gorm.io/plugin/soft_delete` (live rows hold 0) and add `deleted_at`\n" +
			"to the key.",
	},
	{
		Category: CategoryDirective,
		Title:    "Suppression directive without a reason",
		Doc:      "A //getorcreatelint:ignore comment gives no reason. It suppresses nothing until it says why the get-or-create is safe.",
		Help:     "Write the reason after the directive: //getorcreatelint:ignore <why the get-or-create is safe>.",
		HelpMD:   "Write the reason after the directive: `//getorcreatelint:ignore <why the get-or-create is safe>`.",
		Level:    "warning", Default: true,
		Tags: []string{"maintainability"}, Precision: "very-high",
		Before: "//getorcreatelint:ignore                              // BAD: suppresses nothing, and is reported",
		After:  "//getorcreatelint:ignore seeded once at start-up      // GOOD",
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
