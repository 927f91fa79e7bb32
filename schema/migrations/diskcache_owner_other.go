//go:build !unix

package migrations

import (
	"fmt"
	"io/fs"
	"os"
)

// trustedCacheDir: without Unix ownership, only a directory under the
// user's own cache directory (the default location) is trusted; a
// directory named by GETORCREATELINT_CACHE is used as given.
func trustedCacheDir(dir string) error {
	info, err := os.Stat(dir)
	if err != nil {
		return err
	}
	if !info.IsDir() {
		return fmt.Errorf("cache %s is not a directory", dir)
	}
	return nil
}

func trustedCacheFile(fs.FileInfo) error { return nil }
