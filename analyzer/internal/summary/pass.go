package summary

import (
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/site"
	"github.com/getorcreatelint/getorcreatelint/schema"
)

// maxRounds bounds the fixed point over a package's functions: wrappers
// of wrappers in one package compose up to this depth.
const maxRounds = 4

// Unit is one function of the package with its calls, as the pipeline
// dispatched them.
type Unit struct {
	Fn    *flow.Func
	Obj   *types.Func              // nil for a package-level function literal
	Calls map[Provider][]flow.Call // calls the recognisers claimed
	Other []flow.Call              // calls that may be of a summarised function
	// Literals: the function holds a function literal, which a local
	// variable may hold and the function call later.
	Literals bool
}

// Pass is the summaries of one analysis pass: those of the package's own
// functions, made here, and those of its imports, read from facts.
type Pass struct {
	pass      *analysis.Pass
	providers []Provider
	inScope   func(pkgPath string) bool // packages whose functions are summarised

	local     map[*types.Func]*Summary
	lits      map[*ast.FuncLit]*Summary
	direct    map[*Unit]*direct // the recognisers' calls of a unit, read once
	sentinels map[flow.Var]bool
	impls     map[*types.Func]*types.Func
	concrete  []concreteType // nil until an interface call needs them

	// ModuleRoot returns the directory of the module's go.mod, which the
	// paths in messages are relative to; nil when there is no module.
	ModuleRoot func() (string, error)
	rootDir    *string
	madePos    map[Step]token.Pos // positions made for steps, for related locations
}

// New returns the summaries of a pass. inScope says which packages'
// functions have summaries (the user's module).
func New(pass *analysis.Pass, providers []Provider, inScope func(string) bool) *Pass {
	return &Pass{pass: pass, providers: providers, inScope: inScope,
		local: map[*types.Func]*Summary{}, lits: map[*ast.FuncLit]*Summary{},
		direct: map[*Unit]*direct{}, sentinels: map[flow.Var]bool{}, impls: map[*types.Func]*types.Func{},
		madePos: map[Step]token.Pos{}}
}

// Hooks tells the flow analysis the helpers' own "not found" sentinels
// and the predicates that test for them. The sentinels of imported
// summaries are known now; those of the package's own are added by
// Summarize (the slice is read when conditions are classified).
func (p *Pass) Hooks() flow.Hooks {
	for _, f := range p.pass.AllObjectFacts() {
		if fact, ok := f.Fact.(*Fact); ok {
			p.noteSentinels(&fact.Summary)
		}
	}
	return flow.Hooks{
		NotFoundFuncs: []func(*types.Func) bool{func(fn *types.Func) bool {
			s := p.Of(fn)
			return s != nil && s.Predicate
		}},
	}
}

// Sentinels returns the package sentinels that helpers return for "not
// found", for the flow hooks.
func (p *Pass) Sentinels() []flow.Var {
	var out []flow.Var
	for v := range p.sentinels {
		out = append(out, v)
	}
	return out
}

func (p *Pass) noteSentinels(s *Summary) {
	for _, l := range s.Lookups {
		for _, sig := range l.Signals {
			if sig.Kind == SentinelResult {
				p.sentinels[sig.Sentinel] = true
			}
		}
	}
}

// Summarize makes the summaries of the package's functions (a bounded
// fixed point, so that helpers of helpers in one package compose) and
// exports the non-empty ones as facts. hooks receives the sentinels found.
func (p *Pass) Summarize(units []*Unit, hooks *flow.Hooks) {
	if !p.inScope(p.pass.Pkg.Path()) {
		return
	}
	newSentinels := false
	for round := 0; round < maxRounds; round++ {
		changed := false
		for _, u := range units {
			if u.Obj == nil || calls(u, u.Obj) {
				continue // recursion: no summary
			}
			if round > 0 && !newSentinels && !callsLocal(u, p.pass.Pkg) {
				continue // its summary cannot change after the first round
			}
			decl, ok := u.Fn.Node().(*ast.FuncDecl)
			if !ok {
				continue
			}
			s := p.summarize(u, decl.Body, u.Obj.Signature(), u.Obj.Name())
			old := p.local[u.Obj]
			if !same(old, s) {
				changed = true
				if s.Empty() {
					delete(p.local, u.Obj)
				} else {
					p.local[u.Obj] = s
					p.noteSentinels(s)
				}
			}
		}
		newSentinels = false
		for v := range p.sentinels {
			if !hasVar(hooks.Sentinels, v) {
				hooks.Sentinels = append(hooks.Sentinels, v)
				changed, newSentinels = true, true
			}
		}
		if !changed {
			break
		}
	}
	for obj, s := range p.local {
		p.pass.ExportObjectFact(obj, &Fact{Summary: *s})
	}
}

func hasVar(vs []flow.Var, v flow.Var) bool {
	for _, x := range vs {
		if x == v {
			return true
		}
	}
	return false
}

// callsLocal reports whether the unit calls a function of pkg or a
// function value: the calls whose summaries a later round may change.
func callsLocal(u *Unit, pkg *types.Package) bool {
	for _, c := range u.Other {
		if c.Fn == nil || c.Fn.Pkg() == pkg {
			return true
		}
	}
	return false
}

// calls reports whether the unit calls obj itself.
func calls(u *Unit, obj *types.Func) bool {
	for _, c := range u.Other {
		if c.Fn == obj {
			return true
		}
	}
	return false
}

func same(a, b *Summary) bool {
	if a.Empty() || b.Empty() {
		return a.Empty() == b.Empty()
	}
	if a.Predicate != b.Predicate || len(a.Lookups) != len(b.Lookups) || len(a.Inserts) != len(b.Inserts) {
		return false
	}
	for i := range a.Lookups {
		if a.Lookups[i].Table != b.Lookups[i].Table || len(a.Lookups[i].Signals) != len(b.Lookups[i].Signals) {
			return false
		}
	}
	for i := range a.Inserts {
		if a.Inserts[i] != b.Inserts[i] {
			return false
		}
	}
	return true
}

// Of returns the summary of fn: the package's own, an imported fact, or
// for an interface method the summary of its only implementation.
func (p *Pass) Of(fn *types.Func) *Summary {
	if fn == nil {
		return nil
	}
	fn = fn.Origin()
	if s, ok := p.local[fn]; ok {
		return s
	}
	if fn.Pkg() == p.pass.Pkg {
		if impl := p.implementation(fn); impl != nil {
			return p.Of(impl)
		}
		return nil
	}
	var fact Fact
	if p.pass.ImportObjectFact(fn, &fact) {
		return &fact.Summary
	}
	if impl := p.implementation(fn); impl != nil {
		return p.Of(impl)
	}
	return nil
}

// summarize makes the summary of one function body.
func (p *Pass) summarize(u *Unit, body *ast.BlockStmt, sig *types.Signature, name string) *Summary {
	s := &Summary{}
	if body == nil {
		return s
	}
	s.Predicate = p.isPredicate(u.Fn, body, sig)
	var valid, unclear []LookupCall
	var validSigs [][]Signal
	for _, l := range p.lookupsIn(u) {
		if u.Fn.CFGOf(l.Call) != u.Fn.CFGOf(body) {
			continue // in a function literal: its returns are not ours
		}
		if l.Site.Table == "" && l.Base == nil {
			continue // a helper's call that does not tell its model: nothing to pass on
		}
		sigs := signals(u.Fn, sig, l)
		if len(sigs) == 0 {
			unclear = append(unclear, l)
			continue
		}
		valid, validSigs = append(valid, l), append(validSigs, sigs)
	}
	inserts := p.insertsIn(u)
	switch {
	case len(valid) == 1:
		s.Lookups = []Lookup{p.lookupOf(valid[0], validSigs[0])}
	case len(valid) == 0 && len(unclear) == 1 && sig.Results().Len() > 0:
		// A lookup whose result does not tell "not found" on every path:
		// its callers' inserts after it are unknown (-strict), not findings.
		// Tested before the lookup is completed, which reads files.
		if !insertsInto(inserts, unclear[0].shape()) {
			s.Lookups = []Lookup{p.lookupOf(unclear[0], nil)}
		}
	}
	for _, ins := range inserts {
		if ins.Table == "" && !ins.Model.Set() || u.Fn.CFGOf(ins.Call) != u.Fn.CFGOf(body) || !u.Fn.RunsOnEveryReturn(ins.Call) {
			continue
		}
		s.Inserts = append(s.Inserts, Insert{Table: schema.TableKey(ins.Table), Model: ins.Model, At: ins.At})
	}
	return s
}

// lookupOf turns a lookup found in a body into its summary form.
func (p *Pass) lookupOf(l LookupCall, sigs []Signal) Lookup {
	st := l.resolved()
	if l.Params != nil && l.Base != nil {
		st = l.Base
	}
	var keys []*schema.Table
	for _, k := range st.OwnKeys {
		t := *k
		t.Columns = nil // maps encode in random order; the keys are what callers need
		keys = append(keys, &t)
	}
	return Lookup{
		Table: st.Table, Model: st.Model,
		Terms: st.Lookup.Terms, Predicates: st.Lookup.Predicates,
		Unsupported: st.Unsupported, Dropped: st.Dropped, Why: string(st.Why),
		SoftDelete: st.SoftDelete, LiveOnly: st.LiveOnly, OwnKeys: keys,
		Signals: sigs, At: l.At, Fix: carry(st), Params: l.Params,
	}
}

// carry reduces the fixer of a helper's lookup to data, when it can be.
func carry(st *site.Site) *CarriedFix {
	if c, ok := st.Fix.(Carrier); ok {
		return c.Carry(st)
	}
	return nil
}

// isPredicate reports whether the function is func(err error) bool and
// true only where err is a "not found" error.
func (p *Pass) isPredicate(fn *flow.Func, body *ast.BlockStmt, sig *types.Signature) bool {
	if sig.Params().Len() != 1 || sig.Results().Len() != 1 || !isError(sig.Params().At(0).Type()) ||
		!isBool(sig.Results().At(0).Type()) {
		return false
	}
	h := flow.NewHandle(&ast.CallExpr{})
	h.Errs[sig.Params().At(0)] = true
	h.ErrOnMiss = true
	tests := 0
	ok := true
	ast.Inspect(body, func(n ast.Node) bool {
		switch r := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(r.Results) != 1 {
				ok = false
				return false
			}
			v := r.Results[0]
			if tv := fn.Info.Types[v]; tv.Value != nil && !boolTrue(tv) {
				return false // false: says nothing
			}
			t, _, cok := fn.Cond(h, v)
			if !cok || t != flow.NotFound {
				ok = false
			}
			tests++
		case *ast.AssignStmt:
			for _, lhs := range r.Lhs {
				if obj := flow.ObjectOf(fn.Info, lhs); obj != nil && h.Errs[obj] {
					ok = false // err reassigned
				}
			}
		}
		return true
	})
	return ok && tests > 0
}

func boolTrue(tv types.TypeAndValue) bool {
	return tv.Value.String() == "true"
}

// step names where a primitive call is, for messages: at, the node a
// diagnostic on it points at.
func (p *Pass) step(fnName string, at ast.Node) Step {
	pos := p.pass.Fset.Position(at.Pos())
	return Step{Func: fnName, File: pos.Filename, Line: pos.Line, Col: pos.Column}
}

// Short is the step's file as its directory and name, "store/tags.go".
func (s Step) Short() string {
	if s.File == "" {
		return ""
	}
	return filepath.Base(filepath.Dir(s.File)) + "/" + filepath.Base(s.File)
}

// Where is "store/tags.go:12".
func (s Step) Where() string { return s.WhereIn("") }

// WhereIn is the step's file relative to the module root and its line,
// "internal/store/tags.go:12"; Where's short form when root is "" or the
// file is outside it.
func (s Step) WhereIn(root string) string {
	var b strings.Builder
	b.WriteString(s.relative(root))
	if s.Line > 0 {
		b.WriteString(":")
		b.WriteString(itoa(s.Line))
	}
	return b.String()
}

func (s Step) relative(root string) string {
	if root != "" && filepath.IsAbs(s.File) {
		if rel, err := filepath.Rel(root, s.File); err == nil && filepath.IsLocal(rel) {
			return filepath.ToSlash(rel)
		}
	}
	return s.Short()
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var buf [20]byte
	i := len(buf)
	for n > 0 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	return string(buf[i:])
}

// insertsInto reports whether one of the inserts writes the lookup's table: the
// function is a get-or-create itself, not a lookup for its callers.
func insertsInto(inserts []InsertCall, l Lookup) bool {
	for _, ins := range inserts {
		switch {
		case l.Table != "":
			if schema.TableKey(ins.Table) == schema.TableKey(l.Table) {
				return true
			}
		case l.Params != nil && l.Params.From.Set():
			// The caller gives the model: the same type parameter or row
			// parameter is the same table.
			if ins.Table == "" && ins.Model.TypeParam == l.Params.From.TypeParam && ins.Model.Param == l.Params.From.Param {
				return true
			}
		}
	}
	return false
}

// resolved is the lookup's site, completed when the recogniser left the
// parts that take reading files for later.
// shape is the lookup's table and parameters, all insertsInto reads, with
// nothing completed.
func (l LookupCall) shape() Lookup {
	st := l.Site
	if l.Params != nil && l.Base != nil {
		st = l.Base
	}
	return Lookup{Table: st.Table, Params: l.Params}
}

func (l LookupCall) resolved() *site.Site {
	if l.Complete == nil {
		return l.Site
	}
	s := *l.Site
	l.Complete(&s)
	return &s
}
