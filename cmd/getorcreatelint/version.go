package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
)

// buildVersion returns the module version the binary was built from
// ("(devel)" or a pseudo-version from a checkout), the VCS revision and
// whether the work tree had changes, as the go command recorded them.
func buildVersion() (version, revision string, modified bool) {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)", "", false
	}
	version = bi.Main.Version
	if version == "" {
		version = "(devel)"
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			revision = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	return version, revision, modified
}

// printVersion answers -version and the version subcommand.
func printVersion(w io.Writer) {
	version, revision, modified := buildVersion()
	fmt.Fprintf(w, "getorcreatelint %s", version)
	if revision != "" {
		fmt.Fprintf(w, " revision %s", revision)
		if modified {
			fmt.Fprint(w, " (modified)")
		}
	}
	fmt.Fprintf(w, " %s %s/%s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

// toolVersion is the version SARIF logs record: the module version, or
// for a development build "devel" and the revision when known.
func toolVersion() string {
	version, revision, modified := buildVersion()
	if version != "(devel)" && version != "(unknown)" {
		return version
	}
	v := "devel"
	if revision != "" {
		v += "+" + revision
		if modified {
			v += ".dirty"
		}
	}
	return v
}
