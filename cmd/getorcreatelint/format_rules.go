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

// ruleFor returns the description of a category from the analyzer's
// documentation of its checks; generic for a category it does not know.
func ruleFor(category string) rule {
	var r rule
	if c, ok := analyzer.CheckFor(category); ok {
		r = rule{Level: c.Level, Short: c.Title, Full: c.Doc, Help: c.Help, HelpMD: c.HelpMD,
			Tags: c.Tags, Precision: c.Precision}
	} else {
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
