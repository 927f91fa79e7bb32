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
	golden := filepath.Join(mod, "expected.txt")
	_, stderr, code := run(t, mod, binary(t), "./...")
	if code != 3 {
		t.Fatalf("standalone: exit code %d, want 3 (findings); stderr:\n%s", code, stderr)
	}
	standalone := diagnosticLines(stderr, mod)
	compareGolden(t, golden, standalone)
	checkRelatedOnce(t, "standalone", stderr)

	// Each finding names the helpers' chain, with paths from the module
	// root, and points at the lookup and the insert inside them. The fix
	// of a lookup on a tag-managed model is its struct tag, and of an ent
	// lookup its schema's Unique(), as in one function.
	for _, want := range []string{
		"internal/service/tags.go:25:19: EnsureTag: FindTagByName (lookup on tags (name), internal/store/tags.go:31) then CreateTag (insert into tags, internal/store/tags.go:72): no unique constraint covers (name) on tags (model Tag); concurrent calls can insert duplicates: add gorm:\"uniqueIndex\" to Tag.Name or a unique index on tags(name)",
		"internal/store/tags.go:31:55: \tthe lookup inside FindTagByName (internal/store/tags.go:31)",
		"internal/store/tags.go:72:31: \tthe insert inside CreateTag (internal/store/tags.go:72)",
		"internal/service/tags.go:35:19: EnsureTagBySentinel: GetTag (lookup on tags (name), internal/store/tags.go:38) then CreateTag (insert into tags, internal/store/tags.go:72): ",
		"internal/service/accounts.go:18:20: AccountID: FindByEmail (lookup on accounts (email), internal/store/accounts.go:20) then Create (insert into accounts, internal/store/accounts.go:29): no unique constraint covers (email) on accounts; ",
		"internal/store/accounts.go:29:14: \tthe insert inside Create (internal/store/accounts.go:29)",
		"internal/service/members.go:28:19: Claim: ByHandle (lookup on members (handle), internal/members/members.go:28) then Create (insert into members, internal/members/members.go:41): no unique constraint covers (handle) on members (model Member); concurrent calls can insert duplicates: add .Unique() to the \"handle\" field of the Member schema or a unique index on members(handle); then Create()...OnConflictColumns(member.FieldHandle).Ignore().ID(ctx) (sql/upsert feature) gets or creates in one statement",
		"internal/members/members.go:28:65: \tthe lookup inside ByHandle (internal/members/members.go:28)",
		"internal/service/members.go:37:23: Reserve: HandleTaken (lookup on members (handle), internal/members/members.go:37) then Create (insert into members, internal/members/members.go:41): ",
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

	// go vet reports the same findings with the same related locations,
	// though it reads the helpers' package from export data, whose files
	// have lines only up to the package's last declaration.
	_, stderr, code = run(t, mod, "go", "vet", "-vettool="+binary(t), "./...")
	if code != 1 {
		t.Fatalf("go vet: exit code %d, want 1 (go vet reports findings with 1); stderr:\n%s", code, stderr)
	}
	compareGolden(t, golden, diagnosticLines(stderr, mod))
	checkRelatedOnce(t, "go vet", stderr)
}

// checkRelatedOnce fails when a finding of a text report names one
// related location twice: the indented lines after a finding are its own.
func checkRelatedOnce(t *testing.T, run, out string) {
	t.Helper()
	var seen map[string]bool
	for _, l := range strings.Split(out, "\n") {
		if !strings.Contains(l, ": \t") {
			seen = map[string]bool{}
			continue
		}
		if seen[l] {
			t.Errorf("%s: a finding names one related location twice: %s", run, l)
		}
		seen[l] = true
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
