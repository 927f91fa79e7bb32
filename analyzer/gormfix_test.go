package analyzer_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
	gormschema "gorm.io/gorm/schema"

	"github.com/getorcreatelint/getorcreatelint/analyzer"
)

// TestGORMTagFixesCombine applies the fixes of findings that edit the same
// fields: one gorm key per field holding every setting, multi-name
// declarations split, and no fix where the edit is unsafe.
func TestGORMTagFixesCombine(t *testing.T) {
	t.Parallel()
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), analyzer.New(analyzer.Options{}), "gormfix")
}

// TestGORMTagFixesResult type-checks the fixed package (the golden files),
// asks GORM's own schema.Parse which keys its models declare, and runs the
// analyzer on it again: only the finding that was offered no fix remains.
func TestGORMTagFixesResult(t *testing.T) {
	t.Parallel()
	pkgs := loadFixture(t, "*.go.golden")

	want := map[string]string{
		"Seat":  "primary key (id); unique index idx_seats_member (member); unique index idx_seats_team_member (team, member)",
		"Desk":  "primary key (id); unique index idx_desks_team (team); unique index idx_desks_team_member (team, member)",
		"Label": "primary key (id); unique index idx_labels_name (name)",
		"Pair":  "primary key (id); unique index idx_pairs_left_right (left, right)",
		"Badge": "primary key (id); unique index idx_badges_code (code)",
		"Shelf": "primary key (id); unique index idx_shelves_row (row)",
		"Tray":  "primary key (id)",
		"Box":   "primary key (id); unique index idx_boxes_label (label)",
	}
	scope := pkgs[0].Types.Scope()
	for model, keys := range want {
		obj := scope.Lookup(model)
		if obj == nil {
			t.Errorf("no model %s in the fixed package", model)
			continue
		}
		if got := fixedModelKeys(t, model, obj.Type().Underlying().(*types.Struct)); got != keys {
			t.Errorf("GORM reads %s as\n%s\nwant\n%s", model, got, keys)
		}
	}

	graph, err := checker.Analyze([]*analysis.Analyzer{analyzer.New(analyzer.Options{})}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var left []string
	for act := range graph.All() {
		if act.Err != nil {
			t.Fatal(act.Err)
		}
		for _, d := range act.Diagnostics {
			left = append(left, d.Message)
		}
	}
	sort.Strings(left)
	// Box's (owner, label) lookup is backed by the index on label alone.
	if len(left) != 1 || !strings.HasPrefix(left[0], "FirstOrCreate on trays looks up (kind)") {
		t.Errorf("after the fixes the analyzer reports\n%s\nwant only trays (kind), which was offered no fix", strings.Join(left, "\n"))
	}
}

// fixedModelKeys builds the struct at run time (the fixture's fields are all
// of basic types) and describes the keys GORM's schema.Parse finds in it.
func fixedModelKeys(t *testing.T, model string, st *types.Struct) string {
	t.Helper()
	var fields []reflect.StructField
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		var typ reflect.Type
		switch b, _ := f.Type().(*types.Basic); {
		case b != nil && b.Kind() == types.Uint:
			typ = reflect.TypeFor[uint]()
		case b != nil && b.Kind() == types.String:
			typ = reflect.TypeFor[string]()
		default:
			t.Fatalf("%s.%s: field type %s not in the fixture's repertoire", model, f.Name(), f.Type())
		}
		fields = append(fields, reflect.StructField{Name: f.Name(), Type: typ, Tag: reflect.StructTag(st.Tag(i))})
	}
	s, err := gormschema.Parse(reflect.New(reflect.StructOf(fields)).Interface(), &sync.Map{}, fixedTable{name: model})
	if err != nil {
		t.Fatalf("gorm schema.Parse(%s): %v", model, err)
	}
	var out []string
	if len(s.PrimaryFieldDBNames) > 0 {
		out = append(out, "primary key ("+strings.Join(s.PrimaryFieldDBNames, ", ")+")")
	}
	for name, u := range s.ParseUniqueConstraints() {
		out = append(out, "unique constraint "+name+" ("+u.Field.DBName+")")
	}
	for _, idx := range s.ParseIndexes() {
		if strings.EqualFold(idx.Class, "UNIQUE") {
			var cols []string
			for _, f := range idx.Fields {
				cols = append(cols, f.DBName)
			}
			out = append(out, "unique index "+idx.Name+" ("+strings.Join(cols, ", ")+")")
		}
	}
	sort.Strings(out)
	return strings.Join(out, "; ")
}

// fixedTable names the table of a struct built with reflect.StructOf, which
// has no type name, as GORM's default naming strategy names the model's.
type fixedTable struct {
	gormschema.NamingStrategy
	name string
}

func (n fixedTable) TableName(string) string { return n.NamingStrategy.TableName(n.name) }

func copyFixedTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, path)
		writeFixedFile(t, filepath.Join(to, rel), data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func writeFixedFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// loadFixture copies the gormfix files matching glob (without a .golden
// suffix) and the gorm stub into a GOPATH and loads them, type-checked.
func loadFixture(t *testing.T, glob string) []*packages.Package {
	t.Helper()
	gopath := t.TempDir()
	copyFixedTree(t, filepath.Join("testdata", "src", "gorm.io"), filepath.Join(gopath, "src", "gorm.io"))
	files, err := filepath.Glob(filepath.Join("testdata", "src", "gormfix", glob))
	if err != nil || len(files) == 0 {
		t.Fatalf("fixture files %s: %v", glob, err)
	}
	dir := filepath.Join(gopath, "src", "gormfix")
	for _, g := range files {
		data, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		writeFixedFile(t, filepath.Join(dir, strings.TrimSuffix(filepath.Base(g), ".golden")), data)
	}
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  dir,
		Env:  append(os.Environ(), "GOPATH="+gopath, "GO111MODULE=off", "GOPROXY=off", "GOFLAGS="),
	}
	pkgs, err := packages.Load(cfg, "gormfix")
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("the package does not type-check")
	}
	return pkgs
}

// TestGORMTagFixAppliedAlone applies each fix on its own, as an editor
// does, and checks with GORM that the model then has every key the
// finding asked for and no partial composite key: the fix of a lookup on
// (member) also completes the (team, member) index its field takes part in.
func TestGORMTagFixAppliedAlone(t *testing.T) {
	t.Parallel()
	pkgs := loadFixture(t, "*.go")
	graph, err := checker.Analyze([]*analysis.Analyzer{analyzer.New(analyzer.Options{})}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	fixed := 0
	for act := range graph.All() {
		for _, d := range act.Diagnostics {
			for _, fix := range d.SuggestedFixes {
				fixed++
				file := act.Package.Fset.File(fix.TextEdits[0].Pos)
				src, err := os.ReadFile(file.Name())
				if err != nil {
					t.Fatal(err)
				}
				edits := slices.Clone(fix.TextEdits)
				slices.SortFunc(edits, func(a, b analysis.TextEdit) int { return int(b.Pos - a.Pos) })
				for _, e := range edits {
					if act.Package.Fset.File(e.Pos) != file {
						t.Fatalf("%s: a fix edits two files", d.Message)
					}
					start, end := file.Offset(e.Pos), file.Offset(e.End)
					src = append(src[:start:start], append(e.NewText, src[end:]...)...)
				}
				model := modelOf(d.Message)
				st := structFromSource(t, src, model)
				keys := fixedModelKeys(t, model, st)
				for _, want := range keysAfterOwnFix[d.Message[:strings.Index(d.Message, " but ")]] {
					if !strings.Contains(keys, want) {
						t.Errorf("%s: after its fix alone GORM reads %s as\n%s\nwant %s among them", d.Message, model, keys, want)
					}
				}
				// Every composite index has all its columns.
				for _, part := range strings.Split(keys, "; ") {
					if strings.Contains(part, "_team_member (") && !strings.HasSuffix(part, "(team, member)") {
						t.Errorf("%s: a partial composite key after its fix alone: %s", d.Message, part)
					}
				}
			}
		}
	}
	if fixed == 0 {
		t.Fatal("no fixes offered")
	}
}

// keysAfterOwnFix names the key each lookup's fix must create, by the
// start of its message.
var keysAfterOwnFix = map[string][]string{
	"FirstOrCreate on seats looks up (member)":       {"idx_seats_member (member)", "idx_seats_team_member (team, member)"},
	"FirstOrCreate on seats looks up (team, member)": {"idx_seats_team_member (team, member)"},
	"FirstOrCreate on desks looks up (team)":         {"idx_desks_team (team)", "idx_desks_team_member (team, member)"},
	"FirstOrCreate on desks looks up (team, member)": {"idx_desks_team_member (team, member)"},
	"FirstOrCreate on labels looks up (name)":        {"idx_labels_name (name)"},
	"FirstOrCreate on pairs looks up (left, right)":  {"idx_pairs_left_right (left, right)"},
	"FirstOrCreate on badges looks up (code)":        {"idx_badges_code (code)"},
	"FirstOrCreate on shelves looks up (row)":        {"idx_shelves_row (row)"},
	"FirstOrCreate on boxes looks up (label)":        {"idx_boxes_label (label)"},
}

// modelOf takes the model from a fix message's "to Model.Field".
func modelOf(msg string) string {
	i := strings.Index(msg, `" to `)
	rest := msg[i+len(`" to `):]
	return rest[:strings.IndexByte(rest, '.')]
}

// structFromSource type-checks the fixed file alone (gorm faked) and
// returns the struct type named model.
func structFromSource(t *testing.T, src []byte, model string) *types.Struct {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "fixed.go", src, 0)
	if err != nil {
		t.Fatalf("the fixed file does not parse: %v\n%s", err, src)
	}
	// The models use no import: check only their declarations.
	var decls []ast.Decl
	for _, d := range f.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.TYPE {
			decls = append(decls, d)
		}
	}
	f.Decls, f.Imports = decls, nil
	pkg, err := new(types.Config).Check("gormfix", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatalf("the fixed models do not type-check: %v", err)
	}
	obj := pkg.Scope().Lookup(model)
	if obj == nil {
		t.Fatalf("no model %s", model)
	}
	return obj.Type().Underlying().(*types.Struct)
}
