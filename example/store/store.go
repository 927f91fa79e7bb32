// Package store reads and writes the shop's rows.
package store

import (
	"context"
	"errors"

	"gorm.io/gorm"

	"example.com/shop/models"
)

type Store struct{ db *gorm.DB }

// TagByName returns the tag, creating it on first use. Nothing in the
// schema stops two requests creating the same tag.
func (s *Store) TagByName(ctx context.Context, name string) (*models.Tag, error) {
	var tag models.Tag
	err := s.db.WithContext(ctx).Where(models.Tag{Name: name}).FirstOrCreate(&tag).Error
	return &tag, err
}

// UserByEmail is safe: users.email has a unique index on live rows.
func (s *Store) UserByEmail(ctx context.Context, email string) (*models.User, error) {
	var u models.User
	err := s.db.WithContext(ctx).Where(models.User{Email: email}).FirstOrCreate(&u).Error
	return &u, err
}

// Join adds a user to a team. The lookup is by user only, but the unique
// key is (team_id, user_id): two teams race to create the same membership.
func (s *Store) Join(teamID, userID uint) error {
	var m models.Membership
	err := s.db.Where("user_id = ?", userID).First(&m).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return s.db.Create(&models.Membership{TeamID: teamID, UserID: userID}).Error
	}
	return err
}

// ProductBySKU counts before inserting: the same race.
func (s *Store) ProductBySKU(sku string) error {
	var n int64
	if err := s.db.Model(&models.Product{}).Where("sku = ?", sku).Count(&n).Error; err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	return s.db.Create(&models.Product{SKU: sku}).Error
}

// RecordOrder is safe: the migrations declare UNIQUE (customer_id,
// external_ref), so a redelivered webhook cannot insert the order twice.
func (s *Store) RecordOrder(customerID uint, ref string, cents int64) (*models.Order, error) {
	o := models.Order{CustomerID: customerID, ExternalRef: ref}
	err := s.db.Where(models.Order{CustomerID: customerID, ExternalRef: ref}).
		Attrs(models.Order{TotalCents: cents}).
		FirstOrCreate(&o).Error
	return &o, err
}
