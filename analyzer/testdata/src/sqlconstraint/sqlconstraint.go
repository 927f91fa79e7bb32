// Package sqlconstraint checks ON CONFLICT ON CONSTRAINT name against the
// constraints the migrations leave (testdata/migrations/sqlshop): the name
// must be the primary key, a unique constraint or an exclusion constraint
// (DO NOTHING only) of the table.
package sqlconstraint

import (
	"context"
	"database/sql"

	"github.com/jackc/pgx/v5"
)

func missing(db *sql.DB, code string) error {
	_, err := db.Exec("INSERT INTO rooms (code, floor) VALUES ($1, 0) ON CONFLICT ON CONSTRAINT rooms_code_unique DO NOTHING", code) // want `^Exec on rooms: ON CONFLICT ON CONSTRAINT rooms_code_unique DO NOTHING names no unique or exclusion constraint of rooms; PostgreSQL rejects the INSERT at run time: name one of its constraints \(rooms_pkey, rooms_code_key\), or a unique key's columns as the target$`
	return err
}

func droppedByLaterMigration(ctx context.Context, c *pgx.Conn, floor int, code string) error {
	_, err := c.Exec(ctx, "INSERT INTO rooms (code, floor) VALUES ($1, $2) ON CONFLICT ON CONSTRAINT rooms_old_key DO UPDATE SET code = EXCLUDED.code", code, floor) // want `Exec on rooms: ON CONFLICT ON CONSTRAINT rooms_old_key DO UPDATE names no unique or exclusion constraint of rooms`
	return err
}

func uniqueIndexIsNoConstraint(db *sql.DB, floor int, code string) error {
	_, err := db.Exec("INSERT INTO rooms (code, floor) VALUES ($1, $2) ON CONFLICT ON CONSTRAINT rooms_floor_code DO NOTHING", code, floor) // want `^Exec on rooms: ON CONFLICT ON CONSTRAINT rooms_floor_code DO NOTHING names unique index rooms_floor_code, which is not a constraint; PostgreSQL rejects the INSERT at run time \(constraint "rooms_floor_code" for table "rooms" does not exist\): write its columns as the target, ON CONFLICT \(floor, code\), or make it a constraint in a migration: ALTER TABLE rooms ADD CONSTRAINT rooms_floor_code UNIQUE USING INDEX rooms_floor_code$`
	return err
}

func checkConstraintIsNoKey(db *sql.DB, floor int, code string) error {
	_, err := db.Exec("INSERT INTO rooms (code, floor) VALUES ($1, $2) ON CONFLICT ON CONSTRAINT rooms_floor_positive DO NOTHING", code, floor) // want `names no unique or exclusion constraint of rooms`
	return err
}

func exclusionWithUpdate(ctx context.Context, c *pgx.Conn, room int, during string) error {
	_, err := c.Exec(ctx, "INSERT INTO bookings (room, during) VALUES ($1, $2) ON CONFLICT ON CONSTRAINT bookings_no_overlap DO UPDATE SET during = EXCLUDED.during", room, during) // want `^Exec on bookings: ON CONFLICT ON CONSTRAINT bookings_no_overlap DO UPDATE names exclusion constraint bookings_no_overlap; PostgreSQL rejects the INSERT at run time with "ON CONFLICT DO UPDATE not supported with exclusion constraints": use DO NOTHING, or a unique key as the target$`
	return err
}

func nopeUniqueConstraint(db *sql.DB, code string) error {
	_, err := db.Exec("INSERT INTO rooms (code, floor) VALUES ($1, 0) ON CONFLICT ON CONSTRAINT rooms_code_key DO UPDATE SET floor = EXCLUDED.floor", code)
	return err
}

func nopeImplicitPrimaryKeyName(db *sql.DB, id int, code string) error {
	_, err := db.Exec("INSERT INTO rooms (id, code, floor) VALUES ($1, $2, 0) ON CONFLICT ON CONSTRAINT rooms_pkey DO NOTHING", id, code)
	return err
}

func nopeExclusionDoNothing(ctx context.Context, c *pgx.Conn, room int, during string) error {
	_, err := c.Exec(ctx, "INSERT INTO bookings (room, during) VALUES ($1, $2) ON CONFLICT ON CONSTRAINT bookings_no_overlap DO NOTHING", room, during)
	return err
}

// No schema source describes widgets: nothing to check against.
func nopeUnknownTable(db *sql.DB, sku string) error {
	_, err := db.Exec("INSERT INTO widgets (sku) VALUES ($1) ON CONFLICT ON CONSTRAINT widgets_sku_key DO NOTHING", sku)
	return err
}
