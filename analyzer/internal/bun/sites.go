package bun

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/conds"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/site"
	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/buntags"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// query is a call that runs a bun query, with its chain read.
type query struct {
	call  *ast.CallExpr
	name  string // Scan, Exists, Count, Exec
	chain chain
	named *types.Named    // the model's type
	model *buntags.Schema // bun's view of it; nil when unknown
	table string
}

// queries reads the function's SELECT and INSERT runs. Chains and models
// are resolved only when the function has both kinds.
func (fc *fnCtx) queries() (lookups, inserts []*query) {
	return fc.queriesOf(true, true)
}

// queriesOf reads the function's SELECT runs (when selects) and INSERT
// runs (when inserts); with both, only when the function has both kinds.
func (fc *fnCtx) queriesOf(selects, inserts bool) (lookupQs, insertQs []*query) {
	type raw struct {
		call *ast.CallExpr
		name string
		kind kind
	}
	var runs []raw
	hasSelect, hasInsert := false, false
	for _, c := range fc.calls {
		k, r := methodOf(c.Fn)
		switch {
		case selects && k == selectQuery && r == finishRead:
			hasSelect = true
		case inserts && k == insertQuery && r == finishExec:
			hasInsert = true
		default:
			continue
		}
		runs = append(runs, raw{c.Expr, c.Fn.Name(), k})
	}
	if selects && inserts && (!hasSelect || !hasInsert) {
		return nil, nil
	}
	for _, r := range runs {
		q := fc.newQuery(r.call, r.name, r.kind)
		if r.kind == selectQuery {
			lookupQs = append(lookupQs, q)
		} else {
			insertQs = append(insertQs, q)
		}
	}
	return lookupQs, insertQs
}

func (fc *fnCtx) newQuery(call *ast.CallExpr, name string, k kind) *query {
	q := &query{call: call, name: name}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		q.chain = fc.chainOf(k, sel.X)
	} else {
		q.chain.why.Set("the query is not a method call")
	}
	modelExpr := q.chain.model
	if modelExpr == nil && name == "Scan" && len(call.Args) > 1 {
		modelExpr = call.Args[1] // Scan(ctx, &dest)
	}
	if modelExpr != nil {
		q.named = flow.NamedOf(fc.Info.TypeOf(modelExpr))
	}
	if q.named != nil {
		q.model = fc.r.model(q.named)
	}
	if q.model != nil {
		q.table = q.model.Table.Name
	}
	return q
}

// dest returns the variable the lookup fills: the Model argument, or
// Scan's destination.
func (q *query) dest() ast.Expr {
	if q.chain.model != nil {
		return q.chain.model
	}
	if q.name == "Scan" && len(q.call.Args) > 1 {
		return q.call.Args[1]
	}
	return nil
}

// isPlainInsert reports whether an INSERT adds a row whatever is there:
// On and Ignore make it an upsert, which resolves the race itself.
func (q *query) isPlainInsert() bool { return len(q.chain.ons) == 0 && !q.chain.ignore }

func (q *query) sameTable(o *query) bool {
	if q.table != "" && o.table != "" {
		return schema.TableKey(q.table) == schema.TableKey(o.table)
	}
	return q.named != nil && q.named == o.named
}

// getOrCreates returns the function's SELECT-then-INSERT sites.
func (fc *fnCtx) getOrCreates() []*site.Site {
	lookups, inserts := fc.queries()
	var out []*site.Site
	for _, l := range lookups {
		byCall := map[*ast.CallExpr]*query{}
		for _, ins := range inserts {
			if ins.isPlainInsert() && ins.sameTable(l) {
				byCall[ins.call] = ins
			}
		}
		if len(byCall) == 0 {
			continue
		}
		h := fc.handle(l)
		if h == nil {
			continue
		}
		if hit := fc.FirstInsertAfter(h, flow.OnNotFound, func(c *ast.CallExpr) bool { return byCall[c] != nil }); hit != nil {
			out = append(out, fc.resolve(l, byCall[hit]))
		}
	}
	return out
}

// handle records how the code refers to a lookup's result: Scan's error
// (sql.ErrNoRows for a struct model that matched nothing), Exists's
// boolean, Count's number, and the model's primary key or length.
func (fc *fnCtx) handle(l *query) *flow.Handle {
	h := flow.NewHandle(l.call)
	e := fc.OutermostParen(l.call)
	switch l.name {
	case "Scan":
		h.CallMiss = flow.MissErr
		fc.BindResult(e, h.Errs)
	case "Exists", "Count":
		as, ok := fc.Parent(e).(*ast.AssignStmt)
		if !ok || len(as.Rhs) != 1 || len(as.Lhs) != 2 {
			return h
		}
		if obj := flow.ObjectOf(fc.Info, as.Lhs[0]); obj != nil {
			if l.name == "Exists" {
				h.Exists[obj] = true
			} else {
				h.Counts[obj] = true
			}
		}
		if obj := flow.ObjectOf(fc.Info, as.Lhs[1]); obj != nil {
			h.Errs[obj] = true
		}
		return h
	}
	if dest := l.dest(); dest != nil {
		if obj := flow.ObjectOf(fc.Info, conds.StripAddr(dest)); obj != nil {
			h.Dest = obj
			t := obj.Type()
			if p, ok := types.Unalias(t).(*types.Pointer); ok {
				t = p.Elem()
			}
			_, h.SliceDest = t.Underlying().(*types.Slice)
			if l.model != nil {
				for _, c := range l.model.Columns {
					if c.PrimaryKey && len(c.Path) == 1 {
						h.DestPK[c.Field()] = true
					}
				}
			}
		}
	}
	// Scan returns sql.ErrNoRows when a struct model matched no row; a
	// slice stays empty.
	h.ErrOnMiss = !h.SliceDest
	return h
}

// resolve turns a bun get-or-create into a site: the model's table and
// what the lookup's WHERE pins down.
func (fc *fnCtx) resolve(l, ins *query) *site.Site {
	s := fc.lookupSite(l)
	s.What = "NewSelect()." + l.name + " then NewInsert()." + ins.name
	s.Insert = ins.call
	return s
}

// lookupSite is the lookup's part of a site: the model's table, what the
// WHERE pins down, and the keys the model's tags declare.
func (fc *fnCtx) lookupSite(l *query) *site.Site {
	s := &site.Site{
		Node:  site.ReportNode(l.call),
		Stmt:  fc.EnclosingStmt(l.call),
		What:  "NewSelect()." + l.name,
		Table: l.table,
		Fix:   Fixer{Schema: l.model, Dialect: fc.r.dialect},
	}
	if l.model != nil {
		s.Model = l.model.Model
		s.OwnKeys = []*schema.Table{l.model.Table}
	}
	switch {
	case l.chain.why.Unknown():
		s.Why = l.chain.why
	case s.Table == "":
		s.Why.Set("the model is unknown")
	}
	lc := conds.Conds{Table: s.Table}
	for _, args := range l.chain.wheres {
		fc.where(&lc, args)
	}
	if l.chain.pk && l.model != nil {
		for _, c := range l.model.Columns {
			if c.PrimaryKey {
				lc.Add(schema.Term{Column: c.Column})
			}
		}
	}
	if sd := l.model; sd != nil && sd.SoftDelete != nil && !l.chain.allRows {
		lc.Add(schema.Term{Column: sd.SoftDelete.Column, IsNull: true})
		s.SoftDelete, s.LiveOnly = sd.SoftDelete.Column, sd.SoftDelete.Column
	}
	s.Why.Set(string(lc.Why))
	s.Lookup = lc.Lookup()
	s.Unsupported = lc.Unsupported
	return s
}

// where reads Where("email = ? AND org_id = ?", e, o): a constant SQL
// fragment and the values bound to its placeholders.
func (fc *fnCtx) where(lc *conds.Conds, args []ast.Expr) {
	if len(args) == 0 {
		return
	}
	tv := fc.Info.Types[args[0]]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		lc.Why.Set("the condition is not a constant string")
		return
	}
	text := constant.StringVal(tv.Value)
	if strings.Contains(text, "?TableAlias") || strings.Contains(text, "?TableName") {
		lc.Why.Set("the condition uses bun's ?TableAlias placeholders")
		return
	}
	lc.AddWhere(fc.Info, conds.ParseFragment(text), args[1:], false)
}

// upserts returns the function's INSERTs with On(...) or Ignore(), in the
// terms of the SQL bun writes for them.
func (fc *fnCtx) upserts() []*site.Upsert {
	var out []*site.Upsert
	for _, c := range fc.calls {
		k, r := methodOf(c.Fn)
		if k != insertQuery || r != finishExec {
			continue
		}
		q := fc.newQuery(c.Expr, c.Fn.Name(), k)
		if q.isPlainInsert() || q.chain.why.Unknown() || q.table == "" {
			continue
		}
		if u := fc.upsert(q); u != nil {
			out = append(out, u)
		}
	}
	return out
}

func (fc *fnCtx) upsert(q *query) *site.Upsert {
	d := fc.r.dialect()
	u := &site.Upsert{
		Node:    site.ReportNode(q.call),
		Stmt:    fc.EnclosingStmt(q.call),
		Call:    q.name,
		Table:   q.table,
		Dialect: d,
		OwnKeys: []*schema.Table{q.model.Table},
		Fix:     Fixer{Schema: q.model, Dialect: fc.r.dialect},
	}
	u.SetsPK = func(pk []string) (bool, bool) { return fc.setsPK(q, pk) }
	switch {
	case len(q.chain.ons) > 0:
		// bun writes "ON " and the text: the same clause raw SQL has.
		if len(q.chain.ons) != 1 {
			return nil
		}
		tv := fc.Info.Types[q.chain.ons[0]]
		if tv.Value == nil || tv.Value.Kind() != constant.String {
			return nil
		}
		on := constant.StringVal(tv.Value)
		parsed := sqlscan.ParseQuery("INSERT INTO "+q.table+" DEFAULT VALUES ON "+on, d)
		if parsed.Unknown != "" || parsed.Upsert == sqlscan.NoUpsert {
			return nil
		}
		u.Kind, u.Conflicts = parsed.Upsert, parsed.Conflicts
		u.What = parsed.UpsertText()
	case d == sqlscan.MySQL:
		u.Kind, u.What = sqlscan.InsertIgnore, "Ignore() (INSERT IGNORE)"
	default:
		// PostgreSQL and SQLite: ON CONFLICT DO NOTHING, on any key.
		u.Kind, u.Conflicts = sqlscan.OnConflict, []sqlscan.Conflict{{DoNothing: true}}
		u.What = "Ignore() (ON CONFLICT DO NOTHING)"
	}
	return u
}

// setsPK tells whether bun's INSERT of the model sets the primary key. It
// is known only for a model written as a literal in the call: a zero
// autoincrement (or identity) key is left to the database, any other key
// is inserted as it is.
func (fc *fnCtx) setsPK(q *query, pk []string) (set, known bool) {
	lit := conds.CompositeLit(q.dest())
	if lit == nil || q.model == nil {
		return false, false
	}
	fields := map[string]ast.Expr{}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return false, false
		}
		if id, ok := kv.Key.(*ast.Ident); ok {
			fields[id.Name] = kv.Value
		}
	}
	for _, col := range pk {
		c, ok := q.model.ByColumn(col)
		if !ok || len(c.Path) != 1 {
			return false, false
		}
		if v, ok := fields[c.Field()]; ok && !conds.IsZeroValue(fc.Info, v) {
			return true, true
		}
		if !c.AutoIncrement {
			return true, true // a zero key is inserted as it is
		}
	}
	return false, true
}
