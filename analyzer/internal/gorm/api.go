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
}

// gormMethodRole returns the role of fn if it is a method of *gorm.DB.
func gormMethodRole(fn *types.Func) (string, gormRole, bool) {
	if fn == nil || !flow.ReceiverIs(fn, gormPath, "DB") {
		return "", gormOther, false
	}
	return fn.Name(), gormRoles[fn.Name()], true
}
