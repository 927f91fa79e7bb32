// Package raceproof holds only tests: they run the runnable example in
// examples/race (its own module, so the GORM drivers stay out of this one)
// against a throwaway PostgreSQL server and SQLite, proving that GORM
// get-or-create without a unique index inserts duplicates, and check that
// getorcreatelint reports that example's unguarded model and not the
// guarded one. They also prove on PostgreSQL that the one-statement
// INSERT ... SELECT ... WHERE NOT EXISTS races the same way.
package raceproof
