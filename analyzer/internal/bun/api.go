package bun

import "go/types"

// The bun API surface the recogniser knows (github.com/uptrace/bun v1.3),
// as data. Every entry is a method of a bun query builder, recognised by
// the resolved *types.Func's receiver.
const bunPath = "github.com/uptrace/bun"

// role is what a query-builder method does in a get-or-create.
type role uint8

const (
	other      role = iota // unknown method: a chain through it has unknown conditions
	start                  // NewSelect, NewInsert: the chain starts here
	finishRead             // Scan, Exists, Count: runs the SELECT
	finishExec             // Exec, Scan of an INSERT: runs it
	where                  // adds a condition
	whereOr                // adds a condition with OR
	wherePK                // pins the model's primary key
	model                  // sets the model
	table                  // names the table or a table expression
	allRows                // WhereDeleted, WhereAllWithDeleted: drops the soft-delete filter
	onConflict             // InsertQuery.On
	ignore                 // InsertQuery.Ignore
	neutral                // changes nothing the lookup's key depends on
)

var selectRoles = map[string]role{
	"Scan": finishRead, "Exists": finishRead, "Count": finishRead,
	"Where": where, "WhereOr": whereOr, "WherePK": wherePK,
	"Model": model, "Table": table, "TableExpr": table, "ModelTableExpr": table,
	"WhereDeleted": allRows, "WhereAllWithDeleted": allRows,
	"Column": neutral, "ColumnExpr": neutral, "ExcludeColumn": neutral, "Order": neutral, "OrderExpr": neutral,
	"Limit": neutral, "Offset": neutral, "For": neutral, "Comment": neutral, "Conn": neutral,
}

var insertRoles = map[string]role{
	"Exec": finishExec, "Scan": finishExec,
	"Model": model, "Table": table, "TableExpr": table, "ModelTableExpr": table,
	"On": onConflict, "Ignore": ignore,
	"Set": neutral, "SetColumn": neutral, // the DO UPDATE SET of an On("CONFLICT ... DO UPDATE")
	"Column": neutral, "ExcludeColumn": neutral, "Value": neutral, "Returning": neutral, "Comment": neutral, "Conn": neutral,
}

// dbTypes are the types whose NewSelect and NewInsert start a query.
var dbTypes = map[string]bool{"DB": true, "Tx": true, "Conn": true, "IDB": true}

// kind says which builder a method belongs to.
type kind uint8

const (
	noQuery kind = iota
	selectQuery
	insertQuery
)

// methodOf returns the builder and role of fn, a method of bun's.
func methodOf(fn *types.Func) (kind, role) {
	recv := fn.Signature().Recv()
	if recv == nil {
		return noQuery, other
	}
	t := recv.Type()
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != bunPath {
		return noQuery, other
	}
	switch name := n.Obj().Name(); {
	case name == "SelectQuery":
		return selectQuery, selectRoles[fn.Name()]
	case name == "InsertQuery":
		return insertQuery, insertRoles[fn.Name()]
	case dbTypes[name] && fn.Name() == "NewSelect":
		return selectQuery, start
	case dbTypes[name] && fn.Name() == "NewInsert":
		return insertQuery, start
	}
	return noQuery, other
}
