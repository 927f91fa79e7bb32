package main_test

import (
	"path/filepath"
	"testing"
)

// TestBunModule runs the binary, standalone and as a go vet tool, on a
// module using the real github.com/uptrace/bun, whose keys come from its
// migrations folder (found by discovery) and its models' tags.
func TestBunModule(t *testing.T) {
	mod := "testdata/bunapp"
	golden := filepath.Join(mod, "expected.txt")
	t.Run("standalone", func(t *testing.T) {
		_, stderr, code := run(t, mod, binary(t), "./...")
		if code != 3 {
			t.Fatalf("exit code %d, want 3 (findings); stderr:\n%s", code, stderr)
		}
		compareGolden(t, golden, diagnosticLines(stderr, mod))
	})
	t.Run("go vet", func(t *testing.T) {
		_, stderr, code := run(t, mod, "go", "vet", "-vettool="+binary(t), "./...")
		if code != 1 {
			t.Fatalf("exit code %d, want 1 (go vet reports findings with 1); stderr:\n%s", code, stderr)
		}
		compareGolden(t, golden, diagnosticLines(stderr, mod))
	})
}
