package main_test

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestParametricRepositoryModule runs the binary, standalone and as a go
// vet tool, on a module whose repositories take their lookups' columns,
// conditions, values and models from their callers (testdata/paramapp:
// the real gorm.io/gorm v1.31.2, a generic Repo[T], finders whose column
// or role is an argument).
func TestParametricRepositoryModule(t *testing.T) {
	mod := "testdata/paramapp"
	_, stderr, code := run(t, mod, binary(t), "./...")
	if code != 3 {
		t.Fatalf("standalone: exit code %d, want 3 (findings); stderr:\n%s", code, stderr)
	}
	standalone := diagnosticLines(stderr, mod)
	compareGolden(t, filepath.Join(mod, "expected.txt"), standalone)
	for _, want := range []string{
		"internal/service/service.go:23:20: UserByEmail: FindByField (lookup on users (email), internal/store/repo.go:25) then Create (insert into users, internal/store/repo.go:37)",
		"internal/service/service.go:33:20: UserByName: FindOne (lookup on users (name)",
		"internal/service/service.go:42:22: Owner: Find (lookup on members (tenant_id, role)",
	} {
		if !containsPrefix(standalone, want) {
			t.Errorf("standalone: no line starting with %q", want)
		}
	}
	// AccountByEmail's column is unique, Admin's role has the partial
	// index, UserByColumn's column is unknown: silent by default.
	for _, fn := range []string{"AccountByEmail", "Admin", "UserByColumn"} {
		for _, l := range standalone {
			if strings.Contains(l, fn+":") {
				t.Errorf("standalone: %s reported: %s", fn, l)
			}
		}
	}

	_, stderr, code = run(t, mod, binary(t), "-strict", "./...")
	if code != 3 {
		t.Fatalf("-strict: exit code %d, want 3; stderr:\n%s", code, stderr)
	}
	const unknown = "UserByColumn: FindByField (lookup on users, internal/store/repo.go:25) then Create (insert into users, internal/store/repo.go:37): lookup columns unknown (the column passed to FindByField is not a constant)"
	if !strings.Contains(stderr, unknown) {
		t.Errorf("-strict: no line with %q:\n%s", unknown, stderr)
	}

	_, stderr, code = run(t, mod, "go", "vet", "-vettool="+binary(t), "./...")
	if code != 1 {
		t.Fatalf("go vet: exit code %d, want 1 (go vet reports findings with 1); stderr:\n%s", code, stderr)
	}
	compareGolden(t, filepath.Join(mod, "expected.txt"), diagnosticLines(stderr, mod))
}
