package integration_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// testdata/sarif-schema-2.1.0.json is the OASIS SARIF 2.1.0 schema
// (errata 01), from sarif-2.1/schema/ of the oasis-tcs/sarif-spec
// repository, unchanged.

var (
	schemaOnce sync.Once
	schema     *jsonschema.Schema
	schemaErr  error
)

func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	schemaOnce.Do(func() {
		f, err := os.Open(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
		if err != nil {
			schemaErr = err
			return
		}
		defer f.Close()
		doc, err := jsonschema.UnmarshalJSON(f)
		if err != nil {
			schemaErr = err
			return
		}
		c := jsonschema.NewCompiler()
		if schemaErr = c.AddResource("sarif-schema-2.1.0.json", doc); schemaErr != nil {
			return
		}
		schema, schemaErr = c.Compile("sarif-schema-2.1.0.json")
	})
	if schemaErr != nil {
		t.Fatalf("loading the SARIF schema: %v", schemaErr)
	}
	return schema
}

// validate checks the raw bytes (not a re-encoded struct) against the
// schema.
func validate(t *testing.T, data []byte) error {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("not JSON: %v\n%s", err, data)
	}
	return sarifSchema(t).Validate(doc)
}

func TestGoldenSARIFFilesValidate(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(repoRoot(t), "cmd", "getorcreatelint", "testdata", "*.sarif"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 2 {
		t.Fatalf("found %d golden SARIF files, want at least the example's and the fixes'", len(files))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := validate(t, data); err != nil {
			t.Errorf("%s does not validate:\n%v", f, err)
		}
	}
}

func TestSARIFOutputValidates(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		code int
	}{
		{"findings", []string{"./..."}, 3},
		{"no findings", []string{"-categories=directive", "./..."}, 0},
		{"strict", []string{"-strict", "./..."}, 3},
		{"errors", []string{"-migrations=no/such/dir", "./..."}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"-format", "sarif"}, tc.args...)
			r := run(t, exampleDir(t), nil, tool(t), args...)
			if r.code != tc.code {
				t.Fatalf("exit code %d, want %d; stderr:\n%s", r.code, tc.code, r.stderr)
			}
			if err := validate(t, []byte(r.stdout)); err != nil {
				t.Errorf("output does not validate:\n%v\n%s", err, r.stdout)
			}
		})
	}
}

// The validator is only worth trusting if it rejects what the schema
// forbids.
func TestSchemaRejectsInvalidSARIF(t *testing.T) {
	good, err := os.ReadFile(filepath.Join(repoRoot(t), "cmd", "getorcreatelint", "testdata", "report.sarif"))
	if err != nil {
		t.Fatal(err)
	}
	if err := validate(t, good); err != nil {
		t.Fatalf("the unmodified file does not validate: %v", err)
	}
	for _, tc := range []struct{ name, old, new string }{
		{"unknown level", `"level": "error"`, `"level": "fatal"`},
		{"line zero", `"startLine": 12`, `"startLine": 0`},
		{"wrong version", `"version": "2.1.0"`, `"version": "2.0.0"`},
		{"unknown property", `"ruleIndex": 0`, `"ruleIndex": 0, "severity": "high"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bad := strings.Replace(string(good), tc.old, tc.new, 1)
			if bad == string(good) {
				t.Fatalf("%q not in the file", tc.old)
			}
			if !json.Valid([]byte(bad)) {
				t.Fatalf("the edit broke the JSON")
			}
			if err := validate(t, []byte(bad)); err == nil {
				t.Errorf("accepted a file with %s", tc.name)
			}
		})
	}
}
