//go:build unix

package livedb

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/getorcreatelint/getorcreatelint/schema/sqlscan"
)

// An SQLite path that is a FIFO (or a device) is refused at once: opening
// it would block until a writer comes.
func TestSQLiteRefusesAFileThatIsNotRegular(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "app.db")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, dsn := range []string{"sqlite://" + fifo, fifo, "/dev/zero.db"} {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		start := time.Now()
		_, err := Introspect(ctx, dsn, Options{Dialect: sqlscan.SQLite})
		cancel()
		if err == nil || time.Since(start) > 5*time.Second {
			t.Errorf("Introspect(%s) = %v after %v; want an error at once", dsn, err, time.Since(start))
		}
	}
	_, err := Introspect(context.Background(), fifo, Options{Dialect: sqlscan.SQLite})
	if !errors.Is(err, ErrConnect) || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("FIFO: %v, want ErrConnect saying it is not a regular file", err)
	}
}
