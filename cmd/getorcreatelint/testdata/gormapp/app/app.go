// Package app runs get-or-create against the models of package models.
package app

import (
	"context"
	"errors"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"example.com/gormapp/models"
)

func ContactByEmail(ctx context.Context, db *gorm.DB, email string) (models.Contact, error) {
	var c models.Contact
	err := db.WithContext(ctx).Where(models.Contact{Email: email}).FirstOrCreate(&c).Error
	return c, err
}

func ContactByPhone(db *gorm.DB, phone string) (models.Contact, error) {
	var c models.Contact
	err := db.Where("phone_number = ?", phone).Attrs(models.Contact{Email: "unknown"}).FirstOrCreate(&c).Error
	return c, err
}

func CompanyByName(db *gorm.DB, name string) (*models.Company, error) {
	return getOrCreateCompany(db, name)
}

func getOrCreateCompany(db *gorm.DB, name string) (*models.Company, error) {
	var co models.Company
	err := db.Transaction(func(tx *gorm.DB) error {
		err := tx.Clauses(clause.Locking{Strength: "UPDATE"}).Where("name = ?", name).First(&co).Error
		if err == nil {
			return nil
		}
		if !errors.Is(err, gorm.ErrRecordNotFound) {
			return err
		}
		co = models.Company{Name: name}
		return tx.Create(&co).Error
	})
	return &co, err
}

func CompanyByDomain(db *gorm.DB, domain string) (*models.Company, error) {
	var co models.Company
	err := db.Where(&models.Company{Domain: domain}).First(&co).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		co = models.Company{Domain: domain}
		err = db.Create(&co).Error
	}
	return &co, err
}

func SiteInCity(db *gorm.DB, city string) models.Site {
	var s models.Site
	db.Where(models.Site{Address: models.Address{City: city}}).FirstOrInit(&s)
	db.Save(&s)
	return s
}

func Seat(db *gorm.DB, company, user uint) error {
	var n int64
	db.Model(&models.Seat{}).Where(map[string]any{"company_id": company, "user_id": user}).Count(&n)
	if n == 0 {
		return db.Create(&models.Seat{CompanyID: company, UserID: user}).Error
	}
	return nil
}

func SeatForUser(db *gorm.DB, user uint) error {
	var seat models.Seat
	if err := db.Where("user_id = ?", user).Take(&seat).Error; err != nil {
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return db.Create(&models.Seat{UserID: user}).Error
		}
		return err
	}
	return nil
}

func SeedContact(db *gorm.DB, phone string) {
	var c models.Contact
	//getorcreatelint:ignore seeding runs once, single-threaded, before the server starts
	db.Where(models.Contact{Phone: phone}).FirstOrCreate(&c)
}
