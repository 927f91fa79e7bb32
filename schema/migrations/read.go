package migrations

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/getorcreatelint/getorcreatelint/schema/fsread"
)

// readSource reads a migration or schema file as text for the replay. A
// file the linter does not read (not a regular file, over the size limit,
// a dangling or looping symbolic link) or cannot take as SQL (binary)
// yields skip, the reason for a warning naming the file; other failures,
// such as permission denied, are errors.
//
// Text is taken as the servers' clients take it: a UTF-8 byte order mark
// is dropped (psql, mysql and flyway strip it), and a file that is not
// valid UTF-8 is read as Latin-1 (a legacy editor's comment or string),
// with a note, since the statements around such bytes are plain ASCII.
func readSource(path string) (src string, note, skip string, err error) {
	src, err = fsread.ReadString(path, fsread.MaxSchemaFile)
	if err != nil {
		if fsread.Skippable(err) {
			return "", "", skipReason(err, path) + "; skipped", nil
		}
		return "", "", "", fmt.Errorf("migrations: %w", err)
	}
	if strings.IndexByte(src[:min(len(src), 8000)], 0) >= 0 {
		return "", "", "binary file skipped", nil
	}
	src = strings.TrimPrefix(src, "\ufeff")
	if !utf8.ValidString(src) {
		return latin1(src), "file is not valid UTF-8; read as Latin-1", "", nil
	}
	return src, "", "", nil
}

// skipReason is fsread's message without the path, which the warning's
// source names already.
func skipReason(err error, path string) string {
	return strings.TrimPrefix(err.Error(), path+": ")
}

// latin1 decodes ISO 8859-1: every byte is the code point of its value.
func latin1(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < utf8.RuneSelf {
			b.WriteByte(c)
		} else {
			b.WriteRune(rune(c))
		}
	}
	return b.String()
}
