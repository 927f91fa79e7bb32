package analyzer_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/getorcreatelint/getorcreatelint/analyzer"
)

func TestBasic(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), analyzer.New(analyzer.Options{}), "basic")
}

func TestFlow(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), analyzer.New(analyzer.Options{}), "flow")
}
