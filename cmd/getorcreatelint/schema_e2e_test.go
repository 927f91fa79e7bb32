package main_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSchemaSubcommand(t *testing.T) {
	mod := "../../example"
	stdout, stderr, code := run(t, mod, binary(t), "schema")
	if code != 0 {
		t.Fatalf("exit code %d; stderr:\n%s", code, stderr)
	}
	compareGolden(t, filepath.Join(mod, "expected-schema.txt"), strings.Split(strings.TrimRight(stdout, "\n"), "\n"))

	stdout, stderr, code = run(t, mod, binary(t), "schema", "-json")
	if code != 0 {
		t.Fatalf("-json: exit code %d; stderr:\n%s", code, stderr)
	}
	var snapshot struct {
		Tables []struct {
			Table  string `json:"table"`
			Unique []struct {
				Name    string   `json:"name"`
				Columns []string `json:"columns"`
				Where   string   `json:"where"`
				Source  string   `json:"source"`
			} `json:"unique"`
		} `json:"tables"`
	}
	if err := json.Unmarshal([]byte(stdout), &snapshot); err != nil {
		t.Fatalf("schema -json is not a snapshot with a list of tables: %v\n%s", err, stdout)
	}
	found := false
	for _, tb := range snapshot.Tables {
		for _, k := range tb.Unique {
			if tb.Table == "orders" && k.Name == "orders_customer_ref" &&
				strings.Join(k.Columns, ",") == "customer_id,external_ref" &&
				k.Source == "db/migrations/0002_order_refs.up.sql:2" {
				found = true
			}
		}
	}
	if !found {
		t.Errorf("schema -json lacks orders_customer_ref from the migrations:\n%s", stdout)
	}
}

// copyModule copies a test module to a temporary directory, so a test can
// add files to it.
func copyModule(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if info.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

func TestConfigFileInBothModes(t *testing.T) {
	mod := copyModule(t, "testdata/gormapp")
	config := "exclude: [app/app.go]\n"
	if err := os.WriteFile(filepath.Join(mod, ".getorcreatelint.yml"), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := run(t, mod, binary(t), "./..."); code != 0 {
		t.Errorf("standalone with the file excluded: exit code %d, want 0; stderr:\n%s", code, stderr)
	}
	if _, stderr, code := run(t, mod, "go", "vet", "-vettool="+binary(t), "./..."); code != 0 {
		t.Errorf("go vet with the file excluded: exit code %d, want 0; stderr:\n%s", code, stderr)
	}
	// A flag overrides the file.
	if _, _, code := run(t, mod, binary(t), "-exclude=", "./..."); code != 3 {
		t.Errorf("-exclude= must override the configuration: exit code %d, want 3", code)
	}

	if err := os.WriteFile(filepath.Join(mod, ".getorcreatelint.yml"), []byte("unknown-key: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := run(t, mod, binary(t), "./...")
	if code != 2 || !strings.Contains(stderr, `.getorcreatelint.yml:1: unknown option "unknown-key"`) {
		t.Errorf("bad configuration: exit code %d, stderr %q; want 2 and the key named", code, stderr)
	}
}

func TestMissingMigrationsPath(t *testing.T) {
	_, stderr, code := run(t, "testdata/gormapp", binary(t), "-migrations=no/such/dir", "./...")
	if code != 1 || !strings.Contains(stderr, "no/such/dir") {
		t.Errorf("exit code %d, stderr %q; want 1 and the path named", code, stderr)
	}
}

// go vet caches results keyed by the tool's -V=full answer, which covers
// the module's SQL files: adding a migration must not replay a stale result.
func TestGoVetSeesMigrationChanges(t *testing.T) {
	mod := copyModule(t, "../../example")
	_, stderr, _ := run(t, mod, "go", "vet", "-vettool="+binary(t), "./store")
	if !strings.Contains(stderr, "on tags looks up (name)") {
		t.Fatalf("first go vet run lacks the tags finding:\n%s", stderr)
	}
	index := "CREATE UNIQUE INDEX tags_name ON tags (name);\n"
	if err := os.WriteFile(filepath.Join(mod, "db", "migrations", "0003_tags_name.up.sql"), []byte(index), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, _ = run(t, mod, "go", "vet", "-vettool="+binary(t), "./store")
	if strings.Contains(stderr, "on tags looks up (name)") {
		t.Errorf("go vet replayed a cached result after a migration added the key:\n%s", stderr)
	}
}
