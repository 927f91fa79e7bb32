package main

// The file `golangci-lint custom` generates: one blank import per plugin.
import (
	_ "github.com/getorcreatelint/getorcreatelint/plugin"
)
