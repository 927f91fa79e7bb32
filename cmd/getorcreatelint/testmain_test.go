package main_test

import (
	"os"
	"testing"

	"github.com/getorcreatelint/getorcreatelint/internal/testdb"
)

// TestMain stops the database servers the tests started.
func TestMain(m *testing.M) { os.Exit(testdb.Main(m)) }
