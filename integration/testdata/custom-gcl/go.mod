// A golangci-lint v2.15.0 with the getorcreatelint plugin compiled in,
// built without `golangci-lint custom` (which clones golangci-lint's git
// repository): golangci-lint's main plus a blank import of the plugin.
// The integration tests copy this directory, point the replace directive
// at the checkout, run go mod tidy and build it.
module example.com/custom-gcl

go 1.26.0

require (
	github.com/getorcreatelint/getorcreatelint v0.0.0
	github.com/golangci/golangci-lint/v2 v2.15.0
)

replace github.com/getorcreatelint/getorcreatelint => ../../..
