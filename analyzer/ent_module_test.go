package analyzer

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

// The ent cases live in a module (testdata/ent) that uses the client ent
// generated for the end-to-end test module: real generated code rather
// than a stand-in, which would mean stubbing most of ent in a GOPATH tree.

// EntTestModule returns the directory of the ent test module.
func EntTestModule(t *testing.T) string { return ModuleDir(t, "ent") }

var downloads sync.Map // module directory -> func() error

// ModuleDir returns the directory of the test module testdata/name.
// analysistest loads a module with GOPROXY=off, so its dependencies are
// first put in the module cache with go mod download, through the usual
// proxy, once per test process.
func ModuleDir(t *testing.T, name string) string {
	t.Helper()
	dir := filepath.Join(analysistest.TestData(), name)
	download, _ := downloads.LoadOrStore(dir, sync.OnceValue(func() error {
		cmd := exec.Command("go", "mod", "download")
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("go mod download in %s: %v\n%s", dir, err, out)
		}
		return nil
	}))
	if err := download.(func() error)(); err != nil {
		t.Fatal(err)
	}
	return dir
}
