// Command racedemo runs many goroutines doing GORM FirstOrCreate on the
// same key, against a table without a unique index (Account) and one with
// it (Member), and prints what it observed.
//
//	go run ./cmd/racedemo -sqlite /tmp/race.db
//	go run ./cmd/racedemo -postgres 'postgres://user:pass@127.0.0.1:5432/db?sslmode=disable'
//
// The tables accounts and members are dropped and recreated.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"gorm.io/gorm"

	"github.com/getorcreatelint/getorcreatelint/examples/race"
)

func main() {
	pg := flag.String("postgres", "", "PostgreSQL DSN to race on")
	lite := flag.String("sqlite", "", "SQLite file to race on (default: a temporary file)")
	rounds := flag.Int("rounds", 20, "rounds per model, each with a new key")
	goroutines := flag.Int("goroutines", 50, "concurrent callers per round")
	flag.Parse()

	var db *gorm.DB
	var err error
	switch {
	case *pg != "":
		fmt.Println("PostgreSQL")
		db, err = race.OpenPostgres(*pg)
	default:
		path := *lite
		if path == "" {
			dir, derr := os.MkdirTemp("", "racedemo")
			if derr != nil {
				fail(derr)
			}
			defer os.RemoveAll(dir)
			path = filepath.Join(dir, "race.db")
		}
		fmt.Println("SQLite", path)
		db, err = race.OpenSQLite(path)
	}
	if err != nil {
		fail(err)
	}
	for _, guarded := range []bool{false, true} {
		s, err := race.Run(db, guarded, *rounds, *goroutines)
		if err != nil {
			fail(err)
		}
		fmt.Println(s)
		if s.FirstOther != nil {
			fmt.Println("  first other error:", s.FirstOther)
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "racedemo:", err)
	os.Exit(1)
}
