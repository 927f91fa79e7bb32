package migrations

import (
	"fmt"
	"go/ast"
	"go/token"
	"regexp"
	"strconv"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// goDDL is one SQL string a Go migration runs on the way up, with the line
// of the Go file where its text starts.
type goDDL struct {
	line int
	sql  string
}

// goNote is a warning about a line of a Go file.
type goNote struct {
	line int
	msg  string
	file bool // about the whole file (it was skipped)
}

// goFileDDL is what one Go file contributes: its up-side DDL strings in
// source order, and notes on what it skipped.
type goFileDDL struct {
	stmts []goDDL
	notes []goNote
}

// goExtractor finds the DDL strings of one package of Go migrations. It
// reads syntax only: constants are resolved by name within the package, and
// the down side is known by how migration libraries register it.
type goExtractor struct {
	fset *token.FileSet
	// consts holds package-level constants, and variables initialised
	// with a constant string, by name: their text counts where they are
	// used, so that one used only by a down function never applies.
	consts map[string]ast.Expr
	used   map[string]bool // package-level names referenced somewhere
	// down and downAt are what registration calls name as the down side:
	// functions or variables by name, function literals by node.
	down   map[string]bool
	downAt map[ast.Node]bool
	// types holds package-level type declarations, to read positional
	// struct literals such as {"CREATE ...", "DROP ..."} by field name.
	types map[string]ast.Expr
}

func newGoExtractor(fset *token.FileSet, files []*ast.File) *goExtractor {
	e := &goExtractor{fset: fset, consts: map[string]ast.Expr{}, used: map[string]bool{},
		down: map[string]bool{}, downAt: map[ast.Node]bool{}, types: map[string]ast.Expr{}}
	for _, f := range files {
		e.declare(f)
	}
	for _, f := range files {
		e.scan(f)
	}
	return e
}

// declare records the package-level types, constants and constant-like
// strings.
func (e *goExtractor) declare(f *ast.File) {
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if ok && g.Tok == token.TYPE {
			for _, spec := range g.Specs {
				ts := spec.(*ast.TypeSpec)
				e.types[ts.Name.Name] = ts.Type
			}
			continue
		}
		if !ok || (g.Tok != token.CONST && g.Tok != token.VAR) {
			continue
		}
		for _, spec := range g.Specs {
			vs := spec.(*ast.ValueSpec)
			if len(vs.Values) != len(vs.Names) {
				continue // iota repetition, or a multi-value call
			}
			for i, n := range vs.Names {
				if g.Tok == token.CONST || stringExpr(vs.Values[i]) {
					e.consts[n.Name] = vs.Values[i]
				}
			}
		}
	}
}

// stringExpr reports whether x is a string literal or a concatenation
// holding one: a variable so initialised is read like a constant.
func stringExpr(x ast.Expr) bool {
	switch x := x.(type) {
	case *ast.BasicLit:
		return x.Kind == token.STRING
	case *ast.ParenExpr:
		return stringExpr(x.X)
	case *ast.BinaryExpr:
		return x.Op == token.ADD && (stringExpr(x.X) || stringExpr(x.Y))
	}
	return false
}

// scan counts name uses and records what registration calls name as the
// down side.
func (e *goExtractor) scan(f *ast.File) {
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.Ident:
			e.used[x.Name] = true
		case *ast.ValueSpec: // declared names are not uses
			if x.Type != nil {
				ast.Inspect(x.Type, visit)
			}
			for _, v := range x.Values {
				ast.Inspect(v, visit)
			}
			return false
		case *ast.SelectorExpr: // x.Name: a field or method, not a constant
			ast.Inspect(x.X, visit)
			return false
		case *ast.KeyValueExpr: // Name: value in a struct literal
			if _, ok := x.Key.(*ast.Ident); !ok {
				ast.Inspect(x.Key, visit)
			}
			if keyIsDown(x.Key) {
				e.markDown(x.Value) // Rollback: revertX names a function
			}
			ast.Inspect(x.Value, visit)
			return false
		case *ast.CallExpr:
			if i := downArg(callName(x.Fun)); i >= 0 && i < len(x.Args) {
				e.markDown(x.Args[i])
			}
		}
		return true
	}
	for _, d := range f.Decls {
		ast.Inspect(d, visit)
	}
}

// downArg returns the index of the down function among the arguments of a
// migration registration, or -1:
//
//   - goose: AddMigration*(up, down), AddNamedMigration*(file, up, down),
//     NewGoMigration(version, up, down);
//   - go-pg/migrations and bun: Register*(up, down), MustRegister*(up, down).
func downArg(name string) int {
	switch {
	case strings.HasPrefix(name, "AddNamedMigration"), name == "NewGoMigration":
		return 2
	case strings.HasPrefix(name, "AddMigration"), name == "Register", name == "RegisterTx",
		name == "MustRegister", name == "MustRegisterTx":
		return 1
	}
	return -1
}

// markDown records a down argument: a function literal, a named function
// or variable, or a literal wrapping them (goose's &GoFunc{RunTx: down}).
func (e *goExtractor) markDown(x ast.Expr) {
	switch x := x.(type) {
	case *ast.FuncLit:
		e.downAt[x] = true
	case *ast.Ident:
		e.down[x.Name] = true
	case *ast.ParenExpr:
		e.markDown(x.X)
	case *ast.UnaryExpr:
		e.markDown(x.X)
	case *ast.CompositeLit:
		for _, el := range x.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
			}
			e.markDown(el)
		}
	}
}

func callName(fun ast.Expr) string {
	switch f := fun.(type) {
	case *ast.Ident:
		return f.Name
	case *ast.SelectorExpr:
		return f.Sel.Name
	case *ast.IndexExpr:
		return callName(f.X)
	case *ast.IndexListExpr:
		return callName(f.X)
	}
	return ""
}

// isDownName reports whether an identifier names the down side: goose's
// downX and DownX, gormigrate's Rollback, sql-migrate's Down, downSQL,
// Downgrades, undoX.
func isDownName(name string) bool {
	for _, w := range identWords(name) {
		switch strings.ToLower(w) {
		case "down", "downgrade", "downgrades", "rollback", "rollbacks", "undo":
			return true
		}
	}
	return false
}

// identWords splits an identifier at underscores, lower-to-upper case
// changes and letter-digit changes: downAddIndex -> down Add Index.
func identWords(name string) []string {
	var out []string
	start := 0
	kind := func(c byte) int {
		switch {
		case c >= 'a' && c <= 'z':
			return 1
		case c >= 'A' && c <= 'Z':
			return 2
		case c >= '0' && c <= '9':
			return 3
		}
		return 0
	}
	for i := 1; i <= len(name); i++ {
		if i < len(name) {
			a, b := kind(name[i-1]), kind(name[i])
			split := name[i] == '_' || name[i-1] == '_' || (a == 1 && b == 2) || (a == 3) != (b == 3)
			if !split {
				continue
			}
		}
		if w := strings.Trim(name[start:i], "_"); w != "" {
			out = append(out, w)
		}
		start = i
	}
	return out
}

// file returns the up-side DDL strings of one file, in source order.
func (e *goExtractor) file(f *ast.File) *goFileDDL {
	out := &goFileDDL{}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.GenDecl:
			if d.Tok == token.CONST || d.Tok == token.VAR {
				e.topLevel(d, out)
			}
		case *ast.FuncDecl:
			if d.Body == nil || e.down[d.Name.Name] || isDownName(d.Name.Name) {
				continue
			}
			w := &goWalker{e: e, out: out, locals: localConsts(d.Body)}
			w.walk(d.Body)
		}
	}
	return out
}

// topLevel handles package-level declarations: a constant never used in the
// package counts where it is declared (another package may run it), unless
// its name says it is the down side; other variables are walked.
func (e *goExtractor) topLevel(d *ast.GenDecl, out *goFileDDL) {
	w := &goWalker{e: e, out: out}
	for _, spec := range d.Specs {
		vs := spec.(*ast.ValueSpec)
		if len(vs.Values) != len(vs.Names) {
			names := make([]ast.Expr, len(vs.Names))
			for i, n := range vs.Names {
				names[i] = n
			}
			w.assign(names, vs.Values) // var a, b = f()
			continue
		}
		for i, n := range vs.Names {
			if e.down[n.Name] || isDownName(n.Name) || (e.consts[n.Name] == vs.Values[i] && e.used[n.Name]) {
				continue
			}
			w.walk(vs.Values[i])
		}
	}
}

// localConsts collects the constants declared inside a function body.
func localConsts(body *ast.BlockStmt) map[string]ast.Expr {
	var m map[string]ast.Expr
	ast.Inspect(body, func(n ast.Node) bool {
		g, ok := n.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			return true
		}
		for _, spec := range g.Specs {
			vs := spec.(*ast.ValueSpec)
			for i, name := range vs.Names {
				if i < len(vs.Values) {
					if m == nil {
						m = map[string]ast.Expr{}
					}
					m[name.Name] = vs.Values[i]
				}
			}
		}
		return false
	})
	return m
}

// goWalker collects the DDL strings under one declaration.
type goWalker struct {
	e      *goExtractor
	out    *goFileDDL
	locals map[string]ast.Expr // constants of the enclosing function
}

func (w *goWalker) walk(n ast.Node) { ast.Inspect(n, w.visit) }

func (w *goWalker) visit(n ast.Node) bool {
	switch x := n.(type) {
	case *ast.FuncLit:
		if w.e.downAt[x] {
			return false
		}
		w.walk(x.Body)
		return false
	case *ast.FuncType, *ast.StructType, *ast.InterfaceType, *ast.MapType, *ast.ArrayType, *ast.ChanType:
		return false // types: struct tags and array lengths are not SQL
	case *ast.GenDecl:
		return x.Tok == token.VAR // local constants count where used
	case *ast.ValueSpec:
		names := make([]ast.Expr, len(x.Names))
		for i, n := range x.Names {
			names[i] = n
		}
		w.assign(names, x.Values)
		return false
	case *ast.AssignStmt:
		w.assign(x.Lhs, x.Rhs)
		return false
	case *ast.CompositeLit:
		w.composite(x, nil)
		return false
	case *ast.KeyValueExpr:
		if !keyIsDown(x.Key) {
			w.walk(x.Value)
		}
		return false
	case *ast.SelectorExpr:
		w.walk(x.X)
		return false
	case *ast.CallExpr:
		w.call(x)
		return false
	case *ast.BasicLit, *ast.BinaryExpr, *ast.Ident, *ast.ParenExpr:
		return w.expr(x.(ast.Expr))
	}
	return true
}

// assign walks the values of an assignment or declaration, except those
// given to a name of the down side (downSQL := ...).
func (w *goWalker) assign(lhs, rhs []ast.Expr) {
	down := func(x ast.Expr) bool {
		id, ok := x.(*ast.Ident)
		return ok && (w.e.down[id.Name] || isDownName(id.Name))
	}
	if len(lhs) == len(rhs) {
		for i := range rhs {
			if !down(lhs[i]) {
				w.walk(rhs[i])
			}
		}
		return
	}
	for _, l := range lhs {
		if !down(l) {
			for _, r := range rhs {
				w.walk(r)
			}
			return
		}
	}
}

// composite walks a composite literal of type typ (its own type, when
// written) leaving out the elements that fill a down field: keyed
// (Rollback: ..., "down": ...) or positional in a struct of the package
// (migration{"CREATE ...", "DROP ..."} with type migration struct{ up,
// down string }). Elements whose type is elided get the element type.
func (w *goWalker) composite(x *ast.CompositeLit, typ ast.Expr) {
	if x.Type != nil {
		typ = x.Type
	}
	var fields []string
	var elem ast.Expr
	switch t := w.e.underlying(typ).(type) {
	case *ast.StructType:
		for _, f := range t.Fields.List {
			if len(f.Names) == 0 {
				fields = append(fields, "") // embedded
			}
			for _, n := range f.Names {
				fields = append(fields, n.Name)
			}
		}
	case *ast.ArrayType:
		elem = t.Elt
	case *ast.MapType:
		elem = t.Value
	}
	for i, el := range x.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			if !keyIsDown(kv.Key) {
				w.element(kv.Value, elem)
			}
			continue
		}
		if i < len(fields) && isDownName(fields[i]) {
			continue
		}
		w.element(el, elem)
	}
}

// element walks one element of a composite literal whose element type is
// elem (nil when unknown).
func (w *goWalker) element(el, elem ast.Expr) {
	inner := el
	if u, ok := el.(*ast.UnaryExpr); ok && u.Op == token.AND {
		inner = u.X
	}
	if cl, ok := inner.(*ast.CompositeLit); ok && cl.Type == nil && elem != nil {
		w.composite(cl, elem)
		return
	}
	w.walk(el)
}

// underlying follows pointers and the package's named types to a type
// literal; it returns nil for types of other packages.
func (e *goExtractor) underlying(t ast.Expr) ast.Expr {
	for i := 0; i < maxConstDepth && t != nil; i++ {
		switch x := t.(type) {
		case *ast.StarExpr:
			t = x.X
		case *ast.ParenExpr:
			t = x.X
		case *ast.Ident:
			t = e.types[x.Name]
		case *ast.IndexExpr: // a generic type's instance
			t = x.X
		default:
			return t
		}
	}
	return nil
}

// keyIsDown reports whether a composite-literal key names the down side:
// gormigrate's Rollback, sql-migrate's Down, a map's "down".
func keyIsDown(k ast.Expr) bool {
	switch k := k.(type) {
	case *ast.Ident:
		return isDownName(k.Name)
	case *ast.BasicLit:
		if s, err := strconv.Unquote(k.Value); err == nil && k.Kind == token.STRING {
			return isDownName(s)
		}
	}
	return false
}

// formatCalls take a format string; the text given to them is a template,
// not SQL.
var formatCalls = map[string]bool{
	"Sprintf": true, "Fprintf": true, "Appendf": true, "Printf": true, "Errorf": true,
	"Fatalf": true, "Panicf": true, "Logf": true, "Infof": true, "Warnf": true,
	"Warningf": true, "Debugf": true, "Tracef": true,
}

// buildCalls make text that may then run as SQL.
var buildCalls = map[string]bool{"Sprintf": true, "Fprintf": true, "Appendf": true}

var formatVerb = regexp.MustCompile(`%[-+# 0-9.*\[\]]*[vTtbcdoOqxXUeEfFgGsp]`)

// call walks a call's function and arguments, leaving out the down
// argument of a registration and format strings.
func (w *goWalker) call(x *ast.CallExpr) {
	w.walk(x.Fun)
	name := callName(x.Fun)
	down := downArg(name)
	for i, a := range x.Args {
		if i == down {
			continue
		}
		if formatCalls[name] {
			if s, line, ok := w.eval(a, 0); ok && formatVerb.MatchString(s) {
				if buildCalls[name] {
					w.runtimeDDL(s, line)
				}
				continue
			}
		}
		w.walk(a)
	}
}

// expr collects a constant string expression that is DDL; it reports
// whether the walk should go on into x.
func (w *goWalker) expr(x ast.Expr) bool {
	if s, line, ok := w.eval(x, 0); ok {
		if isDDL(s) {
			w.out.stmts = append(w.out.stmts, goDDL{line: line, sql: s})
		}
		return false
	}
	if b, ok := x.(*ast.BinaryExpr); ok && b.Op == token.ADD {
		// Text joined at run time: its literal parts are not statements.
		if s := w.template(b); s != "" {
			w.runtimeDDL(s, w.e.fset.Position(b.Pos()).Line)
		}
		return false
	}
	return true
}

// template renders a concatenation with its run-time parts in braces:
// "ALTER TABLE {table} ADD UNIQUE (a)". It is "" when no part is constant.
func (w *goWalker) template(x ast.Expr) string {
	if b, ok := x.(*ast.BinaryExpr); ok && b.Op == token.ADD {
		l, r := w.template(b.X), w.template(b.Y)
		if l == "" && r == "" {
			return ""
		}
		return placeholder(b.X, l) + placeholder(b.Y, r)
	}
	s, _, _ := w.eval(x, 0)
	return s
}

func placeholder(x ast.Expr, s string) string {
	if s != "" {
		return s
	}
	if id, ok := x.(*ast.Ident); ok {
		return "{" + id.Name + "}"
	}
	return "{...}"
}

// runtimeDDL notes DDL completed at run time when it mentions keys.
func (w *goWalker) runtimeDDL(s string, line int) {
	if !isDDL(s) {
		return
	}
	if k := mentionsKeys(sqlscan.Lex(s, sqlscan.Generic)); k != "" {
		w.out.notes = append(w.out.notes, goNote{line: line,
			msg: fmt.Sprintf("DDL built at run time not analysed (mentions %s): %s", k, snippet(s))})
	}
}

// maxConstDepth bounds constant resolution (a constant refers to another).
const maxConstDepth = 32

// eval returns the value of a constant string expression and the line of
// its first literal.
func (w *goWalker) eval(x ast.Expr, depth int) (string, int, bool) {
	if depth > maxConstDepth {
		return "", 0, false
	}
	switch x := x.(type) {
	case *ast.BasicLit:
		if x.Kind != token.STRING {
			return "", 0, false
		}
		s, err := strconv.Unquote(x.Value)
		if err != nil {
			return "", 0, false
		}
		return s, w.e.fset.Position(x.Pos()).Line, true
	case *ast.ParenExpr:
		return w.eval(x.X, depth+1)
	case *ast.BinaryExpr:
		if x.Op != token.ADD {
			return "", 0, false
		}
		a, line, ok := w.eval(x.X, depth+1)
		if !ok {
			return "", 0, false
		}
		b, _, ok := w.eval(x.Y, depth+1)
		return a + b, line, ok
	case *ast.Ident:
		v := w.locals[x.Name]
		if v == nil {
			v = w.e.consts[x.Name]
		}
		if v == nil {
			return "", 0, false
		}
		return w.eval(v, depth+1)
	}
	return "", 0, false
}

// ddlVerbs start the statements a Go string must begin with to be read as
// SQL: other strings (queries, messages, identifiers) are ignored.
var ddlVerbs = []string{"create", "alter", "drop", "rename"}

// isDDL reports whether s starts, after SQL comments and white space, with
// CREATE, ALTER, DROP or RENAME and a space, or is a script of statements
// one of which does (a data fix, then the table rebuilt).
func isDDL(s string) bool {
	s = skipSQLComments(s)
	if startsWithVerb(s, ddlVerbs...) {
		return true
	}
	w := s
	if i := strings.IndexFunc(s, func(r rune) bool { return r > 0x7f || isSpace(byte(r)) }); i > 0 {
		w = s[:i]
	}
	if !silentVerbs[strings.ToLower(w)] || !strings.Contains(s, ";") {
		return false
	}
	for _, st := range sqlscan.SplitStatements(s, sqlscan.Generic) {
		if len(st.Toks) > 0 && st.Toks[0].Kind == sqlscan.Ident {
			switch strings.ToLower(st.Toks[0].Text) {
			case "create", "alter", "drop", "rename":
				return true
			}
		}
	}
	return false
}

// startsWithVerb reports whether s starts with one of verbs (lower case)
// followed by white space.
func startsWithVerb(s string, verbs ...string) bool {
	for _, v := range verbs {
		if len(s) > len(v) && strings.EqualFold(s[:len(v)], v) && isSpace(s[len(v)]) {
			return true
		}
	}
	return false
}

// skipSQLComments drops leading white space, -- and /* */ comments.
func skipSQLComments(s string) string {
	for {
		s = strings.TrimLeft(s, " \t\r\n\f\v")
		switch {
		case strings.HasPrefix(s, "--"):
			i := strings.IndexByte(s, '\n')
			if i < 0 {
				return ""
			}
			s = s[i+1:]
		case strings.HasPrefix(s, "/*"):
			i := strings.Index(s[2:], "*/")
			if i < 0 {
				return ""
			}
			s = s[i+4:]
		default:
			return s
		}
	}
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}
