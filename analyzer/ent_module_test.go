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

var (
	entDownload    sync.Once
	entDownloadErr error
)

// EntTestModule returns the directory of the ent test module. analysistest
// loads a module with GOPROXY=off, so its dependencies are first put in
// the module cache with go mod download, through the usual proxy.
func EntTestModule(t *testing.T) string {
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
