package oracle

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	pg_query "github.com/pganalyze/pg_query_go/v6"
	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/getorcreatelint/getorcreatelint/schema"
	"github.com/getorcreatelint/getorcreatelint/schema/migrations"
	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

const corpus = "../../testdata/corpus"

// keySet is a set of "table(col,col)" strings: table without schema,
// columns in key order.
type keySet map[string]bool

func (s keySet) sorted() []string {
	var out []string
	for k := range s {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func key(table string, cols []string) string {
	if i := strings.LastIndexByte(table, '.'); i >= 0 {
		table = table[i+1:]
	}
	return strings.ToLower(table) + "(" + strings.ToLower(strings.Join(cols, ",")) + ")"
}

// ours replays one file and returns its keys on plain columns that no
// unanalysed SQL touched.
func ours(src string, d sqlscan.Dialect) keySet {
	cat := schema.NewCatalog()
	migrations.ReplaySource(cat, "f.sql", src, d)
	out := keySet{}
	for _, t := range cat.Tables {
		for _, k := range t.Keys {
			if k.Uncertain || hasExpr(k) {
				continue
			}
			out[key(t.Name, k.Columns())] = true
		}
	}
	return out
}

func hasExpr(k *schema.Key) bool {
	for _, p := range k.Parts {
		if p.Expr != "" {
			return true
		}
	}
	return false
}

var template = regexp.MustCompile(`\{\{.*?\}\}`)

// pgKeys collects every PRIMARY KEY and UNIQUE definition pg_query finds
// (before any replay), and whether the file also drops or renames things.
func pgKeys(t *testing.T, src string) (keySet, bool) {
	src = template.ReplaceAllString(migrations.UpSection(src), "tmpl")
	res, err := pg_query.Parse(src)
	if err != nil {
		t.Fatalf("pg_query: %v", err)
	}
	out, changes := keySet{}, false
	for _, raw := range res.Stmts {
		switch n := raw.Stmt.Node.(type) {
		case *pg_query.Node_CreateStmt:
			table := n.CreateStmt.Relation.Relname
			for _, elt := range n.CreateStmt.TableElts {
				switch e := elt.Node.(type) {
				case *pg_query.Node_ColumnDef:
					for _, c := range e.ColumnDef.Constraints {
						if isKey(c.GetConstraint()) {
							out[key(table, []string{e.ColumnDef.Colname})] = true
						}
					}
				case *pg_query.Node_Constraint:
					if isKey(e.Constraint) {
						out[key(table, names(e.Constraint.Keys))] = true
					}
				}
			}
		case *pg_query.Node_IndexStmt:
			if !n.IndexStmt.Unique {
				continue
			}
			var cols []string
			for _, p := range n.IndexStmt.IndexParams {
				if el := p.GetIndexElem(); el != nil && el.Name != "" {
					cols = append(cols, el.Name)
				} else {
					cols = nil
					break
				}
			}
			if cols != nil {
				out[key(n.IndexStmt.Relation.Relname, cols)] = true
			}
		case *pg_query.Node_AlterTableStmt:
			table := n.AlterTableStmt.Relation.Relname
			for _, c := range n.AlterTableStmt.Cmds {
				cmd := c.GetAlterTableCmd()
				switch cmd.Subtype {
				case pg_query.AlterTableType_AT_AddConstraint:
					if con := cmd.Def.GetConstraint(); isKey(con) && con.Indexname == "" {
						out[key(table, names(con.Keys))] = true
					}
				case pg_query.AlterTableType_AT_AddColumn:
					col := cmd.Def.GetColumnDef()
					for _, con := range col.Constraints {
						if isKey(con.GetConstraint()) {
							out[key(table, []string{col.Colname})] = true
						}
					}
				default:
					changes = true
				}
			}
		case *pg_query.Node_DropStmt, *pg_query.Node_RenameStmt, *pg_query.Node_DoStmt:
			changes = true
		}
	}
	return out, changes
}

func isKey(c *pg_query.Constraint) bool {
	return c != nil && (c.Contype == pg_query.ConstrType_CONSTR_PRIMARY || c.Contype == pg_query.ConstrType_CONSTR_UNIQUE)
}

func names(nodes []*pg_query.Node) []string {
	var out []string
	for _, n := range nodes {
		out = append(out, n.GetString_().Sval)
	}
	return out
}

// TestPostgresAgainstPgQuery: every key the replay reports was declared
// (as pg_query reads the file), and for files that only create, the key
// sets are equal.
func TestPostgresAgainstPgQuery(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(corpus, "postgres", "*.sql"))
	compared, equal := 0, 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		oracle, changes := pgKeys(t, string(b))
		got := ours(string(b), sqlscan.Postgres)
		for k := range got {
			if !oracle[k] {
				t.Errorf("%s: replay reports %s, which pg_query does not see declared", filepath.Base(f), k)
			}
		}
		if !changes {
			equal++
			for k := range oracle {
				if !got[k] {
					t.Errorf("%s: pg_query sees %s declared; the replay misses it", filepath.Base(f), k)
				}
			}
		}
		compared += len(got)
	}
	if compared < 150 || equal < 10 {
		t.Errorf("only %d keys and %d whole files compared: the oracle is not reading the corpus", compared, equal)
	}
	t.Logf("%d PostgreSQL files (%d compared whole), %d keys compared with pg_query", len(files), equal, compared)
}

// mysqlKeys collects the PRIMARY KEY and UNIQUE definitions vitess finds,
// and how many statements it could not parse.
func mysqlKeys(src string) (keySet, int, bool) {
	p := sqlparser.NewTestParser()
	pieces, err := p.SplitStatementToPieces(migrations.UpSection(src))
	if err != nil {
		return nil, 1, false
	}
	out, failed, changes := keySet{}, 0, false
	for _, piece := range pieces {
		stmt, err := p.ParseStrictDDL(piece)
		if err != nil {
			if strings.TrimSpace(piece) != "" && !strings.HasPrefix(strings.ToUpper(strings.TrimSpace(piece)), "INSERT") {
				failed++
			}
			continue
		}
		switch s := stmt.(type) {
		case *sqlparser.CreateTable:
			if s.TableSpec == nil {
				continue
			}
			table := s.Table.Name.String()
			for _, c := range s.TableSpec.Columns {
				if c.Type.Options != nil && c.Type.Options.KeyOpt != sqlparser.ColKeyNone &&
					c.Type.Options.KeyOpt != sqlparser.ColKeySpatialKey && c.Type.Options.KeyOpt != sqlparser.ColKeyFulltextKey &&
					c.Type.Options.KeyOpt != sqlparser.ColKey {
					out[key(table, []string{c.Name.String()})] = true
				}
			}
			for _, idx := range s.TableSpec.Indexes {
				addIndex(out, table, idx)
			}
		case *sqlparser.AlterTable:
			for _, o := range s.AlterOptions {
				switch a := o.(type) {
				case *sqlparser.AddIndexDefinition:
					addIndex(out, s.Table.Name.String(), a.IndexDefinition)
				case *sqlparser.AddColumns:
				default:
					changes = true
				}
			}
		case *sqlparser.RenameTable:
			// Keys move with the table: declared under either name.
			for _, pair := range s.TablePairs {
				from, to := strings.ToLower(pair.FromTable.Name.String())+"(", strings.ToLower(pair.ToTable.Name.String())+"("
				for k := range out {
					if strings.HasPrefix(k, from) {
						out[to+strings.TrimPrefix(k, from)] = true
					}
				}
			}
			changes = true
		case *sqlparser.DropTable:
			changes = true
		}
	}
	return out, failed, changes
}

func addIndex(out keySet, table string, idx *sqlparser.IndexDefinition) {
	if !idx.Info.IsUnique() {
		return
	}
	var cols []string
	for _, c := range idx.Columns {
		if c.Expression != nil {
			return
		}
		cols = append(cols, c.Column.String())
	}
	out[key(table, cols)] = true
}

// TestMySQLAgainstVitess: on the files vitess parses completely, every key
// the replay reports was declared, and for files that only create, the key
// sets are equal.
func TestMySQLAgainstVitess(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(corpus, "mysql", "*.sql"))
	compared, skipped, equal := 0, 0, 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		oracle, failed, changes := mysqlKeys(string(b))
		if failed > 0 {
			t.Logf("%s: vitess rejects %d statement(s); not compared", filepath.Base(f), failed)
			skipped++
			continue
		}
		got := ours(string(b), sqlscan.MySQL)
		for k := range got {
			if !oracle[k] {
				t.Errorf("%s: replay reports %s, which vitess does not see declared", filepath.Base(f), k)
			}
		}
		if !changes {
			equal++
			for k := range oracle {
				if !got[k] {
					t.Errorf("%s: vitess sees %s declared; the replay misses it", filepath.Base(f), k)
				}
			}
		}
		compared += len(got)
	}
	if compared < 100 || equal < 5 {
		t.Errorf("only %d keys and %d whole files compared: the oracle is not reading the corpus", compared, equal)
	}
	t.Logf("%d MySQL files (%d not parsed by vitess, %d compared whole), %d keys compared", len(files), skipped, equal, compared)
}
