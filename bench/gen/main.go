// Command gen writes a large GORM module for the benchmark harness: model
// packages, service packages with get-or-create code (some backed by a
// unique key, some not), helper packages without any database code, and a
// folder of SQL migrations. It is deterministic: the same flags give the
// same module, so runs on different days compare.
//
// Usage:
//
//	go run ./bench/gen -out DIR [-pkgs 300] [-migrations 2000]
//
// It writes go.mod without go.sum (run go mod tidy in DIR) and a file
// EXPECTED holding the number of findings the linter must report.
package main

import (
	"flag"
	"fmt"
	"go/format"
	"log"
	"os"
	"path/filepath"
	"strings"

	gormschema "gorm.io/gorm/schema"
)

const (
	modulePath    = "example.com/benchgen"
	modelsPerPkg  = 6
	gormVersion   = "v1.31.2"
	migrationsDir = "db/migrations"
)

func main() {
	out := flag.String("out", "", "directory to write the module into (created; must be empty or absent)")
	pkgs := flag.Int("pkgs", 300, "number of Go packages")
	migs := flag.Int("migrations", 2000, "number of .sql migration files")
	flag.Parse()
	if *out == "" || *pkgs < 10 || *migs < 1 {
		flag.Usage()
		os.Exit(2)
	}
	g := newGen(*pkgs, *migs)
	if err := g.write(*out); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("wrote %s: %d packages (%d model, %d service, %d helper, 1 main), %d migration files, %d expected findings\n",
		*out, *pkgs, g.nModels, g.nServices, g.nUtils, *migs, g.expected)
}

// gen holds the layout: how many packages of each kind, and what the
// migrations do to each table.
type gen struct {
	nModels, nServices, nUtils int
	nMigrations                int
	files                      map[string][]byte
	expected                   int
}

func newGen(pkgs, migs int) *gen {
	g := &gen{nMigrations: migs, files: map[string][]byte{}}
	g.nModels = max(pkgs/10, 1)
	g.nUtils = max(pkgs/15, 1)
	g.nServices = pkgs - g.nModels - g.nUtils - 1 // one main package
	return g
}

// modelName names model i of model package k; tableName is GORM's table
// for it. Every third model has a TableName method with a prefix constant
// declared in another file, as real code often does.
func modelName(k, i int) string  { return fmt.Sprintf("Account%dx%d", k, i) }
func hasTableName(k, i int) bool { return (k+i)%3 == 0 }
func tableName(k, i int) string {
	if hasTableName(k, i) {
		return fmt.Sprintf("app_account%dx%d", k, i)
	}
	// GORM's own naming: its pluraliser leaves names ending in a digit.
	return gormschema.NamingStrategy{}.TableName(modelName(k, i))
}

// codeKeyDropped: a later migration drops the unique index on code for
// model 5 of each package, so a lookup by code becomes a finding.
func codeKeyDropped(i int) bool { return i == modelsPerPkg-1 }

func (g *gen) write(dir string) error {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s is not empty", dir)
	}
	g.add("go.mod", []byte(fmt.Sprintf("module %s\n\ngo 1.26\n\nrequire gorm.io/gorm %s\n", modulePath, gormVersion)))
	for k := 0; k < g.nModels; k++ {
		g.models(k)
	}
	for u := 0; u < g.nUtils; u++ {
		g.util(u)
	}
	for s := 0; s < g.nServices; s++ {
		g.service(s)
	}
	g.mainPkg()
	g.migrations()
	g.add("EXPECTED", []byte(fmt.Sprintf("%d\n", g.expected)))
	for name, data := range g.files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func (g *gen) add(name string, data []byte) { g.files[name] = data }

// addGo formats Go source; a generator bug fails loudly here rather than
// as a confusing type error in the benchmark.
func (g *gen) addGo(name, src string) {
	b, err := format.Source([]byte(src))
	if err != nil {
		log.Fatalf("%s: %v\n%s", name, err, src)
	}
	g.add(name, b)
}

func (g *gen) models(k int) {
	var b strings.Builder
	fmt.Fprintf(&b, "// Package m%d holds GORM models.\npackage m%d\n\nimport (\n\t\"time\"\n\n\t\"gorm.io/gorm\"\n)\n\n", k, k)
	for i := 0; i < modelsPerPkg; i++ {
		name := modelName(k, i)
		// Keys are partial (live rows only), as they should be on a
		// soft-deleted model, so that only the race findings show.
		fmt.Fprintf(&b, `// %[1]s is unique by email (tag), by (tenant, slug) (tag) and by code
// (migrations); its name is not unique.
type %[1]s struct {
	gorm.Model
	Email    string `+"`gorm:\"uniqueIndex:idx_%[2]s_email,where:deleted_at IS NULL;size:255\"`"+`
	Name     string `+"`gorm:\"size:100\"`"+`
	Code     string
	TenantID uint   `+"`gorm:\"uniqueIndex:idx_%[2]s_tenant_slug,where:deleted_at IS NULL\"`"+`
	Slug     string `+"`gorm:\"uniqueIndex:idx_%[2]s_tenant_slug\"`"+`
	Note     *string
	Score    int
	Active   bool
	SeenAt   time.Time
	Tags     []Label%[3]d `+"`gorm:\"many2many:%[2]s_labels\"`"+`
}

func (a *%[1]s) Label() string { return a.Name + " <" + a.Email + ">" }

func (a *%[1]s) Touch(now time.Time) { a.SeenAt = now; a.Score++ }
`, name, strings.ToLower(name), k)
		if hasTableName(k, i) {
			fmt.Fprintf(&b, "\nfunc (%s) TableName() string { return tablePrefix + %q }\n", name, strings.ToLower(name))
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "// Label%[1]d is a tag attached to accounts.\ntype Label%[1]d struct {\n\tID   uint\n\tText string `gorm:\"uniqueIndex\"`\n}\n", k)
	g.addGo(fmt.Sprintf("models/m%d/models.go", k), b.String())
	g.addGo(fmt.Sprintf("models/m%d/names.go", k), fmt.Sprintf("package m%d\n\n// tablePrefix is the schema's table prefix.\nconst tablePrefix = \"app_\"\n", k))
}

// util writes a helper package without database code. Each imports the
// previous one, so the import graph has depth.
func (g *gen) util(u int) {
	var b strings.Builder
	fmt.Fprintf(&b, "// Package u%d has helpers.\npackage u%d\n\nimport (\n\t\"sort\"\n\t\"strings\"\n\t\"unicode\"\n", u, u)
	if u > 0 {
		fmt.Fprintf(&b, "\n\tprev %q\n", fmt.Sprintf("%s/internal/util/u%d", modulePath, u-1))
	}
	b.WriteString(")\n\n")
	b.WriteString(filler("Util", 12))
	if u > 0 {
		b.WriteString("\n// Chain uses the previous helper package.\nfunc Chain(s string) string { return prev.Normalize(s) }\n")
	}
	b.WriteString(`
// Normalize lower-cases s and drops what is not a letter or digit.
func Normalize(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
}

// SortedKeys returns the keys of m in order.
func SortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
`)
	g.addGo(fmt.Sprintf("internal/util/u%d/util.go", u), b.String())
}

// service writes a package of data-access code. Two thirds of the
// packages have get-or-create code; the others only read and insert, so
// the linter must leave them alone (and read no file for them).
func (g *gen) service(s int) {
	k := s % g.nModels
	i := s % modelsPerPkg
	model := fmt.Sprintf("m%d.%s", k, modelName(k, i))
	candidates := s%3 != 0
	var b strings.Builder
	fmt.Fprintf(&b, "// Package s%d reads and writes accounts.\npackage s%d\n\nimport (\n\t\"context\"\n", s, s)
	if candidates {
		b.WriteString("\t\"errors\"\n\t\"fmt\"\n")
	}
	b.WriteString("\t\"strings\"\n\n\t\"gorm.io/gorm\"\n\n")
	fmt.Fprintf(&b, "\t%q\n\t%q\n)\n\n", fmt.Sprintf("%s/models/m%d", modulePath, k), fmt.Sprintf("%s/internal/util/u%d", modulePath, s%g.nUtils))
	fmt.Fprintf(&b, "// Store is the data access of package s%d.\ntype Store struct{ db *gorm.DB }\n\n", s)
	fmt.Fprintf(&b, `// Get reads by primary key.
func (s *Store) Get(ctx context.Context, id uint) (*%[1]s, error) {
	var a %[1]s
	err := s.db.WithContext(ctx).First(&a, id).Error
	return &a, err
}

// List reads a page of accounts by name prefix.
func (s *Store) List(ctx context.Context, prefix string, limit int) ([]%[1]s, error) {
	var out []%[1]s
	err := s.db.WithContext(ctx).Where("name LIKE ?", u%[2]d.Normalize(prefix)+"%%").Limit(limit).Find(&out).Error
	return out, err
}

// Insert adds a row.
func (s *Store) Insert(ctx context.Context, email string) error {
	return s.db.WithContext(ctx).Create(&%[1]s{Email: strings.ToLower(email)}).Error
}

// Rename updates one column.
func (s *Store) Rename(ctx context.Context, id uint, name string) error {
	return s.db.WithContext(ctx).Model(&%[1]s{}).Where("id = ?", id).Update("name", name).Error
}
`, model, s%g.nUtils)
	if candidates {
		fmt.Fprintf(&b, `
// ByEmail is safe: email has a unique index (tag).
func (s *Store) ByEmail(ctx context.Context, email string) (*%[1]s, error) {
	var a %[1]s
	err := s.db.WithContext(ctx).Where(%[1]s{Email: email}).FirstOrCreate(&a).Error
	return &a, err
}

// ByName races: nothing makes name unique.
func (s *Store) ByName(ctx context.Context, name string) (*%[1]s, error) {
	var a %[1]s
	err := s.db.WithContext(ctx).Where("name = ?", name).FirstOrCreate(&a).Error
	return &a, err
}

// ByCode looks up, then inserts on a miss; the migrations decide.
func (s *Store) ByCode(ctx context.Context, code string) (*%[1]s, error) {
	var a %[1]s
	err := s.db.WithContext(ctx).First(&a, "code = ?", code).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		a = %[1]s{Code: code}
		err = s.db.WithContext(ctx).Create(&a).Error
	}
	return &a, err
}

// BySlug is safe: (tenant_id, slug) is a composite unique index (tags).
func (s *Store) BySlug(ctx context.Context, tenant uint, slug string) (*%[1]s, error) {
	var a %[1]s
	err := s.db.WithContext(ctx).Where("tenant_id = ? AND slug = ?", tenant, slug).First(&a).Error
	if err == nil {
		return &a, nil
	}
	if !errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, fmt.Errorf("by slug: %%w", err)
	}
	a = %[1]s{TenantID: tenant, Slug: slug}
	return &a, s.db.WithContext(ctx).Create(&a).Error
}

// EnsureScore counts, then inserts: nothing makes (name, score) unique.
func (s *Store) EnsureScore(name string, score int) error {
	var n int64
	if err := s.db.Model(&%[1]s{}).Where("name = ? AND score = ?", name, score).Count(&n).Error; err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	return s.db.Create(&%[1]s{Name: name, Score: score}).Error
}

// InTx is safe: the lookup by email runs in a transaction, still backed.
func (s *Store) InTx(email string) error {
	return s.db.Transaction(func(tx *gorm.DB) error {
		var a %[1]s
		return tx.Where(&%[1]s{Email: email}).FirstOrCreate(&a).Error
	})
}
`, model)
		g.expected += 2 // ByName, EnsureScore
		if codeKeyDropped(i) {
			g.expected++ // ByCode: the migrations dropped the key
		}
	}
	b.WriteString("\n")
	b.WriteString(filler("Svc", 16))
	g.addGo(fmt.Sprintf("services/s%d/store.go", s), b.String())
}

func (g *gen) mainPkg() {
	var b strings.Builder
	b.WriteString("// Command app wires the services.\npackage main\n\nimport (\n\t\"fmt\"\n\n")
	n := min(g.nServices, 20)
	for s := 0; s < n; s++ {
		fmt.Fprintf(&b, "\ts%d %q\n", s, fmt.Sprintf("%s/services/s%d", modulePath, s))
	}
	b.WriteString(")\n\nfunc main() {\n")
	for s := 0; s < n; s++ {
		fmt.Fprintf(&b, "\tfmt.Println(s%d.SvcScore0(\"x\", %d))\n", s, s)
	}
	b.WriteString("}\n")
	g.addGo("cmd/app/main.go", b.String())
}

// filler returns n functions of ordinary code (strings, maps, slices,
// switches, closures, structs), so type-checking costs what it costs in a
// real package.
func filler(prefix string, n int) string {
	var b strings.Builder
	for j := 0; j < n; j++ {
		switch j % 4 {
		case 0:
			fmt.Fprintf(&b, `// %[1]sScore%[2]d scores a word.
func %[1]sScore%[2]d(word string, base int) int {
	score := base
	for i, r := range word {
		switch {
		case r >= 'a' && r <= 'z':
			score += int(r-'a') * (i + 1)
		case r >= 'A' && r <= 'Z':
			score += int(r-'A') * 2
		default:
			score--
		}
	}
	return score %% 1000
}

`, prefix, j)
		case 1:
			fmt.Fprintf(&b, `// %[1]sRecord%[2]d is a row of a report.
type %[1]sRecord%[2]d struct {
	Key    string
	Values []float64
	Meta   map[string]string
}

// Mean returns the mean of the values.
func (r %[1]sRecord%[2]d) Mean() float64 {
	if len(r.Values) == 0 {
		return 0
	}
	sum := 0.0
	for _, v := range r.Values {
		sum += v
	}
	return sum / float64(len(r.Values))
}

`, prefix, j)
		case 2:
			fmt.Fprintf(&b, `// %[1]sGroup%[2]d groups words by their first letter.
func %[1]sGroup%[2]d(words []string) map[byte][]string {
	out := make(map[byte][]string, len(words))
	for _, w := range words {
		if w == "" {
			continue
		}
		out[w[0]] = append(out[w[0]], w)
	}
	return out
}

`, prefix, j)
		case 3:
			fmt.Fprintf(&b, `// %[1]sApply%[2]d applies fs in order, stopping at the first error.
func %[1]sApply%[2]d(v int, fs ...func(int) (int, error)) (int, error) {
	for _, f := range fs {
		next, err := f(v)
		if err != nil {
			return v, err
		}
		v = next
	}
	return v, nil
}

`, prefix, j)
		}
	}
	return b.String()
}

// migrations writes golang-migrate style files: for every table a create
// and a unique index on code, then a mix of what real histories hold
// (columns added, plain indexes, functions with dollar-quoted bodies, seed
// data, comments) until there are nMigrations files. The code index of the
// last model of each package is dropped again near the end.
func (g *gen) migrations() {
	type table struct{ k, i int }
	var tables []table
	for k := 0; k < g.nModels; k++ {
		for i := 0; i < modelsPerPkg; i++ {
			tables = append(tables, table{k, i})
		}
	}
	n := 0
	emit := func(desc, body string) {
		if n >= g.nMigrations {
			return
		}
		n++
		g.add(fmt.Sprintf("%s/%05d_%s.up.sql", migrationsDir, n, desc), []byte(body))
	}
	for _, t := range tables {
		name := tableName(t.k, t.i)
		emit("create_"+name, fmt.Sprintf(`-- %[1]s holds accounts.
CREATE TABLE %[1]s (
    id         bigserial PRIMARY KEY,
    created_at timestamptz,
    updated_at timestamptz,
    deleted_at timestamptz,
    email      varchar(255) NOT NULL,
    name       varchar(100),
    code       text,
    tenant_id  bigint,
    slug       text,
    note       text,
    score      bigint NOT NULL DEFAULT 0,
    active     boolean NOT NULL DEFAULT false,
    seen_at    timestamptz
);
CREATE UNIQUE INDEX idx_%[1]s_email ON %[1]s (email) WHERE deleted_at IS NULL;
CREATE INDEX idx_%[1]s_deleted_at ON %[1]s (deleted_at);
`, name))
	}
	for _, t := range tables {
		name := tableName(t.k, t.i)
		emit("code_"+name, fmt.Sprintf("CREATE UNIQUE INDEX %[1]s_code_key ON %[1]s (code) WHERE deleted_at IS NULL;\n", name))
	}
	var dropped []string
	for _, t := range tables {
		if codeKeyDropped(t.i) {
			dropped = append(dropped, tableName(t.k, t.i))
		}
	}
	reserve := len(dropped)
	for j := 0; n < g.nMigrations-reserve; j++ {
		name := tableName(tables[j%len(tables)].k, tables[j%len(tables)].i)
		switch j % 5 {
		case 0:
			emit("add_col_"+name, fmt.Sprintf("ALTER TABLE %s ADD COLUMN extra_%d text;\nCOMMENT ON COLUMN %s.extra_%d IS 'added in %d; it''s free text';\n", name, j, name, j, j))
		case 1:
			emit("idx_"+name, fmt.Sprintf("CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_%s_%d ON %s USING btree (score, created_at DESC) WHERE active;\n", name, j, name))
		case 2:
			emit("fn_"+name, fmt.Sprintf(`CREATE OR REPLACE FUNCTION touch_%[1]s_%[2]d() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- not a statement boundary; UNIQUE in a body is not a key
    NEW.updated_at := now();
    IF NEW.note IS NULL THEN NEW.note := 'a; b'; END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER trg_%[1]s_%[2]d BEFORE UPDATE ON %[1]s FOR EACH ROW EXECUTE FUNCTION touch_%[1]s_%[2]d();
`, name, j))
		case 3:
			var rows strings.Builder
			for r := 0; r < 20; r++ {
				if r > 0 {
					rows.WriteString(",\n")
				}
				fmt.Fprintf(&rows, "    ('seed%d_%d@example.com', 'Seed %d', %d)", j, r, r, r*7)
			}
			emit("seed_"+name, fmt.Sprintf("INSERT INTO %s (email, name, score) VALUES\n%s\nON CONFLICT DO NOTHING;\n", name, rows.String()))
		case 4:
			emit("tmp_"+name, fmt.Sprintf("CREATE TABLE tmp_%[1]s_%[2]d (id bigint, v text UNIQUE);\nINSERT INTO tmp_%[1]s_%[2]d SELECT id, email FROM %[1]s;\nDROP TABLE tmp_%[1]s_%[2]d;\n", name, j))
		}
	}
	for _, name := range dropped {
		emit("drop_code_"+name, fmt.Sprintf("DROP INDEX %s_code_key;\n", name))
	}
}
