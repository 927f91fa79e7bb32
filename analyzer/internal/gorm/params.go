package gorm

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/conds"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/site"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/summary"
)

// substituteName is the Params.By of GORM's summaries.
const substituteName = "gorm"

// params finds the condition groups of a lookup that its function's
// parameters give (Where(column+" = ?", v), Where(query, args...),
// First(&u, conds...), Where("role = ?", role)), for its callers to read
// with their arguments. The returned call reads without the groups whose
// query comes from a parameter; those the helper can read stay in its own
// terms, and its callers complete their values.
func (fc *fnCtx) params(l *gormCall) (*gormCall, *summary.Params) {
	if l.raw != nil || l.chain.joined || l.chain.unknown.Unknown() {
		return l, nil
	}
	var model *gormModelInfo
	if l.entity.named != nil {
		model = fc.r.model(l.entity.named)
	}
	var groups []summary.Group
	template := func(args []ast.Expr, spread bool) (read, ok bool) {
		t, ok := summary.Template(fc.Func, args, spread, conds.IsNullableType)
		if !ok {
			return false, false
		}
		scratch := conds.Conds{Table: l.entity.table}
		fc.gormCondition(&scratch, model, args)
		read = !scratch.Why.Unknown() && !spread
		groups = append(groups, summary.Group{Args: t, Read: read})
		return read, true
	}
	out := *l
	out.chain.wheres = nil
	for _, g := range l.chain.wheres {
		if g.in == fc {
			if read, ok := template(g.args, g.spread); ok && !read {
				continue
			}
		}
		out.chain.wheres = append(out.chain.wheres, g)
	}
	if !l.generic && l.name != "Count" && len(l.call.Args) > 1 {
		if read, ok := template(l.call.Args[1:], l.call.Ellipsis.IsValid()); ok && !read {
			out.paramInline = true
		}
	}
	from := fc.modelRef(l)
	if len(groups) == 0 && !from.Set() {
		return l, nil
	}
	p := &summary.Params{By: substituteName, Groups: groups, From: from, Unscoped: l.chain.unscoped}
	out.modelFromCaller = from.Set()
	if n := l.entity.named; n != nil && n.Obj().Pkg() != nil && !allRead(groups) {
		// A group read at the call may pin the primary key (First(&u,
		// id)): the model's key is needed there, and only there.
		p.Model = n.Obj().Pkg().Path() + "." + n.Obj().Name()
	}
	return &out, p
}

func allRead(groups []summary.Group) bool {
	for _, g := range groups {
		if !g.Read {
			return false
		}
	}
	return true
}

// modelRef says where a call's model comes from when the function's
// callers give it: the row is of a type parameter's type (var t T;
// First(&t)), or is a parameter (First(dest, ...)). Only for a call whose
// model and table nothing else sets.
func (fc *fnCtx) modelRef(g *gormCall) summary.ModelRef {
	if g.entity.known() || g.chain.tableSet || g.chain.generic != nil || g.raw != nil {
		return summary.ModelRef{}
	}
	if g.generic {
		// gorm.G[T](db) with T the function's type parameter.
		if g.chain.genericParam == nil {
			return summary.ModelRef{}
		}
		return summary.ModelOfType(fc.Func, g.chain.genericParam, substituteName)
	}
	e := g.chain.model
	if e == nil {
		e = g.value()
	}
	if e == nil {
		return summary.ModelRef{}
	}
	return summary.ModelOf(fc.Func, e, substituteName)
}

// SubstituteName tells the summaries which Params GORM reads.
func (r *Recognizer) SubstituteName() string { return substituteName }

// Substitute reads a helper's parametric condition groups at a call, with
// the caller's arguments in place, as the helper's own conditions are
// read.
func (r *Recognizer) Substitute(fn *flow.Func, st *site.Site, p *summary.Params, groups [][]ast.Expr, modelType types.Type) {
	fc := &fnCtx{Func: fn, r: r}
	lc := conds.Conds{Table: st.Table, Terms: st.Lookup.Terms, Predicates: st.Lookup.Predicates,
		Unsupported: st.Unsupported, Dropped: st.Dropped}
	var model *gormModelInfo
	if modelType != nil {
		model = r.modelOfType(modelType)
		if model == nil {
			st.Why.Set("the model " + types.TypeString(modelType, types.RelativeTo(fn.Pkg)) + " is not a model with a known table")
			return
		}
		st.Table, st.Model = model.schema.Table.Name, model.schema.Model
		st.OwnKeys = ownGormKeys(model.schema, st.Table)
		lc.Table = st.Table
		if !p.Unscoped {
			softDeleteTerm(&lc, st, model)
		}
	} else {
		model = r.modelByKey(p.Model)
	}
	for i, g := range groups {
		switch {
		case g == nil:
		case p.Groups[i].Read:
			// The helper's terms hold this group's already: the call adds
			// what its arguments tell of the values.
			scratch := conds.Conds{Table: lc.Table}
			fc.gormCondition(&scratch, model, g)
			for _, t := range scratch.Terms {
				lc.Add(t)
			}
		default:
			fc.gormCondition(&lc, model, g)
		}
	}
	st.Why.Set(string(lc.Why))
	st.Lookup = lc.Lookup()
	st.Unsupported, st.Dropped = lc.Unsupported, lc.Dropped
}

// Nullable tells whether a bound value of type t can be NULL.
func (r *Recognizer) Nullable(t types.Type) bool { return conds.IsNullableType(t) }

// InsertTable returns the table an insert of a row of type t writes.
func (r *Recognizer) InsertTable(t types.Type) string {
	if m := r.modelOfType(t); m != nil {
		return m.schema.Table.Name
	}
	return ""
}

// modelOfType returns the model of a row type (through pointers and
// slices) when its table is known.
func (r *Recognizer) modelOfType(t types.Type) *gormModelInfo {
	named := flow.NamedOf(t)
	if named == nil {
		return nil
	}
	m := r.model(named)
	if m == nil || m.schema == nil || m.tableUnknown {
		return nil
	}
	return m
}

// modelByKey finds the model "path/to/pkg.Name" among the package and
// its imports, transitively.
func (r *Recognizer) modelByKey(key string) *gormModelInfo {
	i := strings.LastIndexByte(key, '.')
	if i < 0 {
		return nil
	}
	path, name := key[:i], key[i+1:]
	seen := map[*types.Package]bool{}
	var find func(pkg *types.Package) *types.Named
	find = func(pkg *types.Package) *types.Named {
		if seen[pkg] {
			return nil
		}
		seen[pkg] = true
		if pkg.Path() == path {
			if tn, ok := pkg.Scope().Lookup(name).(*types.TypeName); ok {
				return flow.NamedOf(tn.Type())
			}
			return nil
		}
		for _, imp := range pkg.Imports() {
			if n := find(imp); n != nil {
				return n
			}
		}
		return nil
	}
	if n := find(r.pass.Pkg); n != nil {
		return r.model(n)
	}
	return nil
}
