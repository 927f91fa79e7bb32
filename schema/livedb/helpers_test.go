package livedb

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/getorcreatelint/getorcreatelint/schema"
)

// describeTable renders a table's keys and NOT NULL columns one per line,
// in a stable order, so tests compare whole tables at once.
func describeTable(t *schema.Table) string {
	if t == nil {
		return "<no table>"
	}
	var lines []string
	for _, k := range t.Keys {
		var b strings.Builder
		fmt.Fprintf(&b, "%s %s (", k.Kind, k.Name)
		for i, p := range k.Parts {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(p.String())
			if p.PrefixLen > 0 {
				fmt.Fprintf(&b, "[%d]", p.PrefixLen)
			}
		}
		b.WriteString(")")
		if k.Where != "" {
			b.WriteString(" where " + k.Where)
		}
		if k.NullsNotDistinct {
			b.WriteString(" nulls not distinct")
		}
		lines = append(lines, b.String())
	}
	sort.Strings(lines)
	var notNull []string
	for name, c := range t.Columns {
		if c.NotNull {
			notNull = append(notNull, name)
		}
	}
	sort.Strings(notNull)
	lines = append(lines, strings.TrimSpace("not null: "+strings.Join(notNull, ", ")))
	return strings.Join(lines, "\n")
}

func checkTable(t *testing.T, cat *schema.Catalog, name, want string) {
	t.Helper()
	got := describeTable(cat.Table(name))
	want = strings.TrimSpace(want)
	if got != want {
		t.Errorf("table %s:\ngot:\n%s\nwant:\n%s", name, got, want)
	}
}

// checkSources asserts every key and table names the redacted DSN.
func checkSources(t *testing.T, cat *schema.Catalog, dsn string) {
	t.Helper()
	want := Redact(dsn)
	for _, name := range cat.Names() {
		tab := cat.Tables[name]
		if tab.Source.File != want {
			t.Errorf("table %s source %q, want %q", name, tab.Source.File, want)
		}
		for _, k := range tab.Keys {
			if k.Source.File != want || k.Source.Line != 0 {
				t.Errorf("key %s source %+v, want %q line 0", k.Describe(), k.Source, want)
			}
		}
	}
}

func itoa(n int) string { return fmt.Sprint(n) }
