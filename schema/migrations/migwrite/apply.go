package migwrite

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrExists means a file Apply would create is already there.
var ErrExists = errors.New("file already exists")

// Apply writes a plan's files. New files are created only where nothing
// exists (checked before anything is written, and again atomically when
// each is linked into place); a file marked Replace is swapped in by
// rename, and only while it still holds the content the plan read. On
// failure the files already created are removed.
func Apply(files []File) error {
	for _, f := range files {
		cur, err := os.ReadFile(f.Path)
		switch {
		case f.Replace && err != nil:
			return fmt.Errorf("migwrite: %w", err)
		case f.Replace && !bytes.Equal(cur, []byte(f.Old)):
			return fmt.Errorf("migwrite: %s changed since the plan was made", f.Path)
		case !f.Replace && err == nil:
			return fmt.Errorf("migwrite: %s: %w", f.Path, ErrExists)
		case !f.Replace && !errors.Is(err, fs.ErrNotExist):
			return fmt.Errorf("migwrite: %w", err)
		}
	}
	var created []string
	undo := func() {
		for _, p := range created {
			os.Remove(p)
		}
	}
	for _, f := range files {
		if f.Replace {
			continue
		}
		if err := createNew(f.Path, f.Content); err != nil {
			undo()
			return err
		}
		created = append(created, f.Path)
	}
	for _, f := range files {
		if !f.Replace {
			continue
		}
		if err := replace(f.Path, f.Content); err != nil {
			undo()
			return err
		}
	}
	return nil
}

// createNew writes content to a temporary file beside path and links it
// into place: the link fails if path exists, and a reader never sees a
// partial file.
func createNew(path, content string) error {
	tmp, err := writeTemp(path, content)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	if err := os.Link(tmp, path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("migwrite: %s: %w", path, ErrExists)
		}
		return fmt.Errorf("migwrite: %w", err)
	}
	return nil
}

func replace(path, content string) error {
	tmp, err := writeTemp(path, content)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("migwrite: %w", err)
	}
	return nil
}

func writeTemp(path, content string) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(path), ".migwrite-*")
	if err != nil {
		return "", fmt.Errorf("migwrite: %w", err)
	}
	_, werr := f.WriteString(content)
	serr := f.Sync()
	cerr := f.Close()
	if err := errors.Join(werr, serr, cerr); err != nil {
		os.Remove(f.Name())
		return "", fmt.Errorf("migwrite: %w", err)
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		os.Remove(f.Name())
		return "", fmt.Errorf("migwrite: %w", err)
	}
	return f.Name(), nil
}
