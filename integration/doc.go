// Package integration tests getorcreatelint inside the tools users run it
// from. It is a module of its own, so that its test-only dependency (a
// JSON-schema validator) stays out of getorcreatelint's go.mod, and so
// that `go test ./...` at the repository root does not run it.
//
//	cd integration && go test ./...                    # quick: SARIF schema, go vet flags
//	cd integration && go test -tags integration ./...  # also golangci-lint and pre-commit
//
// The integration tag adds the slow tests: one builds a golangci-lint
// v2.15.0 binary with the getorcreatelint plugin from the module proxy
// (about 5 minutes on 2 cores the first time, seconds once the Go build
// cache holds it), one runs Debian's pre-commit on the hooks. They skip
// when their tool is missing, except with CI=true, where they fail.
package integration
