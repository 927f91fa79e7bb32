package summary

import (
	"fmt"
	"strings"
)

// Fact is a function's summary, exported for the functions of the user's
// module whose summary is not empty.
type Fact struct{ Summary Summary }

// AFact marks Fact as an analysis fact.
func (*Fact) AFact() {}

// String is the summary in short: "lookup tags(name) err#1; insert tags;
// predicate".
func (f *Fact) String() string {
	var parts []string
	for _, l := range f.Summary.Lookups {
		var cols, sigs []string
		for _, t := range l.Terms {
			cols = append(cols, t.String())
		}
		if l.Params != nil {
			for _, g := range l.Params.Groups {
				if g.Read {
					continue
				}
				var args []string
				for _, a := range g.Args {
					args = append(args, a.String())
				}
				cols = append(cols, "where("+strings.Join(args, ", ")+")")
			}
		}
		for _, s := range l.Signals {
			sigs = append(sigs, fmt.Sprintf("%s#%d", s.Kind, s.Result))
		}
		if len(sigs) == 0 {
			sigs = []string{"unclear"}
		}
		table := l.Table
		if l.Params != nil && l.Params.From.Set() {
			table = l.Params.From.String()
		}
		parts = append(parts, fmt.Sprintf("lookup %s(%s) %s", table, strings.Join(cols, ","), strings.Join(sigs, ",")))
	}
	for _, ins := range f.Summary.Inserts {
		if ins.Model.Set() {
			parts = append(parts, "insert "+ins.Model.String())
			continue
		}
		parts = append(parts, "insert "+ins.Table)
	}
	if f.Summary.Predicate {
		parts = append(parts, "predicate")
	}
	return strings.Join(parts, "; ")
}

func (k SignalKind) String() string {
	switch k {
	case ErrResult:
		return "err"
	case SentinelResult:
		return "sentinel"
	case BoolResult:
		return "bool"
	case NilResult:
		return "nil"
	}
	return "?"
}
