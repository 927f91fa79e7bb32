package main

import (
	"strings"

	"github.com/getorcreatelint/getorcreatelint/analyzer"
)

// rule describes a diagnostic category for reports that carry rule
// metadata (SARIF) or a severity (SARIF, GitHub annotations).
type rule struct {
	ID        string
	Level     string // SARIF level: error, warning or note
	Short     string // one line
	Full      string
	Help      string // plain text: what to do about a finding
	HelpMD    string // the same in Markdown
	Tags      []string
	Precision string // SARIF precision: very-high, high, medium, low
}

// knownRules describes the categories this file knows. A category added
// to the analyzer later gets a generic description (see ruleFor).
var knownRules = map[string]rule{
	analyzer.CategoryGetOrCreate: {
		Level: "error",
		Short: "Get-or-create lookup that no unique constraint backs",
		Full: "A get-or-create (GORM FirstOrCreate, or a lookup followed by an insert where nothing was found) " +
			"looks rows up by columns that no unique constraint covers. Two concurrent calls can both miss and " +
			"both insert, so the table collects duplicates.",
		Help: "Add a unique index on the lookup's columns (or a subset of them), in the model's tags or the " +
			"migrations, so that the second insert fails instead of duplicating the row; or look up by the " +
			"columns of an existing unique key. The message names the index to add.",
		HelpMD: "Add a unique index on the lookup's columns (or a subset of them), in the model's tags " +
			"(`gorm:\"uniqueIndex\"`) or the migrations, so that the second insert fails instead of duplicating " +
			"the row; or look up by the columns of an existing unique key. The message names the index to add.",
		Tags:      []string{"correctness", "concurrency", "database"},
		Precision: "high",
	},
	analyzer.CategoryUnknownLookup: {
		Level: "warning",
		Short: "Get-or-create whose lookup columns cannot be resolved (strict mode)",
		Full: "A get-or-create whose model, table or lookup columns the analyzer cannot work out (OR, IN or LIKE " +
			"conditions, scopes, conditions held in variables, tables no schema source describes), so it cannot " +
			"tell whether a unique constraint backs it. Reported only with strict mode.",
		Help: "Check by hand that a unique constraint covers the lookup, and rewrite the lookup with plain " +
			"equality conditions if you can; suppress the finding with a reason otherwise.",
		HelpMD: "Check by hand that a unique constraint covers the lookup, and rewrite the lookup with plain " +
			"equality conditions if you can; suppress the finding with `//getorcreatelint:ignore <reason>` otherwise.",
		Tags:      []string{"correctness", "concurrency", "database"},
		Precision: "medium",
	},
	analyzer.CategoryDirective: {
		Level:  "warning",
		Short:  "Suppression directive without a reason",
		Full:   "A //getorcreatelint:ignore comment gives no reason. It suppresses nothing until it says why the get-or-create is safe.",
		Help:   "Write the reason after the directive: //getorcreatelint:ignore <why the get-or-create is safe>.",
		HelpMD: "Write the reason after the directive: `//getorcreatelint:ignore <why the get-or-create is safe>`.",
		Tags:   []string{"maintainability"},
	},
}

// ruleFor returns the description of a category, generic for one this
// file does not know.
func ruleFor(category string) rule {
	r, ok := knownRules[category]
	if !ok {
		name := category
		if name == "" {
			name = "getorcreatelint"
		}
		r = rule{
			Level:  "warning",
			Short:  "getorcreatelint: " + name,
			Full:   "A getorcreatelint finding of category " + name + ".",
			Help:   "See the getorcreatelint README for this category.",
			HelpMD: "See the getorcreatelint README for this category.",
		}
	}
	r.ID = ruleID(category)
	return r
}

// ruleID is the SARIF rule id of a category: the category itself.
func ruleID(category string) string {
	if category == "" {
		return "getorcreatelint"
	}
	return category
}

// informationURI is the project's home page; each rule's help is the
// README section named after its category.
func informationURI() string {
	u, _, _ := strings.Cut(analyzer.URL, "#")
	return u
}

func helpURI(category string) string { return informationURI() + "#" + ruleID(category) }

// reportRules lists the rules of a report: every category the analyzer
// has, in its order, then any other category that findings carry.
func reportRules(findings []finding) []rule {
	var rules []rule
	seen := map[string]bool{}
	add := func(category string) {
		if id := ruleID(category); !seen[id] {
			seen[id] = true
			rules = append(rules, ruleFor(category))
		}
	}
	for _, c := range analyzer.Categories {
		add(c)
	}
	for _, f := range findings {
		add(f.Category)
	}
	return rules
}
