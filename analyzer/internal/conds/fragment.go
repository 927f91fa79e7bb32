package conds

import (
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/sources"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// fragments holds every SQL condition fragment parsed in the process: the
// same few ("email = ?", "id = ?") recur across a module's packages.
var fragments = sources.NewCache[string, sqlscan.Where]()

// ParseFragment reads a WHERE fragment a framework passes to the database
// as written ("email = ? AND tenant_id = ?"), in no particular dialect. The
// result is shared: callers must not change it.
func ParseFragment(s string) sqlscan.Where {
	return fragments.Get(s, func() sqlscan.Where { return sqlscan.ParseWhere(sqlscan.Lex(s, sqlscan.Generic)) })
}
