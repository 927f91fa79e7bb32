package store

import (
	"context"
	"database/sql"
	"errors"
)

// CouponID finds or creates a coupon with plain database/sql: the same
// race as FirstOrCreate, and coupons.code has no unique key.
func CouponID(ctx context.Context, db *sql.DB, code string) (int64, error) {
	var id int64
	err := db.QueryRowContext(ctx, "SELECT id FROM coupons WHERE code = $1", code).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		err = db.QueryRowContext(ctx, "INSERT INTO coupons (code) VALUES ($1) RETURNING id", code).Scan(&id)
	}
	return id, err
}

// CountVisit is an atomic upsert, but its conflict target (user_id, day)
// matches no unique key: PostgreSQL rejects the statement at run time.
func CountVisit(ctx context.Context, db *sql.DB, userID int64, day string) error {
	_, err := db.ExecContext(ctx, `
		INSERT INTO visits (user_id, day, hits) VALUES ($1, $2, 1)
		ON CONFLICT (user_id, day) DO UPDATE SET hits = visits.hits + 1`, userID, day)
	return err
}
