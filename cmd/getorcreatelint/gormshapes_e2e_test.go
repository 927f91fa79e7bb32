package main_test

import (
	"path/filepath"
	"testing"
)

// TestGORMShapesModule runs the binary, standalone and as a go vet tool,
// on a module using the real gorm.io/gorm v1.31.2: its generics API
// (gorm.G[T]), Raw SELECTs, Not, Joins, Scopes, a condition held in a
// variable, and lookups whose misses are inserted in one batch.
func TestGORMShapesModule(t *testing.T) {
	mod := "testdata/gormshapes"
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
