package gormjoin

import "gorm.io/gorm"

// Team joins Player on Player.Code, with renamed join columns.
type Team struct {
	ID      uint
	Players []Player `gorm:"many2many:rosters;joinForeignKey:TeamRef;references:Code;joinReferences:PlayerCode"`
}

type Player struct {
	ID   uint
	Code string
}

type Roster struct {
	TeamRef    uint
	PlayerCode string
}

func enrol(db *gorm.DB, team uint, player string) {
	var r Roster
	db.Where(Roster{TeamRef: team, PlayerCode: player}).FirstOrCreate(&r)
}

func anyRosterOf(db *gorm.DB, player string) {
	var r Roster
	db.Where(Roster{PlayerCode: player}).FirstOrCreate(&r) // want `FirstOrCreate on rosters looks up \(player_code\)`
}

// Person has one Passport: GORM creates a foreign key, no unique key, so a
// lookup by the foreign key alone is not backed.
type Person struct {
	ID       uint
	Ref      string   `gorm:"uniqueIndex"`
	Passport Passport `gorm:"foreignKey:PersonRef;references:Ref"`
}

type Passport struct {
	ID        uint
	PersonRef string
}

func passportOf(db *gorm.DB, ref string) {
	var p Passport
	db.Where(Passport{PersonRef: ref}).FirstOrCreate(&p) // want `FirstOrCreate on passports looks up \(person_ref\)`
}
