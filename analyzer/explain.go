package analyzer

import (
	"go/ast"
	"reflect"

	"golang.org/x/tools/go/analysis"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/sources"
	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/migrations"
)

// Result is what an explaining analyzer (NewExplainer) returns for each
// package: the tables it would check lookups against, and where their keys
// come from.
type Result struct {
	Root     string            // the module root schema paths are relative to
	Tags     []*schema.Table   // tables of the models the package's GORM calls use, from struct tags
	Dirs     []migrations.Dir  // migration directories and schema files found
	Catalogs []*schema.Catalog // catalogs read from migrations and the live database
}

// NewExplainer returns an analyzer that reports nothing and returns a
// *Result per package, loading the schema sources whether or not the
// package has a get-or-create call. The schema subcommand uses it.
func NewExplainer(opts Options) *analysis.Analyzer {
	opts.explain = true
	a := New(opts)
	a.Name = "getorcreatelint_schema"
	a.ResultType = reflect.TypeFor[*Result]()
	return a
}

// explain lists the tables the package's calls declare keys for (every
// call, generated files included) and the module's schema sources.
func (p *pipeline) explain(src *sources.Pass) *Result {
	r := &Result{}
	for _, f := range p.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if x, ok := n.(*ast.CallExpr); ok {
				call := flow.Call{Expr: x}
				if rec := p.recognizerFor(&call); rec != nil {
					r.Tags = append(r.Tags, rec.Tables(call)...)
				}
			}
			return true
		})
	}
	if len(p.pass.Files) == 0 {
		return r // unsafe and file-less packages: nothing to explain
	}
	if m := src.Module(); m != nil {
		r.Root, r.Dirs, r.Catalogs = m.Root, m.Dirs, m.Catalogs
	}
	return r
}
