package rawsql

import (
	"go/types"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
)

// The hand-written SQL APIs the analyzer knows (database/sql, sqlx, pgx
// v5), as data. Every entry is recognised by the resolved *types.Func: its
// package path, receiver type (a struct, or an interface such as pgx.Tx)
// and name. Methods promoted from an embedded type resolve to the embedded
// type's method: sqlx.DB's QueryRow is database/sql's.
const (
	sqlPath     = "database/sql"
	sqlxPath    = "github.com/jmoiron/sqlx"
	pgxPath     = "github.com/jackc/pgx/v5"
	pgxpoolPath = "github.com/jackc/pgx/v5/pgxpool"
)

// sqlRole is what a call does with its query.
type sqlRole uint8

const (
	sqlRow     sqlRole = iota + 1 // returns one row, whose Scan returns the error (ErrNoRows when none)
	sqlRows                       // returns rows: Next() is false when none
	sqlGet                        // scans one row into dest and returns the error (sqlx Get)
	sqlSelect                     // scans every row into the slice dest: empty when none (sqlx Select)
	sqlExec                       // runs a statement
	sqlPrepare                    // prepares the query for a statement's later calls
)

// sqlMethod says where a call's query, destination and bound arguments
// are among its arguments.
type sqlMethod struct {
	role  sqlRole
	query int // index of the query string; -1 when the receiver is a prepared statement
	dest  int // index of Get's destination; -1 if none
	args  int // index of the first bound argument
}

func onQuery(role sqlRole, query int) sqlMethod {
	return sqlMethod{role: role, query: query, dest: -1, args: query + 1}
}

func onStmt(role sqlRole, args int) sqlMethod {
	return sqlMethod{role: role, query: -1, dest: -1, args: args}
}

func getOn(dest int) sqlMethod {
	return sqlMethod{role: sqlGet, query: dest + 1, dest: dest, args: dest + 2}
}

func selectOn(dest int) sqlMethod {
	return sqlMethod{role: sqlSelect, query: dest + 1, dest: dest, args: dest + 2}
}

// intoStmt is a prepared statement's method that scans into dest.
func intoStmt(role sqlRole, dest int) sqlMethod {
	return sqlMethod{role: role, query: -1, dest: dest, args: dest + 1}
}

// sqlConnMethods are the query methods of database/sql's DB, Tx and Conn.
var sqlConnMethods = map[string]sqlMethod{
	"QueryRow": onQuery(sqlRow, 0), "QueryRowContext": onQuery(sqlRow, 1),
	"Query": onQuery(sqlRows, 0), "QueryContext": onQuery(sqlRows, 1),
	"Exec": onQuery(sqlExec, 0), "ExecContext": onQuery(sqlExec, 1),
	"Prepare": onQuery(sqlPrepare, 0), "PrepareContext": onQuery(sqlPrepare, 1),
}

// sqlxConnMethods are sqlx's own methods of DB, Tx and Conn, and of its
// Queryer/Execer interfaces (the rest are database/sql's, promoted).
var sqlxConnMethods = map[string]sqlMethod{
	"QueryRowx": onQuery(sqlRow, 0), "QueryRowxContext": onQuery(sqlRow, 1),
	"Queryx": onQuery(sqlRows, 0), "QueryxContext": onQuery(sqlRows, 1),
	"Query": onQuery(sqlRows, 0), "QueryContext": onQuery(sqlRows, 1),
	"Get": getOn(0), "GetContext": getOn(1),
	"Select": selectOn(0), "SelectContext": selectOn(1),
	"Exec": onQuery(sqlExec, 0), "ExecContext": onQuery(sqlExec, 1),
	"MustExec": onQuery(sqlExec, 0), "MustExecContext": onQuery(sqlExec, 1),
	"NamedExec": onQuery(sqlExec, 0), "NamedExecContext": onQuery(sqlExec, 1),
	"Preparex": onQuery(sqlPrepare, 0), "PreparexContext": onQuery(sqlPrepare, 1),
	"PrepareNamed": onQuery(sqlPrepare, 0), "PrepareNamedContext": onQuery(sqlPrepare, 1),
}

// sqlxNamedStmtMethods are those of sqlx's NamedStmt: one argument, a
// struct or map whose fields or keys fill the :name placeholders.
var sqlxNamedStmtMethods = map[string]sqlMethod{
	"QueryRow": onStmt(sqlRow, 0), "QueryRowContext": onStmt(sqlRow, 1),
	"QueryRowx": onStmt(sqlRow, 0), "QueryRowxContext": onStmt(sqlRow, 1),
	"Query": onStmt(sqlRows, 0), "QueryContext": onStmt(sqlRows, 1),
	"Queryx": onStmt(sqlRows, 0), "QueryxContext": onStmt(sqlRows, 1),
	"Get": intoStmt(sqlGet, 0), "GetContext": intoStmt(sqlGet, 1),
	"Select": intoStmt(sqlSelect, 0), "SelectContext": intoStmt(sqlSelect, 1),
	"Exec": onStmt(sqlExec, 0), "ExecContext": onStmt(sqlExec, 1),
	"MustExec": onStmt(sqlExec, 0), "MustExecContext": onStmt(sqlExec, 1),
}

// pgxMethods are the query methods of pgx's Conn, Tx and pgxpool's Pool,
// Conn and Tx: the query follows the context.
var pgxMethods = map[string]sqlMethod{
	"QueryRow": onQuery(sqlRow, 1), "Query": onQuery(sqlRows, 1), "Exec": onQuery(sqlExec, 1),
}

// sqlMethods maps a receiver type, "<package path>.<type>", to its methods.
var sqlMethods = map[string]map[string]sqlMethod{
	sqlPath + ".DB":   sqlConnMethods,
	sqlPath + ".Tx":   sqlConnMethods,
	sqlPath + ".Conn": sqlConnMethods,
	sqlPath + ".Stmt": {
		"QueryRow": onStmt(sqlRow, 0), "QueryRowContext": onStmt(sqlRow, 1),
		"Query": onStmt(sqlRows, 0), "QueryContext": onStmt(sqlRows, 1),
		"Exec": onStmt(sqlExec, 0), "ExecContext": onStmt(sqlExec, 1),
	},
	sqlxPath + ".DB":             sqlxConnMethods,
	sqlxPath + ".Tx":             sqlxConnMethods,
	sqlxPath + ".Conn":           sqlxConnMethods,
	sqlxPath + ".Queryer":        sqlxConnMethods,
	sqlxPath + ".QueryerContext": sqlxConnMethods,
	sqlxPath + ".Execer":         sqlxConnMethods,
	sqlxPath + ".ExecerContext":  sqlxConnMethods,
	sqlxPath + ".Stmt": {
		"QueryRowx": onStmt(sqlRow, 0), "QueryRowxContext": onStmt(sqlRow, 1),
		"Queryx": onStmt(sqlRows, 0), "QueryxContext": onStmt(sqlRows, 1),
		"Get": intoStmt(sqlGet, 0), "GetContext": intoStmt(sqlGet, 1),
		"Select": intoStmt(sqlSelect, 0), "SelectContext": intoStmt(sqlSelect, 1),
		"MustExec": onStmt(sqlExec, 0), "MustExecContext": onStmt(sqlExec, 1),
	},
	sqlxPath + ".NamedStmt": sqlxNamedStmtMethods,
	pgxPath + ".Conn":       pgxMethods,
	pgxPath + ".Tx":         pgxMethods,
	pgxpoolPath + ".Pool":   pgxMethods,
	pgxpoolPath + ".Conn":   pgxMethods,
	pgxpoolPath + ".Tx":     pgxMethods,
}

// sqlFuncs are package-level functions: sqlx's helpers taking a Queryer
// or Execer first.
var sqlFuncs = map[string]map[string]sqlMethod{
	sqlxPath: {
		"Get": getOn(1), "GetContext": getOn(2),
		"Select": selectOn(1), "SelectContext": selectOn(2),
		"MustExec": onQuery(sqlExec, 1), "MustExecContext": onQuery(sqlExec, 2),
		"NamedExec": onQuery(sqlExec, 1), "NamedExecContext": onQuery(sqlExec, 2),
	},
}

// sqlMethodOf returns what fn does if it is a known query function.
func sqlMethodOf(fn *types.Func) (sqlMethod, bool) {
	if fn == nil || fn.Pkg() == nil {
		return sqlMethod{}, false
	}
	var table map[string]sqlMethod
	if recv := fn.Origin().Signature().Recv(); recv != nil {
		table = sqlMethods[typeKey(recv.Type())]
	} else {
		table = sqlFuncs[fn.Pkg().Path()]
	}
	m, ok := table[fn.Name()]
	return m, ok
}

// rowScanMethods read the row of a QueryRow: they return ErrNoRows when
// the query found nothing.
var rowScanMethods = map[string]map[string]bool{
	sqlPath + ".Row":  {"Scan": true},
	sqlxPath + ".Row": {"Scan": true, "StructScan": true, "MapScan": true, "SliceScan": true},
	pgxPath + ".Row":  {"Scan": true},
}

func isRowScan(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	recv := fn.Origin().Signature().Recv()
	return recv != nil && rowScanMethods[typeKey(recv.Type())][fn.Name()]
}

// isRowsNext reports whether fn advances a result set: database/sql's
// Rows.Next (also sqlx.Rows's, promoted) or pgx.Rows's.
func isRowsNext(fn *types.Func) bool {
	return flow.IsMethod(fn, sqlPath, "Rows", "Next") || flow.IsMethod(fn, pgxPath, "Rows", "Next")
}

// queryRebinders return their query argument with the placeholders
// rewritten for the driver (? to $1, ...), which keeps their positions:
// the index of that argument.
var queryRebinders = map[string]map[string]int{
	sqlxPath + ".DB":   {"Rebind": 0},
	sqlxPath + ".Tx":   {"Rebind": 0},
	sqlxPath + ".Conn": {"Rebind": 0},
	sqlxPath:           {"Rebind": 1},
}

// rebindArg returns the index of the query fn rebinds, if it is a rebinder.
func rebindArg(fn *types.Func) (int, bool) {
	if fn == nil || fn.Pkg() == nil {
		return 0, false
	}
	key := fn.Pkg().Path()
	if recv := fn.Origin().Signature().Recv(); recv != nil {
		key = typeKey(recv.Type())
	}
	i, ok := queryRebinders[key][fn.Name()]
	return i, ok
}

// stmtForwarders return a transaction's copy of a prepared statement; the
// statement is their last argument.
var stmtForwarders = map[string]map[string]bool{
	sqlPath + ".Tx":  {"Stmt": true, "StmtContext": true},
	sqlxPath + ".Tx": {"Stmtx": true, "StmtxContext": true, "NamedStmt": true, "NamedStmtContext": true},
}

func isStmtForwarder(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	recv := fn.Origin().Signature().Recv()
	return recv != nil && stmtForwarders[typeKey(recv.Type())][fn.Name()]
}

// typeKey names a receiver type "<package path>.<type>", through a
// pointer; "" for unnamed types.
func typeKey(t types.Type) string {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Origin().Obj().Pkg() == nil {
		return ""
	}
	obj := n.Origin().Obj()
	return obj.Pkg().Path() + "." + obj.Name()
}

// pgxCollector is what a pgx v5 function that consumes a Query's rows
// returns when there are none.
type pgxCollector uint8

const (
	collectOne   pgxCollector = iota + 1 // ErrNoRows and the zero value (CollectOneRow, CollectExactlyOneRow)
	collectSlice                         // an empty slice and no error (CollectRows, AppendRows)
)

// pgxCollectors take the rows first and a RowToFunc (RowToStructByName,
// RowTo, ...) that converts each row.
var pgxCollectors = map[string]pgxCollector{
	"CollectOneRow": collectOne, "CollectExactlyOneRow": collectOne,
	"CollectRows": collectSlice,
}

// pgxCollectorOf returns what fn returns on no rows, if it is a collector.
func pgxCollectorOf(fn *types.Func) (pgxCollector, bool) {
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != pgxPath || fn.Signature().Recv() != nil {
		return 0, false
	}
	c, ok := pgxCollectors[fn.Name()]
	return c, ok
}

// pgxPreparers prepare a statement under a name, Prepare(ctx, name, sql):
// a later Query, QueryRow or Exec whose sql is that name runs it.
var pgxPreparers = map[string]bool{
	pgxPath + ".Conn":   true,
	pgxPath + ".Tx":     true,
	pgxpoolPath + ".Tx": true,
}

func isPgxPrepare(fn *types.Func) bool {
	if fn == nil || fn.Name() != "Prepare" {
		return false
	}
	recv := fn.Origin().Signature().Recv()
	return recv != nil && pgxPreparers[typeKey(recv.Type())]
}
