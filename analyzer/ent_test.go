package analyzer_test

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/getorcreatelint/getorcreatelint/analyzer"
)

// The ent cases live in a module (testdata/ent) that uses the client ent
// generates for the end-to-end test module: real generated code, not a
// stand-in, which would be most of ent to stub in a GOPATH tree.

func TestEnt(t *testing.T) {
	analysistest.Run(t, entModule(t), analyzer.New(analyzer.Options{}),
		"example.com/entcases/lookups",    // each query method that runs a lookup
		"example.com/entcases/notfound",   // each way of testing for no row
		"example.com/entcases/predicates", // columns and keys: fields, mixins, storage keys, indexes, edges
		"example.com/entcases/clients",    // stored clients, transactions, aliases
		"example.com/entcases/notent",     // look-alike types
	)
}

func TestEntStrict(t *testing.T) {
	analysistest.Run(t, entModule(t), analyzer.New(analyzer.Options{Strict: true}), "example.com/entcases/strict")
}

var (
	entDownload    sync.Once
	entDownloadErr error
)

// entModule returns the directory of the ent test module. analysistest
// loads a module with GOPROXY=off, so its dependencies are first put in
// the module cache with go mod download, through the usual proxy.
func entModule(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(analysistest.TestData(), "ent")
	entDownload.Do(func() {
		cmd := exec.Command("go", "mod", "download")
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			entDownloadErr = fmt.Errorf("go mod download in %s: %v\n%s", dir, err, out)
		}
	})
	if entDownloadErr != nil {
		t.Fatal(entDownloadErr)
	}
	return dir
}
