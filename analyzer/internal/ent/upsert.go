package ent

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/site"
	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// entUpsertRuns are the methods of XUpsertOne and XUpsertBulk that run
// the INSERT.
var entUpsertRuns = map[string]bool{"Exec": true, "ExecX": true, "ID": true, "IDX": true}

// entConflict is the conflict handling an insert's options set up, as
// entgo.io/ent/dialect/sql applies them in order: ConflictColumns and
// ConflictConstraint set the target (the last one wins), DoNothing and
// the Resolve options the action.
type entConflict struct {
	columns     []string
	constraint  string
	whereUnread bool // ConflictWhere: a predicate not read
	doNothing   bool
	update      bool // an update action: Ignore, UpdateNewValues, Update, SetX
}

// entUpserts finds the calls that run an upsert builder of a generated
// client.
func (fc *fnCtx) entUpserts() []*site.Upsert {
	var out []*site.Upsert
	for _, c := range fc.calls {
		if !entUpsertRuns[c.Fn.Name()] {
			continue
		}
		e, recv := entMethod(c.Fn)
		if e == nil || recv == nil || (recv != e.upsertOne && recv != e.upsertBulk) {
			continue
		}
		if u := fc.entUpsert(e, c); u != nil {
			out = append(out, u)
		}
	}
	return out
}

// entUpsert reads the builder chain of an upsert into a site.Upsert in
// the SQL ent writes for the dialect (v0.14, dialect/sql InsertBuilder):
//
//   - PostgreSQL, SQLite: ON CONFLICT [(columns) | ON CONSTRAINT name]
//     [WHERE ...] DO NOTHING | DO UPDATE SET ...
//   - MySQL: ON DUPLICATE KEY UPDATE, whatever the target.
//
// It returns nil when an option is not read, or when ent itself refuses
// the options (a target both by columns and by name, no action).
func (fc *fnCtx) entUpsert(e *entEntity, c flow.Call) *site.Upsert {
	sel, ok := ast.Unparen(c.Expr.Fun).(*ast.SelectorExpr)
	if !ok || e.table == "" || e.pkg == nil {
		return nil
	}
	ch := fc.entInsertChainOf(e, sel.X)
	if ch.unknown {
		return nil
	}
	cf, ok := fc.entConflictOf(e, ch)
	if !ok || (cf.constraint != "" && len(cf.columns) > 0) || (!cf.doNothing && !cf.update) {
		return nil
	}
	u := &site.Upsert{
		Node:              site.ReportNode(c.Expr),
		Stmt:              fc.EnclosingStmt(c.Expr),
		Call:              c.Fn.Name(),
		Table:             e.table,
		TargetWhereUnread: cf.whereUnread,
		Dialect:           fc.r.dialect(),
		Fix:               entFixer{entity: e},
	}
	setters, settersKnown := ch.setters(e)
	u.SetsPK = func(pk []string) (bool, bool) { return e.setsColumns(setters, settersKnown, pk) }
	if settersKnown {
		u.Inserted = e.setColumns(setters)
	}
	if u.Dialect == sqlscan.MySQL {
		u.Kind = sqlscan.OnDuplicateKey
		u.What = "ON DUPLICATE KEY UPDATE"
	} else {
		conflict := sqlscan.Conflict{Target: cf.columns, Constraint: cf.constraint, DoNothing: cf.doNothing}
		u.Kind, u.Conflicts = sqlscan.OnConflict, []sqlscan.Conflict{conflict}
		u.What = entConflictSQL(conflict, cf.whereUnread)
	}
	u.OwnKeys = namedEntKeys(fc.r.entTables(e), e.table)
	return u
}

// entConflictOf applies the chain's conflict options. ok is false when
// one cannot be read, or when options set before the chain's first step
// may still apply (the builder came from elsewhere and no OnConflict call
// replaced them).
func (fc *fnCtx) entConflictOf(e *entEntity, ch entInsertChain) (cf entConflict, ok bool) {
	known := ch.fromClient
	for _, st := range ch.steps {
		name := st.fn.Name()
		switch {
		case st.recv == e.create || st.recv == e.createBulk:
			switch name {
			case "OnConflict":
				cf, known = entConflict{}, true // OnConflict replaces the options
				if st.call.Ellipsis.IsValid() {
					return cf, false
				}
				for _, arg := range st.call.Args {
					if !fc.applyConflictOption(&cf, arg) {
						return cf, false
					}
				}
			case "OnConflictColumns":
				cols, ok := constStrings(fc.Info, st.call)
				if !ok {
					return cf, false
				}
				cf.columns = cols
			}
		default: // XUpsertOne, XUpsertBulk
			switch {
			case name == "DoNothing":
				cf.doNothing = true
			case name == "Ignore" || name == "UpdateNewValues" || name == "Update" ||
				strings.HasPrefix(name, "Set") || strings.HasPrefix(name, "Update") ||
				strings.HasPrefix(name, "Clear") || strings.HasPrefix(name, "Add"):
				cf.update = true // each of them adds a ResolveWith
			}
		}
	}
	return cf, known
}

// applyConflictOption reads one argument of OnConflict: a call of an
// option constructor of entgo.io/ent/dialect/sql.
func (fc *fnCtx) applyConflictOption(cf *entConflict, arg ast.Expr) bool {
	call, ok := ast.Unparen(arg).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn := flow.Callee(fc.Info, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != entSQLPath || fn.Signature().Recv() != nil {
		return false
	}
	switch fn.Name() {
	case "ConflictColumns":
		cols, ok := constStrings(fc.Info, call)
		if !ok {
			return false
		}
		cf.columns = cols
	case "ConflictConstraint":
		names, ok := constStrings(fc.Info, call)
		if !ok || len(names) != 1 {
			return false
		}
		cf.constraint = names[0]
	case "ConflictWhere":
		cf.whereUnread = true
	case "UpdateWhere":
	case "DoNothing":
		cf.doNothing = true
	case "ResolveWithIgnore", "ResolveWithNewValues", "ResolveWith":
		cf.update = true
	default:
		return false
	}
	return true
}

// constStrings returns the call's arguments as constant strings; ok is
// false for a slice passed with ... or an argument that is not constant.
func constStrings(info *types.Info, call *ast.CallExpr) ([]string, bool) {
	if call.Ellipsis.IsValid() {
		return nil, false
	}
	var out []string
	for _, a := range call.Args {
		tv := info.Types[a]
		if tv.Value == nil || tv.Value.Kind() != constant.String {
			return nil, false
		}
		out = append(out, constant.StringVal(tv.Value))
	}
	return out, true
}

// setters returns the names of the XCreate methods the chain calls; known
// is false unless the chain is the whole of one XCreate's.
func (ch entInsertChain) setters(e *entEntity) (names []string, known bool) {
	if !ch.fromClient || ch.bulk {
		return nil, false
	}
	for _, st := range ch.steps {
		if st.recv == e.create {
			names = append(names, st.fn.Name())
		}
	}
	return names, true
}

// setColumns lists the columns the setters set: SetX sets the column of
// the entity package's FieldX constant.
func (e *entEntity) setColumns(setters []string) []string {
	var out []string
	for _, s := range setters {
		goName, ok := strings.CutPrefix(s, "Set")
		if !ok || strings.HasPrefix(goName, "Nillable") {
			continue
		}
		if k, ok := e.pkg.Scope().Lookup("Field" + goName).(*types.Const); ok {
			out = append(out, constString(k))
		}
	}
	return out
}

// setsColumns tells whether the setters set every column of cols. It is
// not known for a column ent fills with its default when no setter sets
// it (a generated UUID: DefaultID in the entity package).
func (e *entEntity) setsColumns(setters []string, known bool, cols []string) (set, ok bool) {
	if !known {
		return false, false
	}
	setCols := map[string]bool{}
	for _, c := range e.setColumns(setters) {
		setCols[c] = true
	}
	set = true
	for _, col := range cols {
		if setCols[col] {
			continue
		}
		goName := e.fieldGoName(col)
		if goName == "" || e.pkg.Scope().Lookup("Default"+goName) != nil {
			return false, false
		}
		set = false
	}
	return set, true
}

// fieldGoName returns X for the entity package's FieldX constant naming
// col, or "".
func (e *entEntity) fieldGoName(col string) string {
	scope := e.pkg.Scope()
	for _, name := range scope.Names() {
		if k, ok := scope.Lookup(name).(*types.Const); ok && constString(k) == col {
			if goName, ok := strings.CutPrefix(name, "Field"); ok {
				return goName
			}
		}
	}
	return ""
}

// entConflictSQL renders the clause ent writes, for messages.
func entConflictSQL(cf sqlscan.Conflict, whereUnread bool) string {
	if whereUnread {
		return cf.Clause("...")
	}
	return cf.Clause("")
}

// namedEntKeys copies the tables ent declares for the entity, naming the
// keys ent's migration leaves to the database the way it names them on
// PostgreSQL (the one database with ON CONFLICT ON CONSTRAINT): the
// primary key <table>_pkey, a unique field's index <table>_<column>_key.
func namedEntKeys(tables []*schema.Table, table string) []*schema.Table {
	out := make([]*schema.Table, 0, len(tables))
	for _, t := range tables {
		c := *t
		c.Keys = make([]*schema.Key, len(t.Keys))
		for i, k := range t.Keys {
			nk := *k
			switch {
			case nk.Name != "":
			case nk.Kind == schema.PrimaryKey:
				nk.Name, nk.Implicit = table+"_pkey", true
			case len(nk.Parts) == 1 && nk.Parts[0].Column != "" && nk.Where == "":
				nk.Name, nk.Implicit = table+"_"+nk.Parts[0].Column+"_key", true
			}
			c.Keys[i] = &nk
		}
		out = append(out, &c)
	}
	return out
}
