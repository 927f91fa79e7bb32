package store

import (
	"context"
	"errors"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

func TeamByName(ctx context.Context, db *gorm.DB, name string) (Team, error) {
	t, err := gorm.G[Team](db).Where("name = ?", name).First(ctx)
	if errors.Is(err, gorm.ErrRecordNotFound) {
		t = Team{Name: name}
		err = gorm.G[Team](db).Create(ctx, &t)
	}
	return t, err
}

func EnsurePlayer(ctx context.Context, db *gorm.DB, email string) error {
	n, err := gorm.G[Player](db).Where(Player{Email: email}).Count(ctx, "*")
	if err != nil {
		return err
	}
	if n == 0 {
		return db.Create(&Player{Email: email}).Error
	}
	return nil
}

// VoucherByCode is backed by the unique index on code.
func VoucherByCode(ctx context.Context, db *gorm.DB, code string) (Voucher, error) {
	v, err := gorm.G[Voucher](db).Where("code = ?", code).Take(ctx)
	if errors.Is(err, gorm.ErrRecordNotFound) {
		v = Voucher{Code: code}
		err = gorm.G[Voucher](db).Create(ctx, &v)
	}
	return v, err
}

// AddTopic relies on a conflict topics cannot raise.
func AddTopic(ctx context.Context, db *gorm.DB, slug string) error {
	return gorm.G[Topic](db, clause.OnConflict{DoNothing: true}).Create(ctx, &Topic{Slug: slug})
}

func Named(name string) func(*gorm.Statement) {
	return func(s *gorm.Statement) { s.Where("name = ?", name) }
}

func EnsureTeam(ctx context.Context, db *gorm.DB, name string) error {
	_, err := gorm.G[Team](db).Scopes(Named(name)).Take(ctx)
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return gorm.G[Team](db).Create(ctx, &Team{Name: name})
	}
	return err
}
