package analyzer

import (
	"fmt"
	"go/ast"
	"go/types"
	"runtime"

	"golang.org/x/tools/go/analysis"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/bun"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/ent"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/gorm"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/rawsql"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/site"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/sources"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/summary"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/verdict"
	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// URL documents the checks.
const URL = "https://github.com/getorcreatelint/getorcreatelint#readme"

// Analyzer is the analyzer with its options bound to flags, as used by the
// command-line tool and go vet.
var Analyzer = New(DefaultOptions())

// New returns an analyzer configured by opts. Each call returns a fresh
// analyzer with its own flags, so instances do not share state.
func New(opts Options) *analysis.Analyzer {
	o := opts
	// go/analysis's checker starts every package's pass at once, as soon
	// as its dependencies are done; only GOMAXPROCS of them run at a time
	// anyway, and bounding them here bounds the work held in flight (CFGs,
	// sites, summaries) to as many passes, not hundreds.
	running := make(chan struct{}, runtime.GOMAXPROCS(0))
	a := &analysis.Analyzer{
		Name: "getorcreatelint",
		Doc:  doc,
		URL:  URL,
		Run: func(pass *analysis.Pass) (any, error) {
			running <- struct{}{}
			defer func() { <-running }()
			return run(pass, &o, recognizers)
		},
		RunDespiteErrors: false,
		FactTypes:        []analysis.Fact{new(summary.Fact)},
	}
	o.BindFlags(&a.Flags)
	return a
}

// recognizer finds the sites of one framework in a package. Calls reach
// it by the package of their callee (Claims); it tells the flow analysis
// about its API (Hooks) and turns calls into sites that carry their own
// fix wording.
type recognizer interface {
	Claims(pkg *types.Package) bool
	Hooks() flow.Hooks
	Sites(fn *flow.Func, calls []flow.Call) []*site.Site
	Upserts(fn *flow.Func, calls []flow.Call) []*site.Upsert
	Tables(call flow.Call) []*schema.Table
}

// recognizers returns the frameworks' recognisers for a pass, in the order
// their findings are reported.
func recognizers(pass *analysis.Pass, o *Options, dialect func() sqlscan.Dialect) []recognizer {
	return []recognizer{
		gorm.New(pass, o.namer(), dialect),
		ent.New(pass, dialect),
		rawsql.New(pass, dialect),
		bun.New(pass, dialect),
	}
}

// run is the pipeline: each function's calls go to the recogniser of
// their package, the sites it returns to the verdict. A panic becomes the
// pass's error, naming the stage and the position, instead of crashing
// the build the linter runs in.
func run(pass *analysis.Pass, opts *Options, frameworks func(*analysis.Pass, *Options, func() sqlscan.Dialect) []recognizer) (_ any, err error) {
	stage, at := "setup", ast.Node(nil)
	defer func() {
		if r := recover(); r != nil {
			where := pass.Pkg.Path()
			if at != nil {
				where = pass.Fset.Position(at.Pos()).String()
			}
			err = fmt.Errorf("internal error in %s at %s: %v", stage, where, r)
		}
	}()
	pass = withoutMappedEdits(pass)
	src := sources.ForPass(pass, opts.sources())
	recs := frameworks(pass, opts, src.Dialect)
	v := verdict.New(pass, verdict.Config{Enabled: opts.enabled, Exclude: opts.Exclude, TableKeys: tableKeys(recs),
		Unbacked: opts.unbackedHook(pass)}, src)
	inScope := opts.inScope(pass)
	p := &pipeline{pass: pass, recs: recs, byPkg: map[*types.Package]recognizer{}, inScope: inScope}
	for _, r := range recs {
		p.hooks.Add(r.Hooks())
	}
	summarised := inScope(pass.Pkg.Path())
	if !summarised && !opts.explain && !p.importsFramework() {
		return nil, nil // a dependency with no call any recogniser reads
	}
	var providers []summary.Provider
	for _, r := range recs {
		if prov, ok := r.(summary.Provider); ok {
			providers = append(providers, prov)
		}
	}
	sums := summary.New(pass, providers, inScope)
	sums.ModuleRoot = moduleRoot(pass, src)
	p.hooks.Add(sums.Hooks())
	p.hooks.Sentinels = append(p.hooks.Sentinels, sums.Sentinels()...)
	units := p.units(summarised)
	if summarised {
		stage = "summaries"
		var su []*summary.Unit
		for _, u := range units {
			su = append(su, u.sum)
		}
		sums.Summarize(su, &p.hooks)
	}
	for i, u := range units {
		units[i] = nil // each function's syntax indexes go once it is reported
		if u.generated {
			continue
		}
		fn := u.sum.Fn
		at = fn.Node()
		stage = "recognition"
		calls := u.calls
		for _, r := range recs {
			if len(calls[r]) == 0 {
				continue // a site is made of the recogniser's calls
			}
			for _, s := range r.Sites(fn, calls[r]) {
				stage, at = "verdict", s.Node
				v.Decide(s)
			}
		}
		stage, at = "summaries", fn.Node()
		for _, s := range sums.Sites(u.sum) {
			stage, at = "verdict", s.Node
			v.Decide(s)
		}
		sums.Done(u.sum)
		stage, at = "recognition", fn.Node()
		for _, r := range recs {
			if len(calls[r]) == 0 {
				continue
			}
			for _, u := range r.Upserts(fn, calls[r]) {
				stage, at = "verdict", u.Node
				v.DecideUpsert(u)
			}
		}
	}
	stage, at = "verdict", nil
	v.Finish()
	if err := src.Err(); err != nil {
		return nil, err
	}
	if opts.explain {
		stage, at = "explain", nil
		return p.explain(src), src.Err()
	}
	return nil, nil
}

// tableKeys asks the recognisers that know keys of tables no site's model
// declares (GORM's join tables) for them.
func tableKeys(recs []recognizer) func(table string) []*schema.Table {
	type tableKeyer interface {
		TableKeys(table string) []*schema.Table
	}
	var ks []tableKeyer
	for _, r := range recs {
		if k, ok := r.(tableKeyer); ok {
			ks = append(ks, k)
		}
	}
	return func(table string) []*schema.Table {
		var out []*schema.Table
		for _, k := range ks {
			out = append(out, k.TableKeys(table)...)
		}
		return out
	}
}

// pipeline is the state of one pass.
type pipeline struct {
	pass  *analysis.Pass
	recs  []recognizer
	hooks flow.Hooks
	byPkg map[*types.Package]recognizer // nil: no recogniser claims the package
	// inScope says which packages' functions have summaries.
	inScope func(pkgPath string) bool
}

// recognizerFor resolves the call's callee and returns the recogniser of
// its package, or nil.
func (p *pipeline) recognizerFor(call *flow.Call) recognizer {
	call.Fn = flow.Callee(p.pass.TypesInfo, call.Expr)
	if call.Fn == nil || call.Fn.Pkg() == nil {
		return nil
	}
	pkg := call.Fn.Pkg()
	r, ok := p.byPkg[pkg]
	if !ok {
		for _, cand := range p.recs {
			if cand.Claims(pkg) {
				r = cand
				break
			}
		}
		p.byPkg[pkg] = r
	}
	return r
}
