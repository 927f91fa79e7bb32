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

func TestConditions(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), analyzer.New(analyzer.Options{}), "conds")
}

func TestModelInAnotherPackage(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), analyzer.New(analyzer.Options{}), "crosspkg")
}

func TestAliasedImportAndFields(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), analyzer.New(analyzer.Options{}), "alias")
}

func TestNotGORM(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), analyzer.New(analyzer.Options{}), "notgorm")
}

func TestStrict(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), analyzer.New(analyzer.Options{Strict: true}), "strict")
}

func TestDirectives(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), analyzer.New(analyzer.Options{}), "directive")
}
