package migrations

import (
	"fmt"
	"slices"
	"strings"

	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// Replayer applies migration files, in order, to a catalog: it holds the
// server rules of one dialect and the bookkeeping a Catalog does not keep
// (non-unique index names, which take part in name collisions and drops).
// Use one Replayer per migration directory.
type Replayer struct {
	cat  *schema.Catalog
	d    sqlscan.Dialect
	file string
	// lineBase is added to statement lines: the line before the text
	// replayed, when it is a string inside a Go file.
	lineBase int
	side     map[string]*tableSide      // by catalog table key
	names    map[string]map[string]bool // lower-case index or key name -> tables holding it
	inDo     bool                       // replaying DDL found inside a PostgreSQL DO block
	// doTouched lists the tables whose keys the current DO block has
	// marked Uncertain already.
	doTouched map[string]bool
	// suffixHint remembers, per table and base name, the last collision
	// suffix an implicit name needed (see exactSearch).
	suffixHint map[string]int
}

// tableSide is what the replay knows about a table beyond its keys.
type tableSide struct {
	indexes map[string]bool          // non-unique index names, lower case
	aliases map[*schema.Key][]string // Generic dialect: other servers' implicit names
	// byName lists the keys answering to each lower-case name (their own
	// or an alias), so that dropping or renaming one does not scan every
	// key of a table that may hold thousands.
	byName map[string][]*schema.Key
	// byColumn lists the keys with a part on each column, and exprKeys
	// those with an expression part or a predicate, so that renaming a
	// column visits only the keys it can change.
	byColumn map[string][]*schema.Key
	exprKeys map[*schema.Key]bool
}

// indexKey records the names k answers to and the columns it uses;
// unindexKey forgets them. A key is unindexed before any change to its
// name or parts, and indexed again after.
func (s *tableSide) indexKey(k *schema.Key) {
	for _, n := range s.names(k) {
		ln := strings.ToLower(n)
		s.byName[ln] = append(s.byName[ln], k)
	}
	s.indexColumns(k)
}

func (s *tableSide) unindexKey(k *schema.Key) {
	for _, n := range s.names(k) {
		ln := strings.ToLower(n)
		removeKey(s.byName, ln, k)
	}
	s.unindexColumns(k)
}

func (s *tableSide) indexColumns(k *schema.Key) {
	for i, p := range k.Parts {
		switch {
		case p.Expr != "":
			s.exprKeys[k] = true
		case p.Column != "" && !slices.ContainsFunc(k.Parts[:i], func(q schema.KeyPart) bool { return q.Column == p.Column }):
			s.byColumn[p.Column] = append(s.byColumn[p.Column], k)
		}
	}
	if k.Where != "" {
		s.exprKeys[k] = true
	}
}

func (s *tableSide) unindexColumns(k *schema.Key) {
	for _, p := range k.Parts {
		if p.Column != "" {
			removeKey(s.byColumn, p.Column, k)
		}
	}
	delete(s.exprKeys, k)
}

// keysUsing returns the keys that may use column col: those with a part on
// it, and those with an expression part or a predicate.
func (s *tableSide) keysUsing(col string) []*schema.Key {
	keys := slices.Clone(s.byColumn[col])
	for k := range s.exprKeys {
		if !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	return keys
}

// removeKey takes k out of m[name], deleting the entry when it empties.
func removeKey(m map[string][]*schema.Key, name string, k *schema.Key) {
	keys := slices.DeleteFunc(m[name], func(o *schema.Key) bool { return o == k })
	if len(keys) == 0 {
		delete(m, name)
	} else {
		m[name] = keys
	}
}

// names lists the names a key answers to: its own and its aliases.
func (s *tableSide) names(k *schema.Key) []string {
	return append([]string{k.Name}, s.aliases[k]...)
}

// firstKeyNamed returns the position in t.Keys of the first key answering
// to name, or -1.
func (s *tableSide) firstKeyNamed(t *schema.Table, name string) int {
	cands := s.byName[strings.ToLower(name)]
	switch len(cands) {
	case 0:
		return -1
	case 1:
		return slices.Index(t.Keys, cands[0])
	}
	return slices.IndexFunc(t.Keys, func(k *schema.Key) bool { return slices.Contains(cands, k) })
}

// NewReplayer returns a Replayer that adds to cat using dialect d's rules.
func NewReplayer(cat *schema.Catalog, d sqlscan.Dialect) *Replayer {
	return &Replayer{cat: cat, d: d, side: map[string]*tableSide{}, names: map[string]map[string]bool{},
		suffixHint: map[string]int{}}
}

// ReplaySource replays one file's text into cat. file is the path recorded
// in each key's Source. Index bookkeeping does not carry over between calls;
// use a Replayer to replay several files.
func ReplaySource(cat *schema.Catalog, file, src string, d sqlscan.Dialect) {
	NewReplayer(cat, d).Replay(file, src)
}

// Replay applies the "up" part of one migration file. It never fails:
// statements it does not understand are skipped, with a Warning when they
// mention keys.
func (r *Replayer) Replay(file, src string) {
	r.replayAt(file, src, 1)
}

// replayAt replays src as if it started on line first of file: a SQL string
// inside a Go migration, one replay per string.
func (r *Replayer) replayAt(file, src string, first int) {
	r.file, r.lineBase = file, first-1
	src = BlankCopyData(UpSection(src))
	sqlscan.EachStatement(src, r.d, isSilent, func(st sqlscan.Statement) { r.guarded(st, src) })
}

// guarded applies one statement; the recover is only a backstop, as the
// recognisers check every index they read.
func (r *Replayer) guarded(st sqlscan.Statement, src string) {
	defer func() {
		if p := recover(); p != nil {
			r.inDo = false
			r.warn(st.Line, fmt.Sprintf("statement skipped after an internal error (%v): %s", p, snippet(st.Text(src))))
		}
	}()
	r.statement(st, src)
}

func (r *Replayer) warn(line int, msg string) {
	r.cat.Warnings = append(r.cat.Warnings, schema.Warning{Source: r.at(line), Message: msg})
}

// at is the source of a statement line of the text being replayed.
func (r *Replayer) at(line int) schema.Source {
	return schema.Source{File: r.file, Line: line + r.lineBase}
}

// snippet shortens statement text for a warning.
func snippet(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 100 {
		cut := 100
		for cut > 0 && s[cut]&0xC0 == 0x80 {
			cut--
		}
		s = s[:cut] + "..."
	}
	return s
}

func (r *Replayer) sideOf(tk string) *tableSide {
	s := r.side[tk]
	if s == nil {
		s = &tableSide{indexes: map[string]bool{}, aliases: map[*schema.Key][]string{},
			byName: map[string][]*schema.Key{}, byColumn: map[string][]*schema.Key{}, exprKeys: map[*schema.Key]bool{}}
		r.side[tk] = s
		if t := r.cat.Tables[tk]; t != nil {
			// Keys the catalog held before this replay.
			for _, k := range t.Keys {
				s.indexKey(k)
			}
		}
	}
	return s
}

// table returns the table, creating it when a statement alters a table the
// replay has not seen created.
func (r *Replayer) table(tk string) *schema.Table {
	t := r.cat.Tables[tk]
	if t == nil {
		// Not schema.NewTable: tk is normalised already.
		t = &schema.Table{Name: tk, Columns: map[string]*schema.Column{}}
		r.cat.Tables[tk] = t
	}
	if r.inDo && !r.doTouched[tk] {
		r.doTouched[tk] = true
		t.Uncertain = true
		for _, k := range t.Keys {
			k.Uncertain = true
		}
	}
	return t
}

func (r *Replayer) register(tk, name string) {
	if name == "" {
		return
	}
	name = strings.ToLower(name)
	set := r.names[name]
	if set == nil {
		set = map[string]bool{}
		r.names[name] = set
	}
	set[tk] = true
}

func (r *Replayer) unregister(tk, name string) {
	name = strings.ToLower(name)
	if set := r.names[name]; set != nil {
		delete(set, tk)
		if len(set) == 0 {
			delete(r.names, name)
		}
	}
}

// keyNames lists the names a key answers to: its own and, in the Generic
// dialect, the other servers' implicit names.
func (r *Replayer) keyNames(tk string, k *schema.Key) []string {
	if s := r.side[tk]; s != nil {
		return s.names(k)
	}
	return []string{k.Name}
}

// hasName reports whether table tk holds a key or index called name.
func (r *Replayer) hasName(tk, name string) bool {
	return r.names[strings.ToLower(name)][tk]
}

// nameTaken reports whether name is in use where the dialect scopes index
// names: the table for MySQL, the schema (indexes and tables) otherwise.
func (r *Replayer) nameTaken(tk, name string) bool {
	if r.d == sqlscan.MySQL {
		return r.hasName(tk, name)
	}
	scope := schemaOf(tk)
	for other := range r.names[strings.ToLower(name)] {
		if schemaOf(other) == scope {
			return true
		}
	}
	rel := strings.ToLower(name)
	if scope != "" {
		rel = scope + "." + rel
	}
	return r.cat.Tables[rel] != nil
}

// ownersOf returns the tables holding an index or key called name, those in
// the given schema first.
func (r *Replayer) ownersOf(name, inSchema string) []string {
	var same, other []string
	for tk := range r.names[strings.ToLower(name)] {
		if schemaOf(tk) == inSchema {
			same = append(same, tk)
		} else {
			other = append(other, tk)
		}
	}
	slices.Sort(same)
	slices.Sort(other)
	return append(same, other...)
}

// keySpec is a key as a statement declares it, before the server names it.
type keySpec struct {
	name        string // declared name; "" when the server chooses one
	kind        schema.KeyKind
	parts       []schema.KeyPart
	colNames    []string // per part, the name PostgreSQL uses in implicit names
	where       string
	nnd         bool
	line        int
	ifNotExists bool
}

// addKey adds a key to table tk, naming it by the dialect's rules. A key
// whose name already exists replaces it, unless IF NOT EXISTS was given.
func (r *Replayer) addKey(tk string, ks keySpec) *schema.Key {
	if len(ks.parts) == 0 {
		return nil
	}
	t := r.table(tk)
	side := r.sideOf(tk)
	k := &schema.Key{Name: ks.name, Kind: ks.kind, Parts: ks.parts, Where: ks.where,
		NullsNotDistinct: ks.nnd, Uncertain: r.inDo,
		Source: r.at(ks.line)}
	if k.Name != "" {
		if owner, ok := r.existsForCreate(tk, k.Name); ok {
			if ks.ifNotExists {
				return nil
			}
			r.dropIndex(owner, k.Name)
		}
	} else {
		k.Implicit = true
		k.Name = r.implicitName(tk, ks)
		if r.d == sqlscan.Generic {
			side.aliases[k] = []string{r.mysqlName(tk, ks)}
		}
	}
	if k.Kind == schema.PrimaryKey {
		for _, p := range k.Parts {
			if p.Column != "" {
				r.setNotNull(t, p.Column, true)
			}
		}
	}
	t.Keys = append(t.Keys, k)
	side.indexKey(k)
	for _, n := range r.keyNames(tk, k) {
		r.register(tk, n)
	}
	return k
}

// existsForCreate returns the table holding an index called name that
// creating one on tk would collide with: in the same table for MySQL (and
// the Generic dialect, where per-table names are common), in the same
// schema for PostgreSQL and SQLite.
func (r *Replayer) existsForCreate(tk, name string) (string, bool) {
	if r.d == sqlscan.MySQL || r.d == sqlscan.Generic {
		return tk, r.hasName(tk, name)
	}
	for _, o := range r.ownersOf(name, schemaOf(tk)) {
		if schemaOf(o) == schemaOf(tk) {
			return o, true
		}
	}
	return "", false
}

// implicitName is the name the server gives an unnamed key.
func (r *Replayer) implicitName(tk string, ks keySpec) string {
	switch r.d {
	case sqlscan.SQLite:
		return "" // sqlite_autoindex_*: not addressable by migrations
	case sqlscan.MySQL:
		return r.mysqlName(tk, ks)
	}
	taken := func(n string) bool { return r.nameTaken(tk, n) }
	cols, label := ks.colNames, "key"
	switch ks.kind {
	case schema.PrimaryKey:
		cols, label = nil, "pkey"
	case schema.UniqueIndex:
		label = "idx"
	}
	hintKey := tk + "\x00" + label + "\x00" + strings.Join(cols, "\x00")
	name, used := pgChooseName(bareName(tk), cols, label, taken, r.suffixHint[hintKey])
	r.suffixHint[hintKey] = used
	return name
}

func (r *Replayer) mysqlName(tk string, ks keySpec) string {
	if ks.kind == schema.PrimaryKey {
		return "PRIMARY"
	}
	return r.mysqlImplicit(tk, ks.parts[0].Column)
}

// mysqlImplicit chooses MySQL's name for an unnamed index on table tk
// whose first part is the column first ("" for an expression).
func (r *Replayer) mysqlImplicit(tk, first string) string {
	hintKey := tk + "\x00mysql\x00" + first
	name, used := mysqlChooseName(first, func(n string) bool { return r.hasName(tk, n) }, r.suffixHint[hintKey])
	r.suffixHint[hintKey] = used
	return name
}

// addIndex records a non-unique index name (it can collide with and be
// mistaken for a key name). An unnamed one gets MySQL's implicit name.
func (r *Replayer) addIndex(tk, name, firstCol string) {
	if name == "" {
		if r.d != sqlscan.MySQL {
			return
		}
		name = r.mysqlImplicit(tk, firstCol)
	}
	r.table(tk)
	r.sideOf(tk).indexes[strings.ToLower(name)] = true
	r.register(tk, name)
}

// dropIndex removes the key or index called name from table tk, or, when
// tk is "", from whichever table in the schema inSchema holds it. It reports
// whether something was found.
func (r *Replayer) dropIndex(tk, name string) bool {
	t := r.cat.Tables[tk]
	if t == nil {
		return false
	}
	lname := strings.ToLower(name)
	if r.inDo {
		r.table(tk) // marks the keys Uncertain
	}
	side := r.sideOf(tk)
	found := false
	if i := side.firstKeyNamed(t, lname); i >= 0 {
		r.removeKeyAt(tk, t, i)
		found = true
	}
	if !found && side.indexes[lname] {
		delete(side.indexes, lname)
		r.unregister(tk, lname)
		found = true
	}
	if !found {
		if i := exclusionNamed(t, lname); i >= 0 {
			t.Exclusions = slices.Delete(t.Exclusions, i, i+1)
			found = true
		}
	}
	return found
}

// addExclusion records an EXCLUDE constraint; name is "" when the
// statement leaves it to the server.
func (r *Replayer) addExclusion(tk, name string) {
	t := r.table(tk)
	t.Exclusions = append(t.Exclusions, strings.ToLower(name))
}

// exclusionNamed returns the index in t.Exclusions of the constraint
// called lname, or -1.
func exclusionNamed(t *schema.Table, lname string) int {
	for i, n := range t.Exclusions {
		if n != "" && n == lname {
			return i
		}
	}
	return -1
}

func (r *Replayer) removeKeyAt(tk string, t *schema.Table, i int) {
	k := t.Keys[i]
	side := r.sideOf(tk)
	side.unindexKey(k)
	for _, n := range side.names(k) {
		if !r.otherHolds(tk, n) {
			r.unregister(tk, n)
		}
	}
	delete(side.aliases, k)
	t.Keys = slices.Delete(t.Keys, i, i+1)
}

// otherHolds reports whether a key of table tk (other than one just
// removed from the index), or a non-unique index, still answers to name.
func (r *Replayer) otherHolds(tk, name string) bool {
	side := r.sideOf(tk)
	ln := strings.ToLower(name)
	return side.indexes[ln] || len(side.byName[ln]) > 0
}

// dropIndexAnywhere removes an index named by a statement that gives no
// table (PostgreSQL and SQLite DROP INDEX): the first table in the schema
// holding it.
func (r *Replayer) dropIndexAnywhere(q qname) bool {
	for _, tk := range r.ownersOf(q.name, q.schema) {
		if r.dropIndex(tk, q.name) {
			return true
		}
	}
	return false
}

// renameIndex renames the key or index old of table tk (or of any table in
// the schema when tk is "").
func (r *Replayer) renameIndex(tk, inSchema, old, new string) {
	tables := []string{tk}
	if tk == "" {
		tables = r.ownersOf(old, inSchema)
	}
	for _, tk := range tables {
		t := r.cat.Tables[tk]
		if t == nil {
			continue
		}
		r.table(tk)
		side := r.sideOf(tk)
		if i := side.firstKeyNamed(t, old); i >= 0 {
			k := t.Keys[i]
			side.unindexKey(k)
			for _, n := range side.names(k) {
				r.unregister(tk, n)
			}
			delete(side.aliases, k)
			k.Name, k.Implicit = new, false
			side.indexKey(k)
			r.register(tk, new)
			return
		}
		if side.indexes[strings.ToLower(old)] {
			delete(side.indexes, strings.ToLower(old))
			r.unregister(tk, old)
			side.indexes[strings.ToLower(new)] = true
			r.register(tk, new)
			return
		}
		if i := exclusionNamed(t, strings.ToLower(old)); i >= 0 {
			t.Exclusions[i] = strings.ToLower(new)
			return
		}
	}
}

// dropTable forgets a table with its keys and indexes.
func (r *Replayer) dropTable(tk string) {
	t := r.cat.Tables[tk]
	if t == nil {
		return
	}
	for _, k := range t.Keys {
		for _, n := range r.keyNames(tk, k) {
			r.unregister(tk, n)
		}
	}
	if s := r.side[tk]; s != nil {
		for n := range s.indexes {
			r.unregister(tk, n)
		}
	}
	delete(r.side, tk)
	delete(r.cat.Tables, tk)
}

// renameTable moves a table, its keys and indexes to a new name. Index and
// constraint names do not change, as on every server.
func (r *Replayer) renameTable(from, to string) {
	t := r.cat.Tables[from]
	if t == nil || from == to {
		return
	}
	if r.inDo {
		r.table(from)
	}
	r.dropTable(to)
	var names []string
	for _, k := range t.Keys {
		names = append(names, r.keyNames(from, k)...)
	}
	s := r.side[from]
	if s != nil {
		for n := range s.indexes {
			names = append(names, n)
		}
		r.side[to] = s
		delete(r.side, from)
	}
	for _, n := range names {
		r.unregister(from, n)
		r.register(to, n)
	}
	delete(r.cat.Tables, from)
	t.Name = to
	r.cat.Tables[to] = t
}

func (r *Replayer) setNotNull(t *schema.Table, col string, notNull bool) {
	c := t.Columns[col]
	if c == nil {
		c = &schema.Column{Name: col}
		t.Columns[col] = c
	}
	c.NotNull = notNull
}

// renameColumn rewrites the table's keys, predicates and columns.
func (r *Replayer) renameColumn(tk, old, new string) {
	t := r.cat.Tables[tk]
	if t == nil || old == new {
		return
	}
	r.table(tk)
	side := r.sideOf(tk)
	for _, k := range side.keysUsing(old) {
		side.unindexColumns(k)
		for i, p := range k.Parts {
			switch {
			case p.Column == old:
				k.Parts[i].Column = new
			case p.Expr != "":
				k.Parts[i].Expr = renameInExpr(p.Expr, old, new)
			}
		}
		if k.Where != "" {
			k.Where = renameInExpr(k.Where, old, new)
		}
		side.indexColumns(k)
	}
	if c := t.Columns[old]; c != nil {
		delete(t.Columns, old)
		c.Name = new
		t.Columns[new] = c
	}
}

// renameInExpr replaces the column old by new in a normalised expression.
func renameInExpr(expr, old, new string) string {
	toks := sqlscan.Lex(expr, sqlscan.Generic)
	toks = toks[:len(toks)-1]
	changed := false
	for i, t := range toks {
		if !t.IsName() || t.Name() != old {
			continue
		}
		if i+1 < len(toks) && (toks[i+1].IsPunct("(") || toks[i+1].IsPunct(".")) {
			continue // a function name or a qualifier
		}
		toks[i] = sqlscan.Token{Kind: sqlscan.Ident, Text: new, Off: t.Off, Line: t.Line}
		changed = true
	}
	if !changed {
		return expr
	}
	return sqlscan.Render(sqlscan.NormalizeTokens(toks))
}

// exprUses reports whether a normalised expression reads column col.
func exprUses(expr, col string) bool {
	return slices.Contains(sqlscan.ExprColumns(sqlscan.ExprTokens(expr)), col)
}

// dropColumn applies the dialect's rule to the keys using col: PostgreSQL
// drops every key that uses it (in a part or in the predicate); MySQL
// removes it from multi-column keys and drops keys left empty; SQLite
// refuses to drop an indexed column, so its keys stay. The Generic dialect
// shrinks like MySQL, which never loses a key that might exist.
func (r *Replayer) dropColumn(tk, col string) {
	t := r.cat.Tables[tk]
	if t == nil {
		return
	}
	r.table(tk)
	delete(t.Columns, col)
	if r.d == sqlscan.SQLite {
		return
	}
	// Only the keys with a part on col, or an expression or predicate
	// that may read it, can change; each is treated on its own.
	side := r.sideOf(tk)
	for _, k := range side.keysUsing(col) {
		i := slices.Index(t.Keys, k)
		if i < 0 {
			continue
		}
		uses := false
		var kept []schema.KeyPart
		for _, p := range k.Parts {
			if p.Column == col || (p.Expr != "" && exprUses(p.Expr, col)) {
				uses = true
				continue
			}
			kept = append(kept, p)
		}
		if k.Where != "" && exprUses(k.Where, col) {
			uses = true
			kept = nil
		}
		if !uses {
			continue
		}
		if r.d == sqlscan.Postgres || len(kept) == 0 {
			r.removeKeyAt(tk, t, i)
			continue
		}
		side.unindexColumns(k)
		k.Parts = kept
		side.indexColumns(k)
	}
}
