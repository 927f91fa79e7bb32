// Package analyzer defines getorcreatelint, an analyzer that reports
// get-or-create code whose lookup no unique constraint backs.
package analyzer

const doc = `getorcreatelint: report get-or-create lookups that no unique constraint backs

Get-or-create is not atomic: the code asks the database whether a row
exists and inserts one when it does not. Two concurrent calls can both
miss and both insert. Only a unique constraint on columns the lookup pins
down (a unique key U with U a subset of the lookup columns; the primary key
counts) makes the database refuse the second insert.

The analyzer finds GORM FirstOrCreate, FirstOrInit followed by Save or
Create, and lookups followed by an insert on the path where nothing was
found, with GORM (First/Take/Last/Find/Count then Create/Save), ent
(Query().Where(...).Only/First/Exist/Count then Create()), bun
(NewSelect()...Scan/Exists/Count then NewInsert()...Exec) and
database/sql, sqlx or pgx (SELECT then INSERT). It works out the model,
table and lookup columns; gathers the unique keys declared by struct tags,
ent schemas, SQL migrations and, with -dsn, a live database; and reports
each lookup none of them backs:

	// WRONG: nothing stops two requests inserting the same name
	type Tag struct {
		ID   uint
		Name string
	}
	db.Where(Tag{Name: name}).FirstOrCreate(&tag) // "FirstOrCreate on tags looks up (name) but no unique constraint covers it; ..."

	// RIGHT: the second insert fails instead of duplicating
	type Tag struct {
		ID   uint
		Name string ` + "`" + `gorm:"uniqueIndex"` + "`" + `
	}

It also checks upserts (an ON CONFLICT target no unique key matches, an
upsert relying on a conflict no key can raise) and soft-deleted models
whose unique key blocks re-creating a deleted row. Lookups whose columns or
model cannot be resolved are not reported unless -strict is set. A //getorcreatelint:ignore <reason> comment on the reported
line or the line above suppresses a report.`
