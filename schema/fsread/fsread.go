package fsread

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"syscall"
)

// Limits on the size of what is read.
const (
	MaxSchemaFile int64 = 256 << 20 // an SQL migration file, a schema dump with data
	MaxGoFile     int64 = 16 << 20  // a Go migration file: parsing takes many times its size
	MaxConfigFile int64 = 1 << 20   // sqlc.yaml, atlas.hcl, atlas.sum, .getorcreatelint.yml
)

// The reasons a file is refused.
var (
	ErrNotRegular = errors.New("not a regular file")
	ErrTooLarge   = errors.New("larger than the size limit")
	ErrBadLink    = errors.New("dangling or looping symbolic link")
)

// Error names the refused file and why.
type Error struct {
	Path   string
	Reason error  // ErrNotRegular, ErrTooLarge or ErrBadLink
	Detail string // what the file is instead, or its size
}

func (e *Error) Error() string {
	if e.Detail == "" {
		return fmt.Sprintf("%s: %v", e.Path, e.Reason)
	}
	return fmt.Sprintf("%s: %v (%s)", e.Path, e.Reason, e.Detail)
}

func (e *Error) Unwrap() error { return e.Reason }

// Skippable reports whether err is a refusal of this package: the file is
// not one the linter reads, and the caller skips it with a warning.
// Other errors (permission denied, a missing file) are the caller's to
// report.
func Skippable(err error) bool {
	return errors.Is(err, ErrNotRegular) || errors.Is(err, ErrTooLarge) || errors.Is(err, ErrBadLink)
}

// ReadFile returns the content of path, following symbolic links, if it
// is a regular file of at most limit bytes.
func ReadFile(path string, limit int64) ([]byte, error) {
	f, _, err := Open(path, limit)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// The file may grow between the size check and the read: read one byte
	// more than the limit to notice.
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, &Error{Path: path, Reason: ErrTooLarge, Detail: fmt.Sprintf("more than %d bytes", limit)}
	}
	return b, nil
}

// ReadString is ReadFile returning a string, without the copy a
// conversion would make: a schema dump is held in memory once.
func ReadString(path string, limit int64) (string, error) {
	f, size, err := Open(path, limit)
	if err != nil {
		return "", err
	}
	defer f.Close()
	var b strings.Builder
	b.Grow(int(size))
	if _, err := io.Copy(&b, io.LimitReader(f, limit+1)); err != nil {
		return "", err
	}
	if int64(b.Len()) > limit {
		return "", &Error{Path: path, Reason: ErrTooLarge, Detail: fmt.Sprintf("more than %d bytes", limit)}
	}
	return b.String(), nil
}

// Open opens path for reading if it is a regular file of at most limit
// bytes, and returns it with its size. The caller closes it and must not
// read more than limit bytes from it.
func Open(path string, limit int64) (*os.File, int64, error) {
	// Refuse what is not a regular file before opening it: opening a FIFO
	// for reading blocks until a writer comes.
	info, err := os.Stat(path)
	if err != nil {
		return nil, 0, linkError(path, err)
	}
	if err := checkInfo(path, info, limit); err != nil {
		return nil, 0, err
	}
	// Not blocking, in case a FIFO replaced the file since the check; the
	// descriptor's own information is what counts.
	f, err := os.OpenFile(path, os.O_RDONLY|openNonblock, 0)
	if err != nil {
		return nil, 0, linkError(path, err)
	}
	info, err = f.Stat()
	if err == nil {
		err = checkInfo(path, info, limit)
	}
	if err != nil {
		f.Close()
		return nil, 0, err
	}
	return f, info.Size(), nil
}

// CheckRegular reports (as Open does) whether path is a regular file of at
// most limit bytes, without reading it: for files another library opens.
func CheckRegular(path string, limit int64) error {
	f, _, err := Open(path, limit)
	if err != nil {
		return err
	}
	return f.Close()
}

func checkInfo(path string, info fs.FileInfo, limit int64) error {
	if !info.Mode().IsRegular() {
		return &Error{Path: path, Reason: ErrNotRegular, Detail: describeMode(info.Mode())}
	}
	if info.Size() > limit {
		return &Error{Path: path, Reason: ErrTooLarge, Detail: fmt.Sprintf("%d bytes, limit %d", info.Size(), limit)}
	}
	return nil
}

func describeMode(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "mode " + m.String()
}

// linkError turns the failure to stat or open path into ErrBadLink when
// path is a symbolic link that leads nowhere or back to itself.
func linkError(path string, err error) error {
	if errors.Is(err, syscall.ELOOP) {
		return &Error{Path: path, Reason: ErrBadLink, Detail: "too many levels of symbolic links"}
	}
	if errors.Is(err, fs.ErrNotExist) {
		if li, lerr := os.Lstat(path); lerr == nil && li.Mode()&fs.ModeSymlink != 0 {
			target, _ := os.Readlink(path)
			return &Error{Path: path, Reason: ErrBadLink, Detail: "points to missing " + target}
		}
	}
	return err
}
