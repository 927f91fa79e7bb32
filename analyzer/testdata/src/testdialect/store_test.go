package testdialect

import (
	"testing"

	"gorm.io/driver/sqlite"
)

func TestEnsureLabel(t *testing.T) {
	_ = sqlite.Open(":memory:")
}
