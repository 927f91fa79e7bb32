package race

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"gorm.io/gorm"
)

// The PostgreSQL test needs RACE_POSTGRES_DSN; the main module's
// internal/raceproof test starts a throwaway server and sets it.
// RACE_ROUNDS and RACE_GOROUTINES change the defaults of 50 rounds of 50.

func TestRaceSQLite(t *testing.T) {
	db, err := OpenSQLite(filepath.Join(t.TempDir(), "race.db"))
	if err != nil {
		t.Fatal(err)
	}
	checkRace(t, "SQLite", db)
}

func TestRacePostgres(t *testing.T) {
	dsn := os.Getenv("RACE_POSTGRES_DSN")
	if dsn == "" {
		t.Skip("RACE_POSTGRES_DSN not set; internal/raceproof in the main module runs this test on a throwaway server")
	}
	db, err := OpenPostgres(dsn)
	if err != nil {
		t.Fatal(err)
	}
	checkRace(t, "PostgreSQL", db)
}

// checkRace asserts the race is real: without the unique index the rounds
// leave duplicate rows; with it every round leaves exactly one row and the
// losers get duplicate-key errors, nothing else.
//
// Whether a round races is up to the scheduler (on SQLite most rounds do
// not), so rounds are played in batches until each effect has shown, up to
// maxBatches; the logged summary counts every round played.
func checkRace(t *testing.T, server string, db *gorm.DB) {
	const maxBatches = 20
	rounds, goroutines := envInt("RACE_ROUNDS", 50), envInt("RACE_GOROUTINES", 50)
	play := func(guarded bool, shown func(Summary) bool) Summary {
		var total Summary
		for batch := 0; batch < maxBatches; batch++ {
			s, err := Run(db, guarded, rounds, goroutines)
			if err != nil {
				t.Fatal(err)
			}
			if batch == 0 {
				total = s
			} else {
				total = total.Add(s)
			}
			if shown(total) {
				break
			}
		}
		t.Log(server, total)
		return total
	}
	unguarded := play(false, func(s Summary) bool { return s.ExtraRows > 0 })
	guarded := play(true, func(s Summary) bool { return s.DuplicateKey > 0 })

	if unguarded.Other > 0 {
		t.Errorf("Account: %d unexpected errors, first: %v", unguarded.Other, unguarded.FirstOther)
	}
	if unguarded.ExtraRows == 0 {
		t.Errorf("Account: no duplicate rows in %d rounds of %d callers; the race did not show", unguarded.Rounds, goroutines)
	}
	if guarded.Other > 0 {
		t.Errorf("Member: %d unexpected errors, first: %v", guarded.Other, guarded.FirstOther)
	}
	if guarded.MaxRows != 1 || guarded.RoundsWithDupes != 0 {
		t.Errorf("Member: up to %d rows for one email; the unique index must keep one", guarded.MaxRows)
	}
	if guarded.DuplicateKey == 0 {
		t.Errorf("Member: no duplicate-key errors in %d rounds of %d callers; the race did not show", guarded.Rounds, goroutines)
	}
}

func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}
