package race

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"

	"gorm.io/gorm"
)

// Result is what one round observed: Goroutines callers asked for the same
// key at once.
type Result struct {
	Goroutines   int
	Rows         int64   // rows holding the key afterwards
	DuplicateKey int     // callers that got a duplicate-key error
	Other        []error // any other error
}

// Summary adds up the rounds of one model.
type Summary struct {
	Model           string
	Rounds          int
	Goroutines      int
	RoundsWithDupes int   // rounds that left more than one row
	ExtraRows       int64 // rows beyond the first, over all rounds
	MaxRows         int64
	DuplicateKey    int // duplicate-key errors, over all rounds
	Other           int
	FirstOther      error
}

func (s Summary) String() string {
	return fmt.Sprintf("%-8s rounds=%d goroutines=%d rounds_with_duplicates=%d extra_rows=%d max_rows=%d duplicate_key_errors=%d other_errors=%d",
		s.Model, s.Rounds, s.Goroutines, s.RoundsWithDupes, s.ExtraRows, s.MaxRows, s.DuplicateKey, s.Other)
}

// Prepare creates the two tables, Member's with its unique index.
func Prepare(db *gorm.DB) error {
	return db.AutoMigrate(&Account{}, &Member{})
}

// Round releases goroutines callers of getOrCreate at the same moment and
// then counts the rows holding the key with count.
func Round(goroutines int, getOrCreate func() error, count func() (int64, error)) (Result, error) {
	r := Result{Goroutines: goroutines}
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		errs []error
	)
	start := make(chan struct{})
	for i := 0; i < goroutines; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			if err := getOrCreate(); err != nil {
				mu.Lock()
				errs = append(errs, err)
				mu.Unlock()
			}
		}()
	}
	close(start)
	wg.Wait()
	for _, err := range errs {
		if IsDuplicateKey(err) {
			r.DuplicateKey++
		} else {
			r.Other = append(r.Other, err)
		}
	}
	var err error
	r.Rows, err = count()
	return r, err
}

// keySeq numbers the keys so that no two rounds share one.
var keySeq atomic.Int64

// Add returns the sum of two summaries of the same model.
func (s Summary) Add(o Summary) Summary {
	s.Rounds += o.Rounds
	s.RoundsWithDupes += o.RoundsWithDupes
	s.ExtraRows += o.ExtraRows
	s.MaxRows = max(s.MaxRows, o.MaxRows)
	s.DuplicateKey += o.DuplicateKey
	s.Other += o.Other
	if s.FirstOther == nil {
		s.FirstOther = o.FirstOther
	}
	return s
}

// Run plays rounds rounds of goroutines callers on Account (guarded false)
// or Member (guarded true), each round with a new email.
func Run(db *gorm.DB, guarded bool, rounds, goroutines int) (Summary, error) {
	s := Summary{Model: "Account", Rounds: rounds, Goroutines: goroutines}
	if guarded {
		s.Model = "Member"
	}
	if err := warmPool(db, goroutines); err != nil {
		return s, err
	}
	for i := 0; i < rounds; i++ {
		email := fmt.Sprintf("%s-%d@example.com", strings.ToLower(s.Model), keySeq.Add(1))
		var r Result
		var err error
		if guarded {
			r, err = Round(goroutines,
				func() error { _, err := GetOrCreateMember(db, email); return err },
				func() (n int64, err error) { return n, db.Model(&Member{}).Where("email = ?", email).Count(&n).Error })
		} else {
			r, err = Round(goroutines,
				func() error { _, err := GetOrCreateAccount(db, email); return err },
				func() (n int64, err error) { return n, db.Model(&Account{}).Where("email = ?", email).Count(&n).Error })
		}
		if err != nil {
			return s, err
		}
		if r.Rows > 1 {
			s.RoundsWithDupes++
			s.ExtraRows += r.Rows - 1
		}
		s.MaxRows = max(s.MaxRows, r.Rows)
		s.DuplicateKey += r.DuplicateKey
		s.Other += len(r.Other)
		if s.FirstOther == nil && len(r.Other) > 0 {
			s.FirstOther = r.Other[0]
		}
	}
	return s, nil
}

// warmPool opens n connections up front, so the callers of a round start
// together instead of queueing behind connection setup.
func warmPool(db *gorm.DB, n int) error {
	sqlDB, err := db.DB()
	if err != nil {
		return err
	}
	sqlDB.SetMaxOpenConns(n)
	sqlDB.SetMaxIdleConns(n)
	// Each goroutine holds its transaction's connection until all have
	// begun, so n distinct connections are opened.
	var begun, done sync.WaitGroup
	errs := make([]error, n)
	hold := make(chan struct{})
	for i := 0; i < n; i++ {
		begun.Add(1)
		done.Add(1)
		go func(i int) {
			defer done.Done()
			tx := db.Begin()
			begun.Done()
			if errs[i] = tx.Error; errs[i] == nil {
				<-hold
				errs[i] = tx.Rollback().Error
			}
		}(i)
	}
	begun.Wait()
	close(hold)
	done.Wait()
	return errors.Join(errs...)
}

// IsDuplicateKey recognises a unique violation from PostgreSQL (SQLSTATE
// 23505) or SQLite, translated by GORM or not.
func IsDuplicateKey(err error) bool {
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		return true
	}
	msg := err.Error()
	return strings.Contains(msg, "SQLSTATE 23505") || strings.Contains(msg, "UNIQUE constraint failed")
}
