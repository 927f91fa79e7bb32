package raceproof

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/getorcreatelint/getorcreatelint/internal/testdb"
)

// insertUnlessExists is the check-then-insert written as one statement.
const insertUnlessExists = `INSERT INTO guarded (name) SELECT $1 WHERE NOT EXISTS (SELECT 1 FROM guarded WHERE name = $1)`

const (
	guardWorkers   = 32  // goroutines running the statement at once, each on its own connection
	guardMaxRounds = 100 // rounds at most; each round uses a fresh name
	guardWantDupes = 5   // rounds with duplicates that end the unguarded run early
)

// guardResult sums what the rounds of one configuration left behind.
type guardResult struct {
	rounds, roundsWithDupes, extraRows, uniqueViolations int
}

// raceGuardedInsert runs insertUnlessExists from guardWorkers goroutines
// at once, round after round, and counts the rows each round's name ends
// up with. It stops after guardMaxRounds, or once stopAfter rounds had
// duplicates (0: never stop early).
func raceGuardedInsert(t *testing.T, conns []*pgx.Conn, stopAfter int) guardResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	var res guardResult
	for round := 0; round < guardMaxRounds; round++ {
		name := fmt.Sprintf("tag-%d", round)
		start := make(chan struct{})
		errs := make(chan error, guardWorkers)
		var wg sync.WaitGroup
		for _, c := range conns {
			wg.Go(func() {
				<-start
				_, err := c.Exec(ctx, insertUnlessExists, name)
				errs <- err
			})
		}
		close(start)
		wg.Wait()
		close(errs)
		for err := range errs {
			var pgErr *pgconn.PgError
			switch {
			case err == nil:
			case errors.As(err, &pgErr) && pgErr.Code == "23505":
				res.uniqueViolations++
			default:
				t.Fatalf("round %d: %v", round, err)
			}
		}
		var n int
		if err := conns[0].QueryRow(ctx, "SELECT count(*) FROM guarded WHERE name = $1", name).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			t.Fatalf("round %d: no row for %s", round, name)
		}
		res.rounds++
		if n > 1 {
			res.roundsWithDupes++
			res.extraRows += n - 1
		}
		if stopAfter > 0 && res.roundsWithDupes >= stopAfter {
			break
		}
	}
	return res
}

// TestGuardedInsertRaces shows that INSERT ... SELECT ... WHERE NOT EXISTS
// on the same table is no safer than a SELECT then an INSERT: under READ
// COMMITTED each statement's subquery sees only the rows committed before
// it started, so concurrent statements all find nothing and all insert.
// With a unique index on the looked-up column exactly one row remains and
// the losers get duplicate-key errors.
func TestGuardedInsertRaces(t *testing.T) {
	for _, tc := range []struct {
		name   string
		ddl    string
		unique bool
	}{
		{"no unique index", `CREATE TABLE guarded (id bigserial PRIMARY KEY, name text NOT NULL)`, false},
		{"unique index", `CREATE TABLE guarded (id bigserial PRIMARY KEY, name text NOT NULL UNIQUE)`, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := testdb.Postgres(t)
			ctx := context.Background()
			conns := make([]*pgx.Conn, guardWorkers)
			for i := range conns {
				c, err := pgx.Connect(ctx, db.DSN())
				if err != nil {
					t.Fatal(err)
				}
				defer c.Close(ctx)
				conns[i] = c
			}
			if _, err := conns[0].Exec(ctx, tc.ddl); err != nil {
				t.Fatal(err)
			}
			stopAfter := guardWantDupes
			if tc.unique {
				stopAfter = 0
			}
			res := raceGuardedInsert(t, conns, stopAfter)
			t.Logf("%s: rounds=%d rounds_with_duplicates=%d extra_rows=%d duplicate_key_errors=%d",
				tc.name, res.rounds, res.roundsWithDupes, res.extraRows, res.uniqueViolations)
			switch {
			case tc.unique && res.extraRows != 0:
				t.Errorf("with a unique index, %d extra rows in %d rounds, want 0", res.extraRows, res.rounds)
			case tc.unique && res.uniqueViolations == 0:
				t.Errorf("with a unique index, no statement lost the race in %d rounds: the workers did not run concurrently", res.rounds)
			case !tc.unique && res.extraRows == 0:
				t.Errorf("without a unique index, no duplicates in %d rounds of %d concurrent statements", res.rounds, guardWorkers)
			}
		})
	}
}
