package analyzer

import (
	"flag"

	gormschema "gorm.io/gorm/schema"
)

// Options configures the analyzer. One type serves the command-line flags,
// the golangci-lint plugin settings and the configuration file, so that
// every option has the same name everywhere.
type Options struct {
	// Strict also reports lookups whose model, table or columns cannot be
	// resolved, as "lookup columns unknown" (category unknown-lookup).
	Strict bool `json:"strict"`

	// GORMTablePrefix and GORMSingularTable mirror the application's
	// gorm.Config NamingStrategy, so that table names match.
	GORMTablePrefix   string `json:"gormTablePrefix"`
	GORMSingularTable bool   `json:"gormSingularTable"`
}

// BindFlags registers the options as flags on fs.
func (o *Options) BindFlags(fs *flag.FlagSet) {
	fs.BoolVar(&o.Strict, "strict", o.Strict,
		"also report lookups whose columns, model or table cannot be resolved")
	fs.StringVar(&o.GORMTablePrefix, "gorm-table-prefix", o.GORMTablePrefix,
		"table name prefix of the application's GORM NamingStrategy")
	fs.BoolVar(&o.GORMSingularTable, "gorm-singular-table", o.GORMSingularTable,
		"the application's GORM NamingStrategy uses singular table names")
}

// namer returns the GORM naming strategy the options describe.
func (o *Options) namer() gormschema.Namer {
	return gormschema.NamingStrategy{TablePrefix: o.GORMTablePrefix, SingularTable: o.GORMSingularTable}
}
