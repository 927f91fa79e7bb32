package migrations

import (
	"github.com/go-gormigrate/gormigrate/v2"
	"gorm.io/gorm"
)

// Run applies every migration, in this order.
func Run(db *gorm.DB) error {
	return gormigrate.New(db, gormigrate.DefaultOptions, []*gormigrate.Migration{
		{
			ID: "202401151030_create_teams",
			Migrate: func(tx *gorm.DB) error {
				return tx.Exec(`CREATE TABLE teams (
	id bigserial PRIMARY KEY,
	slug varchar(64) NOT NULL,
	name text NOT NULL,
	created_at timestamptz NOT NULL DEFAULT now()
)`).Error
			},
			Rollback: func(tx *gorm.DB) error {
				return tx.Migrator().DropTable("teams")
			},
		},
		{
			ID: "202401221200_teams_slug_key",
			Migrate: func(tx *gorm.DB) error {
				return tx.Exec("CREATE UNIQUE INDEX teams_slug_key ON teams (slug)").Error
			},
			Rollback: func(tx *gorm.DB) error {
				return tx.Exec("DROP INDEX teams_slug_key").Error
			},
		},
		apiKeys(),
		{
			ID: "202403041800_team_settings",
			Migrate: func(tx *gorm.DB) error {
				type TeamSetting struct {
					TeamID int64  `gorm:"primaryKey"`
					Key    string `gorm:"primaryKey;size:64"`
					Value  string
				}
				return tx.AutoMigrate(&TeamSetting{})
			},
		},
	}).Migrate()
}
