package ent

import (
	"go/constant"
	"go/types"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/flow"
	"github.com/getorcreatelint/getorcreatelint/analyzer/internal/sources"
)

// The ent API surface the analyzer knows, as data. ent generates the
// client into the user's own package (named ent by default, but
// configurable), so its types are recognised by shape: builder structs
// that embed the package's config (which holds an
// entgo.io/ent/dialect.Driver) and predicate types that are functions of
// *entgo.io/ent/dialect/sql.Selector. Methods are then matched by the
// resolved *types.Func's receiver.
const (
	entModulePath  = "entgo.io/ent"
	entDialectPath = "entgo.io/ent/dialect"
	entSQLPath     = "entgo.io/ent/dialect/sql"
	entGraphPath   = "entgo.io/ent/dialect/sql/sqlgraph"
)

// entResult says what the first result of a lookup method tells when
// nothing matched.
type entResult uint8

const (
	entNilOnMiss  entResult = iota // *T, nil: First, Only, FirstX
	entZeroOnMiss                  // the ID, zero: FirstID, OnlyID, FirstIDX
	entExists                      // bool, false: Exist, ExistX
	entCountOf                     // int, 0: Count, CountX
)

// entLookupMethod describes a method of a generated XQuery that runs it.
type entLookupMethod struct {
	result entResult
	// errOnMiss: the error is a *NotFoundError when nothing matched.
	errOnMiss bool
}

var entLookupMethods = map[string]entLookupMethod{
	"Only":     {entNilOnMiss, true},
	"First":    {entNilOnMiss, true},
	"OnlyID":   {entZeroOnMiss, true},
	"FirstID":  {entZeroOnMiss, true},
	"Exist":    {entExists, false},
	"Count":    {entCountOf, false},
	"FirstX":   {entNilOnMiss, false},  // returns nil on a miss
	"FirstIDX": {entZeroOnMiss, false}, // returns the zero ID on a miss
	// OnlyX and OnlyIDX panic on a miss; code that still tests their
	// result for nil or zero before inserting means a get-or-create.
	"OnlyX":   {entNilOnMiss, false},
	"OnlyIDX": {entZeroOnMiss, false},
	"ExistX":  {entExists, false},
	"CountX":  {entCountOf, false},
}

// entInsertMethods run an XCreate or XCreateBulk builder. The upsert
// builders (OnConflict...) are not inserts here: code that uses them has
// already chosen the atomic form.
var entInsertMethods = map[string]bool{"Save": true, "SaveX": true, "Exec": true, "ExecX": true}

// entQueryRole is what a method of a generated XQuery does to the lookup.
type entQueryRole uint8

const (
	entQueryOther   entQueryRole = iota // anything else: the conditions become unknown
	entQueryWhere                       // adds predicates
	entQueryNeutral                     // leaves the WHERE clause alone
)

var entQueryRoles = map[string]entQueryRole{
	"Where": entQueryWhere,
	"Order": entQueryNeutral, "Limit": entQueryNeutral, "Unique": entQueryNeutral, "Clone": entQueryNeutral,
	"ForUpdate": entQueryNeutral, "ForShare": entQueryNeutral, // sql/lock: locks rows that exist, not absent ones
}

// entQueryMethodRole returns the role of a method of an XQuery; WithX
// eager loading is neutral.
func entQueryMethodRole(name string) entQueryRole {
	if r, ok := entQueryRoles[name]; ok {
		return r
	}
	if strings.HasPrefix(name, "With") && len(name) > len("With") {
		return entQueryNeutral
	}
	return entQueryOther
}

// entEntity is one entity of a generated client package: the builder
// types that read and write it and its own package (user for User), which
// holds the table name, the column constants and the predicates.
type entEntity struct {
	name       string       // the entity's Go type name, as in the schema: User
	node       *types.Named // the entity struct: User
	client     *types.Named
	query      *types.Named
	create     *types.Named
	createBulk *types.Named
	upsertOne  *types.Named   // UserUpsertOne, with the sql/upsert feature; nil without
	upsertBulk *types.Named   // UserUpsertBulk
	predicate  *types.Named   // predicate.User
	pkg        *types.Package // the entity package; nil when it could not be found
	table      string         // the entity package's Table constant
	clientPkg  *types.Package
}

// entClientIndex lists the entities of one generated client package.
type entClientIndex struct {
	byType map[*types.Named]*entEntity // query, create and create-bulk types
}

// clients memoises entIndex once per process: a client package is
// imported by many of the packages analysed, and the drivers share its
// *types.Package between them when they can.
var clients = sources.NewCache[*types.Package, *entClientIndex]()

// entIndex returns the entities of pkg; nil when pkg is not an
// ent-generated client package.
func entIndex(pkg *types.Package) *entClientIndex {
	return clients.Get(pkg, func() *entClientIndex { return buildEntIndex(pkg) })
}

func buildEntIndex(pkg *types.Package) *entClientIndex {
	if !importsEnt(pkg) {
		return nil
	}
	idx := &entClientIndex{byType: map[*types.Named]*entEntity{}}
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		client, ok := tn.Type().(*types.Named)
		if !ok || !embedsEntConfig(client) {
			continue
		}
		e := entEntityOf(client)
		if e == nil {
			continue
		}
		e.clientPkg = pkg
		for _, t := range []*types.Named{e.query, e.create, e.createBulk, e.upsertOne, e.upsertBulk} {
			if t != nil {
				idx.byType[t] = e
			}
		}
	}
	if len(idx.byType) == 0 {
		return nil
	}
	return idx
}

// entEntityOf recognises an XClient: Query() *XQuery, Create() *XCreate
// and CreateBulk(...*XCreate) *XCreateBulk, each a builder embedding the
// config, and XQuery.Where taking the entity's predicate type.
func entEntityOf(client *types.Named) *entEntity {
	query := builderResult(client, "Query")
	create := builderResult(client, "Create")
	bulk := builderResult(client, "CreateBulk")
	if query == nil || create == nil || bulk == nil {
		return nil
	}
	where := methodOf(query, "Where")
	if where == nil || !where.Signature().Variadic() || where.Signature().Params().Len() != 1 {
		return nil
	}
	pred := namedOfSliceElem(where.Signature().Params().At(0).Type())
	if pred == nil || !isEntPredicateType(pred) {
		return nil
	}
	e := &entEntity{client: client, query: query, create: create, createBulk: bulk, predicate: pred}
	e.upsertOne, e.upsertBulk = upsertBuilder(create), upsertBuilder(bulk)
	if first := methodOf(query, "First"); first != nil && first.Signature().Results().Len() == 2 {
		if n := flow.NamedOf(first.Signature().Results().At(0).Type()); n != nil {
			e.node, e.name = n, n.Obj().Name()
		}
	}
	e.pkg = entEntityPackage(query, pred)
	if e.pkg != nil {
		if k, ok := e.pkg.Scope().Lookup("Table").(*types.Const); ok {
			e.table = constString(k)
		}
	}
	return e
}

// entEntityPackage finds the entity package (user for UserQuery): the
// package of the options its Order method takes, or else an imported
// package whose ID predicate returns the entity's predicate type.
func entEntityPackage(query, pred *types.Named) *types.Package {
	if order := methodOf(query, "Order"); order != nil && order.Signature().Params().Len() == 1 {
		if n := namedOfSliceElem(order.Signature().Params().At(0).Type()); n != nil && n.Obj().Pkg() != nil {
			if isEntityPackage(n.Obj().Pkg(), pred) {
				return n.Obj().Pkg()
			}
		}
	}
	for _, p := range query.Obj().Pkg().Imports() {
		if isEntityPackage(p, pred) {
			return p
		}
	}
	return nil
}

// isEntityPackage reports whether p declares a Table constant and an ID
// predicate of type pred.
func isEntityPackage(p *types.Package, pred *types.Named) bool {
	if _, ok := p.Scope().Lookup("Table").(*types.Const); !ok {
		return false
	}
	id, ok := p.Scope().Lookup("ID").(*types.Func)
	return ok && id.Signature().Results().Len() == 1 && types.Identical(id.Signature().Results().At(0).Type(), pred)
}

// importsEnt reports whether pkg imports a package of the ent module.
func importsEnt(pkg *types.Package) bool {
	for _, p := range pkg.Imports() {
		if p.Path() == entModulePath || strings.HasPrefix(p.Path(), entModulePath+"/") {
			return true
		}
	}
	return false
}

// embedsEntConfig reports whether the struct behind n embeds a struct of
// its own package that holds an entgo.io/ent/dialect.Driver: the config
// every generated client and builder carries.
func embedsEntConfig(n *types.Named) bool {
	st, ok := n.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if !f.Embedded() {
			continue
		}
		cfg, ok := types.Unalias(f.Type()).(*types.Named)
		if !ok || cfg.Obj().Pkg() != n.Obj().Pkg() {
			continue
		}
		inner, ok := cfg.Underlying().(*types.Struct)
		if !ok {
			continue
		}
		for j := 0; j < inner.NumFields(); j++ {
			if flow.IsNamed(inner.Field(j).Type(), entDialectPath, "Driver") {
				return true
			}
		}
	}
	return false
}

// isEntPredicateType reports whether n is a func(*sql.Selector) type.
func isEntPredicateType(n *types.Named) bool {
	sig, ok := n.Underlying().(*types.Signature)
	return ok && sig.Params().Len() == 1 && sig.Results().Len() == 0 &&
		flow.IsNamed(sig.Params().At(0).Type(), entSQLPath, "Selector")
}

// builderResult returns *B for a method name() *B of *n (any parameters)
// whose B embeds the config too.
func builderResult(n *types.Named, name string) *types.Named {
	m := methodOf(n, name)
	if m == nil || m.Signature().Results().Len() != 1 {
		return nil
	}
	p, ok := types.Unalias(m.Signature().Results().At(0).Type()).(*types.Pointer)
	if !ok {
		return nil
	}
	b, ok := types.Unalias(p.Elem()).(*types.Named)
	if !ok || b.Obj().Pkg() != n.Obj().Pkg() || !embedsEntConfig(b) {
		return nil
	}
	return b
}

// upsertBuilder returns *U for the OnConflictColumns(...string) *U method
// that the sql/upsert feature generates on a create builder; nil without
// the feature.
func upsertBuilder(create *types.Named) *types.Named {
	m := methodOf(create, "OnConflictColumns")
	if m == nil || !m.Signature().Variadic() || m.Signature().Results().Len() != 1 {
		return nil
	}
	p, ok := types.Unalias(m.Signature().Results().At(0).Type()).(*types.Pointer)
	if !ok {
		return nil
	}
	u, ok := types.Unalias(p.Elem()).(*types.Named)
	if !ok || u.Obj().Pkg() != create.Obj().Pkg() {
		return nil
	}
	return u
}

// methodOf returns the method name of *n, or nil.
func methodOf(n *types.Named, name string) *types.Func {
	sel := types.NewMethodSet(types.NewPointer(n)).Lookup(n.Obj().Pkg(), name)
	if sel == nil {
		return nil
	}
	fn, _ := sel.Obj().(*types.Func)
	return fn
}

// namedOfSliceElem returns N for a []N or ...N parameter type.
func namedOfSliceElem(t types.Type) *types.Named {
	s, ok := types.Unalias(t).(*types.Slice)
	if !ok {
		return nil
	}
	n, _ := types.Unalias(s.Elem()).(*types.Named)
	return n
}

// entMethod returns the entity whose builder type is fn's receiver, and
// fn's name; nil when fn is not a method of an ent builder.
func entMethod(fn *types.Func) (*entEntity, *types.Named) {
	if fn == nil {
		return nil, nil
	}
	recv := fn.Signature().Recv()
	if recv == nil {
		return nil, nil
	}
	t := recv.Type()
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return nil, nil
	}
	idx := entIndex(n.Obj().Pkg())
	if idx == nil {
		return nil, nil
	}
	return idx.byType[n], n
}

// constString returns the value of a string constant, or "".
func constString(k *types.Const) string {
	if k.Val().Kind() != constant.String {
		return ""
	}
	return constant.StringVal(k.Val())
}
