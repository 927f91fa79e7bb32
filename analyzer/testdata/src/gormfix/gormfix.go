// Package gormfix checks that the struct-tag fixes of several findings on
// one field, or on one declaration of several fields, add up to one valid
// tag per field that GORM reads as intended.
package gormfix

import "gorm.io/gorm"

// Seat: lookups (member) and (team, member); Member already has a tag.
type Seat struct {
	ID     uint
	Team   uint
	Member uint `json:"member"`
}

func seatOfMember(db *gorm.DB, member uint) {
	var s Seat
	db.Where("member = ?", member).FirstOrCreate(&s) // want `FirstOrCreate on seats looks up \(member\)`
}

func seatOfTeamMember(db *gorm.DB, team, member uint) {
	var s Seat
	db.Where("team = ? AND member = ?", team, member).FirstOrCreate(&s) // want `FirstOrCreate on seats looks up \(team, member\)`
}

// Desk: lookups (team) and (team, member) on untagged fields.
type Desk struct {
	ID     uint
	Team   uint
	Member uint
}

func deskOfTeam(db *gorm.DB, team uint) {
	var d Desk
	db.Where("team = ?", team).FirstOrCreate(&d) // want `FirstOrCreate on desks looks up \(team\)`
}

func deskOfTeamMember(db *gorm.DB, team, member uint) {
	var d Desk
	db.Where(Desk{Team: team, Member: member}).FirstOrCreate(&d) // want `FirstOrCreate on desks looks up \(team, member\)`
}

// Label: Name and Color share a declaration; only Name is looked up.
type Label struct {
	ID          uint
	Name, Color string
}

func labelByName(db *gorm.DB, name string) {
	var l Label
	db.Where(Label{Name: name}).FirstOrCreate(&l) // want `FirstOrCreate on labels looks up \(name\)`
}

// Pair: a composite key over two fields of one declaration.
type Pair struct {
	ID          uint
	Left, Right uint
}

func pairOf(db *gorm.DB, l, r uint) {
	var p Pair
	db.Where(Pair{Left: l, Right: r}).FirstOrCreate(&p) // want `FirstOrCreate on pairs looks up \(left, right\)`
}

// Badge: three lookups need the same setting; existing settings stay.
type Badge struct {
	ID   uint
	Code string `gorm:"size:10;not null"`
}

func badgeA(db *gorm.DB, code string) {
	var b Badge
	db.Where("code = ?", code).FirstOrCreate(&b) // want `FirstOrCreate on badges looks up \(code\)`
}

func badgeB(db *gorm.DB, code string) {
	var b Badge
	db.Where(Badge{Code: code}).FirstOrCreate(&b) // want `FirstOrCreate on badges looks up \(code\)`
}

func badgeC(db *gorm.DB, code string) {
	var b Badge
	db.Where(&Badge{Code: code}).FirstOrCreate(&b) // want `FirstOrCreate on badges looks up \(code\)`
}

// Shelf: a one-line struct declaration split where it stands.
type Shelf struct{ ID, Row, Slot uint }

func shelfOfRow(db *gorm.DB, row uint) {
	var s Shelf
	db.Where("row = ?", row).FirstOrCreate(&s) // want `FirstOrCreate on shelves looks up \(row\)`
}
