package migrations

import (
	"github.com/go-gormigrate/gormigrate/v2"
	"gorm.io/gorm"
)

func apiKeys() *gormigrate.Migration {
	return &gormigrate.Migration{
		ID:       "202402011200_api_keys",
		Migrate:  createAPIKeys,
		Rollback: dropAPIKeys,
	}
}

func createAPIKeys(tx *gorm.DB) error {
	if err := tx.Exec(`CREATE TABLE api_keys (
	id bigserial PRIMARY KEY,
	team_id bigint NOT NULL REFERENCES teams (id),
	token_hash bytea NOT NULL,
	label text
)`).Error; err != nil {
		return err
	}
	return tx.Exec(`CREATE UNIQUE INDEX api_keys_token_hash_key ON api_keys (token_hash)`).Error
}

// dropAPIKeys is the Rollback: its DROP INDEX must not count.
func dropAPIKeys(tx *gorm.DB) error {
	if err := tx.Exec(`DROP INDEX api_keys_token_hash_key`).Error; err != nil {
		return err
	}
	return tx.Exec(`DROP TABLE api_keys`).Error
}
