// Package clause synthesizes the part of gorm.io/gorm/clause the analyzer
// tests use.
package clause

type Expression interface{}

type Column struct {
	Table string
	Name  string
}

type Eq struct {
	Column interface{}
	Value  interface{}
}

type Expr struct {
	SQL  string
	Vars []interface{}
}

type Locking struct {
	Strength string
	Options  string
}

type OnConflict struct {
	Columns   []Column
	DoNothing bool
	UpdateAll bool
}
