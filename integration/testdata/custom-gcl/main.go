// Command custom-gcl is golangci-lint with the plugins of plugins.go
// compiled in: what `golangci-lint custom` builds, without its git clone.
package main

import (
	"fmt"
	"os"
	"runtime"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"
)

func main() {
	info := commands.BuildInfo{
		Version:   "2.15.0-custom-gcl",
		Commit:    "?",
		Date:      "(unknown)",
		GoVersion: runtime.Version(),
	}
	if err := commands.Execute(info); err != nil {
		fmt.Fprintf(os.Stderr, "The command is terminated due to an error: %v\n", err)
		os.Exit(exitcodes.Failure)
	}
}
