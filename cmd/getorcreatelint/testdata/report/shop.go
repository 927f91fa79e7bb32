// Package shop is the source the SARIF and GitHub writer tests point at:
// its non-ASCII text makes byte and UTF-16 columns differ.
package shop

type Tag struct {
	ID   uint
	Name string
}

func tagByName(db *DB, name string) {
	var tag Tag
	db.Where(Tag{Name: "café ☕ 🙂" + name}).FirstOrCreate(&tag)
	db.Create(&tag)
}
