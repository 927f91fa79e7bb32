package livedb

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// The causes an *Error can have; test them with errors.Is.
var (
	ErrBadDSN          = errors.New("bad connection string")
	ErrConnect         = errors.New("cannot connect")
	ErrAuth            = errors.New("authentication failed")
	ErrPermission      = errors.New("permission denied")
	ErrUnknownDatabase = errors.New("unknown database")
	ErrTimeout         = errors.New("timed out")
	ErrQuery           = errors.New("reading the schema failed")
)

// Error is the one error type Introspect returns. Its text is safe to print:
// Target is the redacted DSN and Detail has had the password removed.
type Error struct {
	Target string // Redact(dsn)
	Kind   error  // one of the Err* causes above
	Detail string // the driver's message, scrubbed; may be empty
}

func (e *Error) Error() string {
	if e.Detail == "" {
		return fmt.Sprintf("%s: %v", e.Target, e.Kind)
	}
	return fmt.Sprintf("%s: %v: %s", e.Target, e.Kind, e.Detail)
}

// Unwrap exposes the cause only. The driver's own error is deliberately not
// kept: its text, or that of something it wraps, may hold the password.
func (e *Error) Unwrap() error { return e.Kind }

// failure builds the *Error for err, classified by classify (dialect
// specific) and scrubbed of every secret in dsn, naming the database by
// Redact(dsn).
func failure(dsn string, kind error, err error) *Error {
	return failureAt(Redact(dsn), dsn, kind, err)
}

// failureAt is failure naming the database by target: once the driver has
// parsed the DSN, the host, port, user and database it really uses.
func failureAt(target, dsn string, kind error, err error) *Error {
	if kind == nil {
		kind = ErrQuery
	}
	if errors.Is(err, context.DeadlineExceeded) {
		kind = ErrTimeout
	}
	detail := ""
	if err != nil {
		detail = scrub(err.Error(), dsn)
		if kind == ErrBadDSN {
			// A parser quotes the piece it could not read, which can be a
			// piece of the password: keep the reason, not the piece.
			detail = quotedPiece.ReplaceAllString(detail, "$1...$1")
		}
	}
	return &Error{Target: target, Kind: kind, Detail: detail}
}

// The places a driver's message can echo a connection string or a
// password. Messages are redacted by these shapes, never by searching for
// the password's text: a short or common password ("e", "failed") would
// garble the message and show where it occurs.
var (
	// pgx: cannot parse `<its best-effort redaction of the DSN>`.
	quotedDSN = regexp.MustCompile("cannot parse `[^`]*`")
	// net/url: parse "<the URL as given>": ...
	urlParseError = regexp.MustCompile(`parse "(?:[^"\\]|\\.)*"`)
	// scheme://user:password@ up to the last '@' of the word.
	urlUserinfo = regexp.MustCompile(`([A-Za-z][A-Za-z0-9+.-]*://[^:/?#@\s]*):\S*@`)
	// go-sql-driver: user:password@tcp( or @unix(.
	nativeUserinfo = regexp.MustCompile(`([^\s:@/]*):\S*@(tcp|unix)\(`)
	// A quoted piece of input in a parse error.
	quotedPiece = regexp.MustCompile("(['\"`])(?:[^'\"`\\\\]|\\\\.)*['\"`]")
	// A password-like URL query parameter: ?password=..., &sslpassword=...
	urlQueryPassword = regexp.MustCompile(`(?i)([?&][a-z_]*(?:pass|pwd)[a-z_]*=)[^&\s#]*`)
	// libpq keyword/value: password=... or password='...'.
	keyValuePassword = regexp.MustCompile(`(?i)\b(password|sslpassword)(\s*=\s*)('(?:[^'\\]|\\.)*'?|\S+)`)
)

// scrub removes from msg the DSN itself and anything shaped like a
// password in a connection string.
func scrub(msg, dsn string) string {
	if dsn != "" {
		msg = strings.ReplaceAll(msg, dsn, Redact(dsn))
		msg = strings.ReplaceAll(msg, quoteInner(dsn), Redact(dsn))
	}
	msg = quotedDSN.ReplaceAllLiteralString(msg, "cannot parse the connection string")
	msg = urlParseError.ReplaceAllLiteralString(msg, "parse the connection string")
	msg = urlUserinfo.ReplaceAllString(msg, "$1@")
	msg = urlQueryPassword.ReplaceAllString(msg, "${1}xxxxx")
	msg = nativeUserinfo.ReplaceAllString(msg, "$1@$2(")
	msg = keyValuePassword.ReplaceAllString(msg, "$1$2xxxxx")
	return msg
}
