package store

import (
	"database/sql"
	"errors"

	"gorm.io/gorm"
)

func Active(db *gorm.DB) *gorm.DB { return db.Where("status = ?", "active") }

func ActivePlayer(db *gorm.DB, email string) (Player, error) {
	var p Player
	err := db.Scopes(Active).Where("email = ?", email).Not("team_id = ?", 0).First(&p).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		p = Player{Email: email, Status: "active"}
		err = db.Create(&p).Error
	}
	return p, err
}

func PlayerWithTeam(db *gorm.DB, email string) (Player, error) {
	var p Player
	cond := map[string]any{"email": email}
	err := db.Joins("Team").Where(cond).FirstOrCreate(&p).Error
	return p, err
}

func TopicBySlug(db *gorm.DB, slug string) (uint, error) {
	var id uint
	err := db.Raw("SELECT id FROM topics WHERE slug = ?", slug).Row().Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		t := Topic{Slug: slug}
		err = db.Create(&t).Error
		id = t.ID
	}
	return id, err
}

func TopicsBySlug(db *gorm.DB, slugs []string) error {
	var missing []Topic
	for _, slug := range slugs {
		var t Topic
		db.Raw("SELECT * FROM topics WHERE slug = ?", slug).Scan(&t)
		if t.ID == 0 {
			missing = append(missing, Topic{Slug: slug})
		}
	}
	if len(missing) == 0 {
		return nil
	}
	return db.CreateInBatches(&missing, 100).Error
}

// PlayerInTeam filters on the joined table: its lookup cannot be checked.
func PlayerInTeam(db *gorm.DB, email, team string) (Player, error) {
	var p Player
	err := db.Joins("Team").Where("players.email = ? AND Team.name = ?", email, team).FirstOrCreate(&p).Error
	return p, err
}
