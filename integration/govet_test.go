package integration_test

import (
	"encoding/json"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// getorcreatelint is a single-analyzer checker, so its options are spelled
// the same way standalone and under go vet: -strict, not
// -getorcreatelint.strict. go vet accepts exactly the flags the tool lists
// when asked with -flags.

// The debugging flags, -fix and the duplicate counts (they query the
// database once per run, not once per package) are for the standalone
// driver only.
var standaloneOnly = map[string]bool{"C": true, "format": true, "version": true, "cpuprofile": true, "memprofile": true, "trace": true, "fix": true,
	"dsn-duplicates": true, "dsn-duplicates-timeout": true}

func TestGoVetAcceptsEveryOption(t *testing.T) {
	r := run(t, exampleDir(t), nil, tool(t), "-flags")
	if r.code != 0 {
		t.Fatalf("-flags: exit code %d: %s", r.code, r.stderr)
	}
	var listed []struct{ Name string }
	if err := json.Unmarshal([]byte(r.stdout), &listed); err != nil {
		t.Fatalf("-flags output: %v\n%s", err, r.stdout)
	}
	vet := map[string]bool{}
	for _, f := range listed {
		vet[f.Name] = true
	}

	help := run(t, exampleDir(t), nil, tool(t), "-help")
	all := regexp.MustCompile(`(?m)^  -([\w.-]+)`).FindAllStringSubmatch(help.stderr, -1)
	if len(all) < 10 {
		t.Fatalf("-help lists %d flags:\n%s", len(all), help.stderr)
	}
	for _, m := range all {
		if name := m[1]; !standaloneOnly[name] && !vet[name] {
			t.Errorf("-%s is not offered to go vet", name)
		}
	}
	for _, option := range []string{"strict", "categories", "migrations", "dialect", "discover", "exclude", "gorm-table-prefix", "gorm-singular-table"} {
		if !vet[option] {
			t.Errorf("option -%s is not offered to go vet", option)
		}
	}
}

// Each option set gives the same findings standalone and under go vet.
func TestGoVetOptionsMatchStandalone(t *testing.T) {
	dir := exampleDir(t)
	base := findingLines(run(t, dir, nil, tool(t), "./...").stderr, dir)
	if !reflect.DeepEqual(withoutRelated(base), expectedFindings(t)) {
		t.Fatalf("default run differs from expected.txt:\n%s", strings.Join(base, "\n"))
	}
	for _, tc := range []struct {
		args []string
		want func(lines []string) bool // how the option changes the findings
	}{
		{[]string{"-strict"}, func(l []string) bool { return len(l) >= len(base) }},
		{[]string{"-categories=directive"}, func(l []string) bool { return len(l) == 0 }},
		{[]string{"-categories", "get-or-create,unknown-lookup", "-strict"}, func(l []string) bool {
			text := strings.Join(l, "\n")
			return strings.Contains(text, " on tags ") && !strings.Contains(text, "conflict target")
		}},
		{[]string{"-exclude=store/**"}, func(l []string) bool { return len(l) == 0 }},
		// Without the migrations, orders' key is unknown and the SQL
		// tables are described by no source.
		{[]string{"-discover=false"}, func(l []string) bool {
			text := strings.Join(l, "\n")
			return strings.Contains(text, " on orders ") && !strings.Contains(text, " on coupons ")
		}},
		{[]string{"-discover=false", "-migrations=db/migrations", "-dialect=postgres"}, func(l []string) bool { return reflect.DeepEqual(l, base) }},
		{[]string{"-gorm-table-prefix=shop_"}, func(l []string) bool { return strings.Contains(strings.Join(l, "\n"), " on shop_tags ") }},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			standalone := run(t, dir, nil, tool(t), append(tc.args, "./...")...)
			vetArgs := append(append([]string{"vet", "-vettool=" + tool(t)}, tc.args...), "./...")
			vet := run(t, dir, nil, "go", vetArgs...)
			got, gotVet := findingLines(standalone.stderr, dir), findingLines(vet.stderr, dir)
			if !reflect.DeepEqual(got, gotVet) {
				t.Errorf("standalone and go vet differ:\n--- standalone (exit %d)\n%s\n--- go vet (exit %d)\n%s",
					standalone.code, strings.Join(got, "\n"), vet.code, strings.Join(gotVet, "\n"))
			}
			wantStandalone, wantVet := 0, 0
			if len(got) > 0 {
				wantStandalone, wantVet = 3, 1
			}
			if standalone.code != wantStandalone || vet.code != wantVet {
				t.Errorf("exit codes %d standalone, %d go vet; want %d and %d\n%s", standalone.code, vet.code, wantStandalone, wantVet, vet.stderr)
			}
			if !tc.want(got) {
				t.Errorf("the option did not act as expected; findings:\n%s", strings.Join(got, "\n"))
			}
		})
	}
}

// withoutRelated drops the related-location lines ("file:line:col: \t...").
func withoutRelated(lines []string) []string {
	var out []string
	for _, l := range lines {
		if !strings.Contains(l, ": \t") {
			out = append(out, l)
		}
	}
	return out
}
