package main_test

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestRepositoryModule runs the binary, standalone and as a go vet tool,
// on a module split into models, repositories (internal/store: the real
// gorm.io/gorm v1.31.2 and database/sql; internal/members: a client that
// entgo.io/ent v0.14.5 generated into internal/ent) and services
// (internal/service) that get-or-create only through the repositories'
// methods, one of them called through an interface.
func TestRepositoryModule(t *testing.T) {
	mod := "testdata/repoapp"
	_, stderr, code := run(t, mod, binary(t), "./...")
	if code != 3 {
		t.Fatalf("standalone: exit code %d, want 3 (findings); stderr:\n%s", code, stderr)
	}
	standalone := diagnosticLines(stderr, mod)
	compareGolden(t, filepath.Join(mod, "expected.txt"), standalone)

	// Each finding names the helpers' chain and points at the lookup and
	// the insert inside them.
	for _, want := range []string{
		"internal/service/tags.go:25:19: EnsureTag: FindTagByName (lookup on tags (name), store/tags.go:31) then CreateTag (insert into tags, store/tags.go:72) (line 28) on tags looks up (name) but no unique constraint covers it",
		"internal/store/tags.go:31:1: \tthe lookup inside FindTagByName (store/tags.go:31)",
		"internal/store/tags.go:72:1: \tthe insert inside CreateTag (store/tags.go:72)",
		"internal/service/tags.go:35:19: EnsureTagBySentinel: GetTag (lookup on tags (name), store/tags.go:38) then CreateTag (insert into tags, store/tags.go:72) (line 38)",
		"internal/service/accounts.go:18:20: AccountID: FindByEmail (lookup on accounts (email), store/accounts.go:20) then Create (insert into accounts, store/accounts.go:29) (line 20) on accounts looks up (email)",
		"internal/service/members.go:28:19: Claim: ByHandle (lookup on members (handle), members/members.go:28) then Create (insert into members, members/members.go:41) (line 30) on members looks up (handle) but no unique constraint covers it",
		"internal/members/members.go:28:1: \tthe lookup inside ByHandle (members/members.go:28)",
		"internal/service/members.go:37:23: Reserve: HandleTaken (lookup on members (handle), members/members.go:37) then Create (insert into members, members/members.go:41) (line 41)",
	} {
		if !containsPrefix(standalone, want) {
			t.Errorf("standalone: no line starting with %q", want)
		}
	}
	// The named negatives stay silent.
	// Join looks up by a field the ent schema declares Unique().
	for _, fn := range []string{"EnsureLabel", "CopyTag", "ReportMissingTag", "EnsureCachedTag", "Join"} {
		for _, l := range standalone {
			if strings.Contains(l, fn+":") {
				t.Errorf("standalone: %s reported: %s", fn, l)
			}
		}
	}

	_, stderr, code = run(t, mod, "go", "vet", "-vettool="+binary(t), "./...")
	if code != 1 {
		t.Fatalf("go vet: exit code %d, want 1 (go vet reports findings with 1); stderr:\n%s", code, stderr)
	}
	vet := diagnosticLines(stderr, mod)
	compareGolden(t, filepath.Join(mod, "expected.vet.txt"), vet)
	// go vet reports the same findings. Its related locations are a
	// subset: an imported package's positions come from export data, whose
	// files have lines only up to the last declaration, so a helper's call
	// below it cannot be pointed at.
	if got, want := findingLines(vet), findingLines(standalone); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("go vet findings differ from standalone:\n--- go vet\n%s\n--- standalone\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, l := range vet {
		if !containsPrefix(standalone, l) {
			t.Errorf("go vet printed a line standalone did not: %s", l)
		}
	}
}

func containsPrefix(lines []string, prefix string) bool {
	for _, l := range lines {
		if strings.HasPrefix(l, prefix) {
			return true
		}
	}
	return false
}

// findingLines drops the related locations (indented messages).
func findingLines(lines []string) []string {
	var out []string
	for _, l := range lines {
		if !strings.Contains(l, ": \t") {
			out = append(out, l)
		}
	}
	return out
}
