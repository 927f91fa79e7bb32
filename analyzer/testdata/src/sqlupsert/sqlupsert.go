// Package sqlupsert checks the conflict handling of hand-written upserts
// against the keys of testdata/migrations/sqlshop, on PostgreSQL: a
// conflict target must match a unique key exactly, and an upsert that
// relies on any conflict needs a key the insert can conflict on.
package sqlupsert

import (
	"context"
	"database/sql"
)

func targetWithoutKey(db *sql.DB, name string) error {
	_, err := db.Exec("INSERT INTO tags (name) VALUES ($1) ON CONFLICT (name) DO NOTHING", name) // want `^Exec on tags: the conflict target \(name\) matches no unique key; PostgreSQL rejects the INSERT at run time with "there is no unique or exclusion constraint matching the ON CONFLICT specification": add a unique index in a migration: CREATE UNIQUE INDEX CONCURRENTLY idx_tags_name ON tags \(name\)$`
	return err
}

func targetSubsetOfKey(ctx context.Context, db *sql.DB, handle, name string) error {
	const upsert = `INSERT INTO users (email, handle, name) VALUES ($1, $2, $3)
		ON CONFLICT (handle) DO UPDATE SET name = EXCLUDED.name`
	_, err := db.ExecContext(ctx, upsert, handle, handle, name) // want `^ExecContext on users: the conflict target \(handle\) matches no unique key \(unique index users_tenant_handle \(tenant_id, handle\) has other columns\); PostgreSQL rejects`
	return err
}

func partialIndexWithoutWhere(db *sql.DB, email, nick string) error {
	_, err := db.Exec("INSERT INTO users (email, nickname) VALUES ($1, $2) ON CONFLICT (nickname) DO NOTHING", email, nick) // want `^Exec on users: the conflict target \(nickname\) matches no unique key \(unique index users_nickname_live \(nickname\) where deleted_at is null is partial: repeat its predicate in the target, ON CONFLICT \(nickname\) WHERE deleted_at is null\); PostgreSQL rejects the INSERT at run time with "[^"]*": write the predicate, or add a unique index in a migration: CREATE UNIQUE INDEX CONCURRENTLY idx_users_nickname ON users \(nickname\)$`
	return err
}

func expressionTargetWithoutIndex(db *sql.DB, email string) error {
	_, err := db.Exec("INSERT INTO users (email) VALUES ($1) ON CONFLICT ((lower(email))) DO NOTHING", email) // want `Exec on users: the conflict target \(lower\(email\)\) matches no unique key; PostgreSQL rejects .*CREATE UNIQUE INDEX CONCURRENTLY idx_users_lower_email ON users \(lower\(email\)\)$`
	return err
}

func doUpdateWithoutTarget(db *sql.DB, country, name string) error {
	_, err := db.Exec("INSERT INTO cities (country, name) VALUES ($1, $2) ON CONFLICT DO UPDATE SET name = excluded.name", country, name) // want `^Exec on cities: ON CONFLICT DO UPDATE has no conflict target; PostgreSQL rejects the INSERT at run time with "ON CONFLICT DO UPDATE requires inference specification or constraint name": name the columns of a unique key such as \(id\) or \(country, name\)$`
	return err
}

func targetIsUnsetPrimaryKey(db *sql.DB, email string) error {
	_, err := db.Exec("INSERT INTO users (email) VALUES ($1) ON CONFLICT (id) DO NOTHING", email) // want `^Exec on users: ON CONFLICT \(id\) DO NOTHING targets the primary key \(id\), which the insert does not set, so it never conflicts; every call inserts a row, duplicates included: add a unique index on the columns that identify a row \(the insert sets email\) and name them as the conflict target$`
	return err
}

func doNothingOnSerialKeyOnly(ctx context.Context, db *sql.DB, kind string) error {
	_, err := db.ExecContext(ctx, "INSERT INTO events (kind, at) VALUES ($1, now()) ON CONFLICT DO NOTHING", kind) // want `^ExecContext on events: ON CONFLICT DO NOTHING only skips rows that conflict with a unique key, and events has none but its primary key \(id\), which the insert does not set; every call inserts a row, duplicates included: add a unique index on the columns that identify a row \(the insert sets kind, at\) and name them as the conflict target$`
	return err
}

func doNothingReturning(db *sql.DB, name string) (int64, error) {
	var id int64
	err := db.QueryRow("INSERT INTO tags (name) VALUES ($1) ON CONFLICT DO NOTHING RETURNING id", name).Scan(&id) // want `QueryRow on tags: ON CONFLICT DO NOTHING only skips rows that conflict with a unique key, and tags has none but its primary key \(id\)`
	return id, err
}

func nopeTargetMatchesKey(db *sql.DB, email string) error {
	_, err := db.Exec("INSERT INTO users (email) VALUES ($1) ON CONFLICT (email) DO NOTHING", email)
	return err
}

func nopeTargetColumnsInAnyOrder(db *sql.DB, country, name string) error {
	_, err := db.Exec(`INSERT INTO cities (country, name) VALUES ($1, $2) ON CONFLICT ("name", country) DO UPDATE SET name = excluded.name`, country, name)
	return err
}

func nopePartialIndexWithWhere(db *sql.DB, email, nick string) error {
	_, err := db.Exec("INSERT INTO users (email, nickname) VALUES ($1, $2) ON CONFLICT (nickname) WHERE deleted_at IS NULL DO NOTHING", email, nick)
	return err
}

func nopeExpressionTarget(db *sql.DB, email, name string) error {
	_, err := db.Exec("INSERT INTO users (email, name) VALUES ($1, $2) ON CONFLICT (lower(name)) DO NOTHING", email, name)
	return err
}

func nopeNaturalPrimaryKeySet(db *sql.DB, key, value string) error {
	_, err := db.Exec("INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value", key, value)
	if err != nil {
		return err
	}
	_, err = db.Exec("INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT DO NOTHING", key, value)
	return err
}

func nopeDoNothingWithUniqueKey(db *sql.DB, country, name string) error {
	_, err := db.Exec("INSERT INTO cities (country, name) VALUES ($1, $2) ON CONFLICT DO NOTHING", country, name)
	return err
}

func nopeEveryColumnSet(db *sql.DB, id int64, kind string) error {
	_, err := db.Exec("INSERT INTO events VALUES ($1, $2, now()) ON CONFLICT DO NOTHING", id, kind)
	return err
}

func namedConstraintMissing(db *sql.DB, name string) error {
	_, err := db.Exec("INSERT INTO tags (name) VALUES ($1) ON CONFLICT ON CONSTRAINT tags_name_excl DO NOTHING", name) // want `Exec on tags: ON CONFLICT ON CONSTRAINT tags_name_excl DO NOTHING names no unique or exclusion constraint of tags; .*name one of its constraints \(tags_pkey\)`
	return err
}

func nopeUnknownTable(db *sql.DB, sku string) error {
	_, err := db.Exec("INSERT INTO widgets (sku) VALUES ($1) ON CONFLICT (sku) DO NOTHING", sku)
	return err
}

func nopePlainInsert(db *sql.DB, kind string) error {
	_, err := db.Exec("INSERT INTO events (kind, at) VALUES ($1, now())", kind)
	return err
}

func nopeIgnoredWithReason(db *sql.DB, kind string) error {
	//getorcreatelint:ignore events are an append-only log; duplicates are expected
	_, err := db.Exec("INSERT INTO events (kind, at) VALUES ($1, now()) ON CONFLICT DO NOTHING", kind)
	return err
}
