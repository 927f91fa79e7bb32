package gorm

import (
	"go/types"
	"reflect"
	"strings"

	gormschema "gorm.io/gorm/schema"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/sources"
	"github.com/getorcreatelint/getorcreatelint/schema"
)

// noRelations, in the seen set of describeStruct, stops a related model's
// own many2many fields from being described: only its primary key is
// needed, and a self-reference would otherwise never end.
var noRelations *types.Named

// many2manyModel describes the element type of a slice field tagged
// many2many, the related model its join table is built from.
func (r *Recognizer) many2manyModel(tag string, elem types.Type, seen map[*types.Named]bool) *schema.GORMModel {
	if seen[noRelations] || gormschema.ParseTagSetting(reflect.StructTag(tag).Get("gorm"), ";")["MANY2MANY"] == "" {
		return nil
	}
	if p, ok := types.Unalias(elem).(*types.Pointer); ok {
		elem = p.Elem()
	}
	named, ok := types.Unalias(elem).(*types.Named)
	if !ok {
		return nil
	}
	return r.describeStruct(named.Origin(), map[*types.Named]bool{noRelations: true})
}

// TableKeys returns the join tables named table that many2many fields of
// the models declared in the package or its direct imports make GORM
// create, with their composite primary key. They are gathered once per
// pass, on the first lookup that needs keys. A join model set up at run
// time with SetupJoinTable replaces such a table; it cannot be seen here.
func (r *Recognizer) TableKeys(table string) []*schema.Table {
	if r.joinTables == nil {
		r.joinTables = r.collectJoinTables()
	}
	return r.joinTables[schema.TableKey(table)]
}

// collectJoinTables gathers the join tables of the package's and its
// direct imports' models, by table key.
func (r *Recognizer) collectJoinTables() map[string][]*schema.Table {
	out := map[string][]*schema.Table{}
	for _, pkg := range append([]*types.Package{r.pass.Pkg}, r.pass.Pkg.Imports()...) {
		for _, jt := range joinTables.Get(joinTablesKey{pkg, r.namer}, func() []*schema.Table { return r.declaredJoinTables(pkg) }) {
			k := schema.TableKey(jt.Name)
			out[k] = append(out[k], jt)
		}
	}
	return out
}

// joinTablesKey is a package's models under one naming strategy.
type joinTablesKey struct {
	pkg   *types.Package
	namer gormschema.Namer
}

// joinTables holds the join tables each package's models declare, for
// the process: a models package is imported by many.
var joinTables = sources.NewCache[joinTablesKey, []*schema.Table]()

// declaredJoinTables returns the join tables of the many2many fields of
// the models pkg declares.
func (r *Recognizer) declaredJoinTables(pkg *types.Package) []*schema.Table {
	var out []*schema.Table
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		named, ok := tn.Type().(*types.Named)
		if !ok || !declaresMany2Many(named) {
			continue
		}
		if m := r.model(named); m != nil && m.schema != nil {
			out = append(out, m.schema.JoinTables...)
		}
	}
	return out
}

// declaresMany2Many reports whether a field of the struct type has a gorm
// tag mentioning many2many, a cheap test before GORM's rules are applied.
func declaresMany2Many(named *types.Named) bool {
	st, ok := named.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		if strings.Contains(strings.ToLower(st.Tag(i)), "many2many") {
			return true
		}
	}
	return false
}
