package plugin_test

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/getorcreatelint/getorcreatelint/plugin"
)

// build goes the way golangci-lint does: look the plugin up by name in the
// registry, construct it from the settings, ask for its analyzers.
func build(t *testing.T, settings any) (register.LinterPlugin, *analysis.Analyzer, error) {
	t.Helper()
	newPlugin, err := register.GetPlugin(plugin.Name)
	if err != nil {
		t.Fatalf("plugin not registered: %v", err)
	}
	p, err := newPlugin(settings)
	if err != nil {
		return nil, nil, err
	}
	analyzers, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatalf("BuildAnalyzers: %v", err)
	}
	if len(analyzers) != 1 {
		t.Fatalf("BuildAnalyzers returned %d analyzers, want 1", len(analyzers))
	}
	return p, analyzers[0], nil
}

func mustBuild(t *testing.T, settings any) *analysis.Analyzer {
	t.Helper()
	_, a, err := build(t, settings)
	if err != nil {
		t.Fatalf("settings %v: %v", settings, err)
	}
	return a
}

func TestNoSettingsMeansDefaults(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), mustBuild(t, nil), "defaults")
}

// golangci-lint hands over the YAML as generic values: lists as []any,
// booleans and strings as such.
func TestSettingsAreFlagNames(t *testing.T) {
	a := mustBuild(t, map[string]any{"strict": true, "gorm-table-prefix": "app_"})
	analysistest.Run(t, analysistest.TestData(), a, "strictprefix")
}

func TestCategoriesAsList(t *testing.T) {
	a := mustBuild(t, map[string]any{"categories": []any{"directive"}})
	analysistest.Run(t, analysistest.TestData(), a, "categories")
}

func TestListsAlsoAsCommaSeparatedStrings(t *testing.T) {
	a := mustBuild(t, map[string]any{"migrations": "db/one, db/two", "exclude": []any{"gen/**", "vendor"}})
	if got := a.Flags.Lookup("migrations").Value.String(); got != "db/one,db/two" {
		t.Errorf("migrations = %q, want db/one,db/two", got)
	}
	if got := a.Flags.Lookup("exclude").Value.String(); got != "gen/**,vendor" {
		t.Errorf("exclude = %q, want gen/**,vendor", got)
	}
}

func TestEachPluginHasItsOwnOptions(t *testing.T) {
	strict := mustBuild(t, map[string]any{"strict": true})
	plain := mustBuild(t, nil)
	if strict == plain {
		t.Fatal("two plugins share one analyzer")
	}
	if got := plain.Flags.Lookup("strict").Value.String(); got != "false" {
		t.Errorf("a plugin built without settings has strict=%s after another was built with strict: true", got)
	}
}

func TestLoadModeIsTypesInfo(t *testing.T) {
	p, _, err := build(t, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode() = %q, want %q", got, register.LoadModeTypesInfo)
	}
}

func TestBadSettingsAreErrors(t *testing.T) {
	for _, tc := range []struct {
		name     string
		settings any
		want     []string // substrings of the error
	}{
		{"unknown key", map[string]any{"strictt": true}, []string{`unknown option "strictt"`, "strict"}},
		{"camel case", map[string]any{"gormTablePrefix": "app_"}, []string{`unknown option "gormTablePrefix"`, "gorm-table-prefix"}},
		{"bad boolean", map[string]any{"strict": "sometimes"}, []string{`option "strict"`}},
		{"unknown category", map[string]any{"categories": []any{"nope"}}, []string{`unknown category "nope"`}},
		{"bad dialect", map[string]any{"dialect": "oracle"}, []string{`unknown dialect "oracle"`}},
		{"not a mapping", []any{"strict"}, []string{"mapping of option names"}},
		{"dsn", map[string]any{"dsn": "postgres://localhost/app"}, []string{"dsn", "must not choose where the linter connects", "migrations"}},
		{"empty dsn", map[string]any{"dsn": ""}, []string{"dsn cannot be set"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := build(t, tc.settings)
			if err == nil {
				t.Fatalf("settings %v accepted, want an error", tc.settings)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
	// The keys an unknown key's error offers are those the settings take.
	if _, _, err := build(t, map[string]any{"strictt": true}); err == nil || strings.Contains(err.Error(), "dsn") {
		t.Errorf("unknown key: error %v offers dsn, which the settings refuse", err)
	}
}

// Everything the plugin imports is compiled into golangci-lint: the
// database drivers must stay out.
func TestNoDatabaseDriversLinked(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		for _, heavy := range []string{"/livedb", "github.com/jackc/pgx", "github.com/go-sql-driver/mysql", "modernc.org/sqlite"} {
			if strings.Contains(dep, heavy) {
				t.Errorf("the plugin links %s", dep)
			}
		}
	}
}
