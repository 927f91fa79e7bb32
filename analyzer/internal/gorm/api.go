package gorm

import (
	"go/types"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
)

// The GORM v2 API surface the analyzer knows, as data. Every entry is a
// method of *gorm.DB and is recognised by the resolved *types.Func.
const gormPath = "gorm.io/gorm"

// gormRole is what a *gorm.DB method does in a get-or-create.
type gormRole uint8

const (
	gormOther         gormRole = iota // unknown method: a chain through it has unknown conditions
	gormLookup                        // reads rows: First, Take, Last, Find, Count
	gormFirstOrInit                   // lookup that fills dest when nothing is found
	gormFirstOrCreate                 // lookup and insert in one call
	gormCreate                        // inserts: Create, CreateInBatches, Save
	gormWhere                         // adds lookup conditions
	gormModel                         // sets the model
	gormTable                         // sets the table
	gormUnscoped                      // drops the soft-delete filter
	gormNeutral                       // changes nothing the lookup's key depends on
	gormNot                           // adds a negated conjunct: narrows the lookup, pins nothing
	gormJoins                         // joins another table: conditions must name the base table
	gormScopes                        // applies functions that may add conditions
	gormRaw                           // replaces the query with raw SQL
	gormRow                           // runs the query for one *sql.Row (after Raw)
	gormScan                          // runs the query into a destination (after Raw)
)

var gormRoles = map[string]gormRole{
	"First": gormLookup, "Take": gormLookup, "Last": gormLookup, "Find": gormLookup, "Count": gormLookup,
	"FirstOrInit":   gormFirstOrInit,
	"FirstOrCreate": gormFirstOrCreate,
	"Create":        gormCreate, "CreateInBatches": gormCreate, "Save": gormCreate,
	"Where":    gormWhere,
	"Model":    gormModel,
	"Table":    gormTable,
	"Unscoped": gormUnscoped,
	// Attrs and Assign only set values for the created row; Clauses is
	// checked argument by argument (see clausesNeutral).
	"WithContext": gormNeutral, "Session": gormNeutral, "Debug": gormNeutral, "Set": gormNeutral,
	"InstanceSet": gormNeutral, "Attrs": gormNeutral, "Assign": gormNeutral, "Preload": gormNeutral,
	"Select": gormNeutral, "Omit": gormNeutral, "Order": gormNeutral, "Limit": gormNeutral,
	"Offset": gormNeutral, "Begin": gormNeutral, "Clauses": gormNeutral, "Distinct": gormNeutral,
	"Not": gormNot, "Joins": gormJoins, "InnerJoins": gormJoins, "Scopes": gormScopes,
	"Raw": gormRaw, "Row": gormRow, "Scan": gormScan,
}

// The generics API (GORM 1.30+): gorm.G[T](db, opts...) returns
// Interface[T], whose methods come from these interfaces. Their methods
// are recognised by the resolved *types.Func's origin, as the receiver is
// an instantiation (ChainInterface[User]).
var genericInterfaces = map[string]bool{
	"Interface": true, "CreateInterface": true, "ChainInterface": true, "ExecInterface": true,
}

// genericRoles are the roles of the generic interfaces' methods. Or,
// Group, Having and Raw stay unknown (gormOther). Joins' ON builder only
// decides which rows join.
var genericRoles = map[string]gormRole{
	"First": gormLookup, "Take": gormLookup, "Last": gormLookup, "Find": gormLookup, "Count": gormLookup,
	"Create": gormCreate, "CreateInBatches": gormCreate,
	"Where": gormWhere, "Not": gormNot, "Table": gormTable, "Joins": gormJoins,
	"Scopes": gormScopes,
	"Limit":  gormNeutral, "Offset": gormNeutral, "Order": gormNeutral, "Select": gormNeutral,
	"Omit": gormNeutral, "Preload": gormNeutral, "Distinct": gormNeutral, "MapColumns": gormNeutral,
}

// gormMethodRole returns the role of fn if it is a method of *gorm.DB.
func gormMethodRole(fn *types.Func) (string, gormRole, bool) {
	if fn == nil || !flow.ReceiverIs(fn, gormPath, "DB") {
		return "", gormOther, false
	}
	return fn.Name(), gormRoles[fn.Name()], true
}

// genericMethodRole returns the role of fn if it is a method of one of the
// interfaces gorm.G[T] returns.
func genericMethodRole(fn *types.Func) (string, gormRole, bool) {
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != gormPath {
		return "", gormOther, false
	}
	recv := fn.Origin().Signature().Recv()
	if recv == nil {
		return "", gormOther, false
	}
	n, ok := types.Unalias(recv.Type()).(*types.Named)
	if !ok || !genericInterfaces[n.Origin().Obj().Name()] {
		return "", gormOther, false
	}
	return fn.Name(), genericRoles[fn.Name()], true
}

// methodRole returns the role of a *gorm.DB method or of a generic
// interface's method; generic tells which.
func methodRole(fn *types.Func) (name string, role gormRole, generic, ok bool) {
	if name, role, ok := gormMethodRole(fn); ok {
		return name, role, false, true
	}
	name, role, ok = genericMethodRole(fn)
	return name, role, ok, ok
}

// isGenericEntry reports whether fn is gorm.G, the generics API's root.
func isGenericEntry(fn *types.Func) bool {
	return fn != nil && flow.IsFunc(fn.Origin(), gormPath, "G")
}
