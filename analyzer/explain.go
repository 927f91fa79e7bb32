package analyzer

import (
	"go/ast"
	"go/types"
	"reflect"

	"golang.org/x/tools/go/analysis"

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

func (c *checker) explain() *Result {
	r := &Result{}
	seen := map[*types.Named]bool{}
	seenEnt := map[*types.Named]bool{}
	for _, f := range c.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			fn := calleeFunc(c.pass.TypesInfo, call)
			if e, _ := entMethod(fn); e != nil && !seenEnt[e.node] {
				seenEnt[e.node] = true
				if tables := c.entTables(e); len(tables) > 0 {
					r.Tags = append(r.Tags, schema.Merge(e.table, tables...))
				}
				return true
			}
			if _, _, isGorm := gormMethodRole(fn); !isGorm {
				return true
			}
			for _, arg := range call.Args {
				named := namedOf(c.pass.TypesInfo.TypeOf(arg))
				if named == nil || seen[named] {
					continue
				}
				seen[named] = true
				if m := c.gormModel(named); m != nil && m.schema != nil && !m.tableUnknown {
					r.Tags = append(r.Tags, m.schema.Table)
				}
			}
			return true
		})
	}
	if len(c.pass.Files) == 0 {
		return r // unsafe and file-less packages: nothing to explain
	}
	if s := c.sources(); s != nil {
		r.Root, r.Dirs, r.Catalogs = s.root, s.dirs, s.catalogs
	}
	return r
}
