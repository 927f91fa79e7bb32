package livedb

import (
	"os"
	"testing"

	"github.com/getorcreatelint/getorcreatelint/internal/testdb"
)

// The PostgreSQL and MariaDB servers are shared by every test and stopped
// here.
func TestMain(m *testing.M) { os.Exit(testdb.Main(m)) }
