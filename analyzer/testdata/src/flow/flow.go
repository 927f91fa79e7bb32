// Package flow holds lookups followed by inserts: get-or-create only when
// the insert runs on the path where the lookup found nothing.
package flow

import (
	"errors"

	"gorm.io/gorm"
)

type User struct {
	ID    uint
	Email string
}

type Account struct {
	ID     uint
	Handle string `gorm:"uniqueIndex"`
}

type Audit struct {
	ID     uint
	Action string
}

func errorsIs(db *gorm.DB, email string) (*User, error) {
	var u User
	err := db.Where("email = ?", email).First(&u).Error // want `First then Create \(line 31\) on users looks up \(email\) but no unique constraint covers it`
	if errors.Is(err, gorm.ErrRecordNotFound) {
		u = User{Email: email}
		if err := db.Create(&u).Error; err != nil {
			return nil, err
		}
		return &u, nil
	}
	return &u, err
}

func equalsSentinel(db *gorm.DB, email string) {
	var u User
	if err := db.Where("email = ?", email).Take(&u).Error; err == gorm.ErrRecordNotFound { // want `Take then Create`
		db.Create(&User{Email: email})
	}
}

func earlyReturn(db *gorm.DB, email string) (*User, error) {
	var u User
	err := db.Where(&User{Email: email}).First(&u).Error // want `First then Create \(line 56\) on users`
	if err == nil {
		return &u, nil
	}
	if !errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, err
	}
	u = User{Email: email}
	return &u, db.Create(&u).Error
}

func nestedNotFound(db *gorm.DB, email string) error {
	var u User
	if err := db.Where("email = ?", email).First(&u).Error; err != nil { // want `First then Create`
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return db.Create(&User{Email: email}).Error
		}
		return err
	}
	return nil
}

func elseIf(db *gorm.DB, email string) error {
	var u User
	err := db.Where("email = ?", email).Last(&u).Error // want `Last then Save`
	if err == nil {
		return nil
	} else if errors.Is(err, gorm.ErrRecordNotFound) {
		u.Email = email
		return db.Save(&u).Error
	} else {
		return err
	}
}

func switchTagless(db *gorm.DB, email string) error {
	var u User
	err := db.Where("email = ?", email).First(&u).Error // want `First then Create`
	switch {
	case err == nil:
		return nil
	case errors.Is(err, gorm.ErrRecordNotFound):
		return db.Create(&User{Email: email}).Error
	default:
		return err
	}
}

func switchTagged(db *gorm.DB, email string) error {
	var u User
	err := db.Where("email = ?", email).First(&u).Error // want `First then Create`
	switch err {
	case nil:
		return nil
	case gorm.ErrRecordNotFound:
		return db.Create(&User{Email: email}).Error
	}
	return err
}

func rowsAffected(db *gorm.DB, email string) {
	var users []User
	res := db.Where("email = ?", email).Limit(1).Find(&users) // want `Find then Create`
	if res.RowsAffected == 0 {
		db.Create(&User{Email: email})
	}
}

func resultError(db *gorm.DB, email string) {
	var u User
	result := db.Where("email = ?", email).First(&u) // want `First then Create`
	if result.Error != nil {
		db.Create(&User{Email: email})
	}
}

func count(db *gorm.DB, email string) {
	var n int64
	db.Model(&User{}).Where("email = ?", email).Count(&n) // want `Count then Create`
	if n > 0 {
		return
	}
	db.Create(&User{Email: email})
}

func countEqualsZero(db *gorm.DB, email string) {
	var n int64
	if db.Model(&User{}).Where("email = ?", email).Count(&n); n == 0 { // want `Count then Create`
		db.Create(&User{Email: email})
	}
}

func lenOfSlice(db *gorm.DB, email string) {
	var users []User
	db.Where("email = ?", email).Find(&users) // want `Find then Create`
	if len(users) == 0 {
		db.Create(&User{Email: email})
	}
}

func primaryKeyZero(db *gorm.DB, email string) {
	var u User
	db.Where("email = ?", email).First(&u) // want `First then Create`
	if u.ID == 0 {
		u.Email = email
		db.Create(&u)
	}
}

func inlineErrorCheck(db *gorm.DB, email string) {
	var u User
	if db.Where("email = ?", email).First(&u).Error != nil { // want `First then Create`
		db.Create(&User{Email: email})
	}
}

func insideTransaction(db *gorm.DB, email string) error {
	return db.Transaction(func(tx *gorm.DB) error {
		var u User
		if err := tx.Where("email = ?", email).First(&u).Error; err != nil { // want `First then Create`
			if !errors.Is(err, gorm.ErrRecordNotFound) {
				return err
			}
			return tx.Create(&User{Email: email}).Error
		}
		return nil
	})
}

func createInTransactionCallback(db *gorm.DB, email string) error {
	var u User
	err := db.Where("email = ?", email).First(&u).Error // want `First then Create`
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return db.Transaction(func(tx *gorm.DB) error {
			return tx.Create(&User{Email: email}).Error
		})
	}
	return err
}

func firstOrInitSave(db *gorm.DB, email string) {
	var u User
	db.Where(User{Email: email}).FirstOrInit(&u) // want `FirstOrInit then Save \(line 192\) on users looks up \(email\)`
	u.ID = u.ID
	db.Save(&u)
}

func nopeFirstOrInitBacked(db *gorm.DB, handle string) {
	var a Account
	db.Where(Account{Handle: handle}).FirstOrInit(&a)
	db.Save(&a)
}

func nopeFirstOrInitWithoutSave(db *gorm.DB, email string) User {
	var u User
	db.Where(User{Email: email}).FirstOrInit(&u)
	return u
}

func nopeBackedLookup(db *gorm.DB, handle string) {
	var a Account
	if err := db.Where("handle = ?", handle).First(&a).Error; errors.Is(err, gorm.ErrRecordNotFound) {
		db.Create(&Account{Handle: handle})
	}
}

func nopeCreateOnFoundPath(db *gorm.DB, email string) {
	var u User
	if err := db.Where("email = ?", email).First(&u).Error; err == nil {
		db.Create(&User{Email: email + "-copy"})
	}
}

func nopeUnconditionalCreate(db *gorm.DB, email string) {
	var u User
	db.Where("email = ?", email).First(&u)
	db.Create(&User{Email: email})
}

func nopeCreateOfAnotherModel(db *gorm.DB, email string) {
	var u User
	if err := db.Where("email = ?", email).First(&u).Error; errors.Is(err, gorm.ErrRecordNotFound) {
		db.Create(&Audit{Action: "lookup missed"})
	}
}

func isMissing(err error) bool { return errors.Is(err, gorm.ErrRecordNotFound) }

func nopeUnknownHelperDecides(db *gorm.DB, email string) {
	var u User
	if err := db.Where("email = ?", email).First(&u).Error; isMissing(err) {
		db.Create(&User{Email: email})
	}
}

func nopeErrorReassignedBeforeCheck(db *gorm.DB, email string) {
	var u User
	err := db.Where("email = ?", email).First(&u).Error
	err = validate(email)
	if err != nil {
		db.Create(&User{Email: email})
	}
}

func validate(string) error { return nil }

func nopeCreateBeforeLookupInLoop(db *gorm.DB, emails []string) {
	for _, e := range emails {
		db.Create(&User{Email: e + "-pre"})
		var u User
		if err := db.Where("email = ?", e).First(&u).Error; err != nil {
			continue
		}
	}
}

func loopGetOrCreate(db *gorm.DB, emails []string) {
	for _, e := range emails {
		var u User
		if err := db.Where("email = ?", e).First(&u).Error; err == nil { // want `First then Create`
			continue
		}
		db.Create(&User{Email: e})
	}
}

func countAfterErrorCheck(db *gorm.DB, email string) error {
	var n int64
	if err := db.Model(&User{}).Where("email = ?", email).Count(&n).Error; err != nil { // want `Count then Create`
		return err
	}
	if n > 0 {
		return nil
	}
	return db.Create(&User{Email: email}).Error
}

func nopeFindErrorIsAFailureNotAMiss(db *gorm.DB, email string) {
	var users []User
	if err := db.Where("email = ?", email).Find(&users).Error; err != nil {
		db.Create(&User{Email: email})
	}
}
