// Package plugin registers getorcreatelint as a golangci-lint v2 module
// plugin. Build a golangci-lint binary that includes it with
// `golangci-lint custom` (see .custom-gcl.example.yml) and enable it in
// .golangci.yml (see .golangci.example.yml).
//
// The settings under linters.settings.custom.getorcreatelint.settings are
// the command-line flags without the dash (strict, migrations,
// gorm-table-prefix, ...), applied through the same code as the flags and
// .getorcreatelint.yml, so every option has one name everywhere.
//
// The package imports only the analyzer and the registry: everything it
// imports is compiled into the golangci-lint binary.
package plugin

import (
	"flag"
	"fmt"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/getorcreatelint/getorcreatelint/analyzer"
)

// Name is the linter's name in golangci-lint: the key under
// linters.settings.custom, in linters.enable and in //nolint comments.
const Name = "getorcreatelint"

func init() { register.Plugin(Name, New) }

type plugin struct{ analyzer *analysis.Analyzer }

// New builds the plugin from golangci-lint's settings: a map keyed by flag
// name (nil when the configuration has no settings). Unknown keys and
// malformed values are errors, which golangci-lint reports before running.
func New(settings any) (register.LinterPlugin, error) {
	// The round trip through JSON turns whatever the configuration loader
	// produced into plain maps, lists, strings, numbers and booleans.
	m, err := register.DecodeSettings[map[string]any](settings)
	if err != nil {
		return nil, fmt.Errorf("%s settings must be a mapping of option names to values: %w", Name, err)
	}
	// The settings come from the repository's .golangci.yml, which must not
	// choose where the linter connects or what it sends there; and the
	// plugin links no database driver anyway.
	if _, ok := m["dsn"]; ok {
		return nil, fmt.Errorf("%s settings: dsn cannot be set here: the settings come from the repository, "+
			"which must not choose where the linter connects, and the plugin does not link database drivers; "+
			"declare the unique keys in migrations (the migrations setting), or run the getorcreatelint binary "+
			"with -dsn (or $GETORCREATELINT_DSN) in a separate step", Name)
	}
	a := analyzer.New(analyzer.DefaultOptions())
	// The settings may set every option but dsn, and an unknown key's
	// error lists only those.
	settable := flag.NewFlagSet(Name, flag.ContinueOnError)
	a.Flags.VisitAll(func(f *flag.Flag) {
		if f.Name != "dsn" {
			settable.Var(f.Value, f.Name, f.Usage)
		}
	})
	if err := analyzer.Apply(settable, m); err != nil {
		return nil, fmt.Errorf("%s settings: %w", Name, err)
	}
	return &plugin{analyzer: a}, nil
}

func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return []*analysis.Analyzer{p.analyzer}, nil
}

// GetLoadMode asks for full type information: models, their struct tags
// and the called methods are resolved through go/types.
func (p *plugin) GetLoadMode() string { return register.LoadModeTypesInfo }
