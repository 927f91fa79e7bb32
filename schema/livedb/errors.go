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
// specific) and scrubbed of every secret in dsn.
func failure(dsn string, kind error, err error) *Error {
	if kind == nil {
		kind = ErrQuery
	}
	if errors.Is(err, context.DeadlineExceeded) {
		kind = ErrTimeout
	}
	detail := ""
	if err != nil {
		detail = scrub(err.Error(), dsn)
	}
	return &Error{Target: Redact(dsn), Kind: kind, Detail: detail}
}

// quotedDSN is how pgx echoes a connection string it cannot parse; its
// own redaction is best effort, so the echo is replaced whole.
var quotedDSN = regexp.MustCompile("cannot parse `[^`]*`")

// scrub removes the DSN itself and every secret it carries from msg.
func scrub(msg, dsn string) string {
	if dsn != "" {
		msg = strings.ReplaceAll(msg, dsn, Redact(dsn))
	}
	msg = quotedDSN.ReplaceAllLiteralString(msg, "cannot parse the connection string")
	for _, s := range secrets(dsn) {
		msg = strings.ReplaceAll(msg, s, "xxxxx")
	}
	return msg
}
