// Package clause synthesizes the part of gorm.io/gorm/clause the analyzer
// tests use.
package clause

type Expression interface{}

type Column struct {
	Table string
	Name  string
	Alias string
	Raw   bool
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
	Columns      []Column
	Where        Where
	TargetWhere  Where
	OnConstraint string
	DoNothing    bool
	DoUpdates    Set
	UpdateAll    bool
}

type Where struct {
	Exprs []Expression
}

type Set []Assignment

type Assignment struct {
	Column Column
	Value  interface{}
}

func AssignmentColumns(values []string) Set { return nil }

type JoinType string

type JoinTarget struct {
	Type        JoinType
	Association string
	Subquery    Expression
	Table       string
}

type Table struct {
	Name  string
	Alias string
	Raw   bool
}

type Writer interface {
	WriteByte(byte) error
	WriteString(string) (int, error)
}

type Builder interface {
	Writer
	WriteQuoted(field interface{})
	AddVar(Writer, ...interface{})
	AddError(error) error
}

type Assigner interface {
	Assignments() []Assignment
}
