// Package pgconn is a stand-in for github.com/jackc/pgx/v5/pgconn v5.12.0
// in the analyzer's tests: the types pgx's signatures use.
package pgconn

type CommandTag struct {
	s string
}

func (ct CommandTag) RowsAffected() int64 { return 0 }
func (ct CommandTag) String() string      { return ct.s }

type StatementDescription struct {
	Name string
	SQL  string
}

type FieldDescription struct {
	Name                 string
	TableOID             uint32
	TableAttributeNumber uint16
	DataTypeOID          uint32
	DataTypeSize         int16
	TypeModifier         int32
	Format               int16
}
